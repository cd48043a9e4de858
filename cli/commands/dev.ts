import { resolve } from 'node:path';
import { Command } from 'commander';
import { localDateOf } from '../../core/shared/local-date';
import { seedDemoShop } from '../../infra/local/seed-demo-shop';
import { startLocalStack } from '../../infra/local/start-local-stack';

const DATA_DIR = resolve(import.meta.dirname, '..', '..', '.local', 'data');

const portFromEnv = (name: string): number | undefined => {
  const value = process.env[name];
  return value ? Number(value) : undefined;
};

/** `shoal dev`: run the local stack in the foreground until Ctrl-C. */
export const devCommand = (): Command =>
  new Command('dev')
    .description(
      'Start Shoal locally: DynamoDB Local, an S3 server, a local SES endpoint, the API and the dashboard, with the ingest trigger and the nightly run',
    )
    .option('--fresh', 'start from empty data instead of what the last run left in .local/data')
    .option('--demo', 'load the demo shop (3,000 customers, two years of orders) and segment it')
    .option(
      '--time-zone <zone>',
      'the shop’s time zone (nightly run at 02:00 there)',
      process.env.SHOP_TIME_ZONE ?? 'UTC',
    )
    .action(async (options: { fresh?: boolean; demo?: boolean; timeZone: string }) => {
      // The handlers log every request at INFO, as in Lambda; on a terminal that buries the summary.
      process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
      const stack = await startLocalStack({
        dataDir: DATA_DIR,
        fresh: options.fresh ?? false,
        timeZone: options.timeZone,
        currency: process.env.SHOP_CURRENCY ?? 'USD',
        locale: process.env.SHOP_LOCALE ?? 'en-US',
        corsOrigins: (process.env.SHOAL_CORS_ORIGINS ?? '').split(',').filter(Boolean),
        ports: {
          dynamodb: portFromEnv('SHOAL_DYNAMODB_PORT'),
          s3: portFromEnv('SHOAL_S3_PORT'),
          ses: portFromEnv('SHOAL_SES_PORT'),
          api: portFromEnv('SHOAL_API_PORT') ?? 4600,
        },
      });
      const stop = () => {
        stack.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (options.demo) {
        const asOf = localDateOf(new Date(), options.timeZone);
        const seeded = await seedDemoShop({
          stack,
          asOf,
          onProgress: (message) => console.error(`demo: ${message}`),
        });
        console.error(
          `demo: ${seeded.imports.map((i) => `${i.kind} ${i.status}`).join(', ')}; segmentation ${seeded.runOutcome}; campaign ${seeded.campaignId} sent (${stack.aws.ses.outbox().length} messages in the outbox)`,
        );
      }
      const { clients, bucket } = stack.aws.config;
      console.log(
        [
          'Shoal is running locally (loopback only). Data persists in .local/data (--fresh resets it).',
          `  Dashboard       ${stack.api.url}/#key=${stack.secrets.adminKey}`,
          `  API             ${stack.api.url}/v1  (OpenAPI: ${stack.api.url}/openapi.json)`,
          `  Admin key       ${stack.secrets.adminKey}   (Authorization: Bearer <key>; SHOAL_ADMIN_KEY overrides)`,
          `  Storefront key  ${stack.secrets.storefrontKey}   (x-shoal-storefront-key header)`,
          `  SES outbox      ${stack.api.url}/#/outbox  or  npx shoal outbox`,
          `  S3              ${clients.endpoints.s3}  bucket ${bucket}: upload exports under imports/customers/, imports/orders/ or imports/events/ (or npx shoal upload FILE)`,
          `  DynamoDB Local  ${clients.endpoints.dynamodb}`,
          'Press Ctrl-C to stop.',
        ].join('\n'),
      );
    });
