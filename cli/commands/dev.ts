import { resolve } from 'node:path';
import { Command } from 'commander';
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
      'Start Shoal locally: DynamoDB Local, an S3 server and a local SES endpoint, with the ingest trigger',
    )
    .option('--fresh', 'start from empty data instead of what the last run left in .local/data')
    .action(async (options: { fresh?: boolean }) => {
      const stack = await startLocalStack({
        dataDir: DATA_DIR,
        fresh: options.fresh ?? false,
        ports: {
          dynamodb: portFromEnv('SHOAL_DYNAMODB_PORT'),
          s3: portFromEnv('SHOAL_S3_PORT'),
          ses: portFromEnv('SHOAL_SES_PORT'),
        },
      });
      const { clients, bucket } = stack.aws.config;
      console.log(
        [
          'Shoal is running locally (loopback only). Data persists in .local/data (use --fresh to reset).',
          `  DynamoDB Local  ${clients.endpoints.dynamodb}`,
          `  S3              ${clients.endpoints.s3}  bucket ${bucket}: upload exports under imports/customers/, imports/orders/ or imports/events/`,
          `  SES outbox      ${clients.endpoints.ses}/_shoal/outbox`,
          'Press Ctrl-C to stop.',
        ].join('\n'),
      );
      await new Promise<void>((resolveStop) => {
        const stop = () => {
          stack.stop().then(resolveStop, resolveStop);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
