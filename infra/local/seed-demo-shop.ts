import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { DynamoDbImportStore } from '../../adapters/aws/dynamodb-import-store';
import { generateDemoShop } from '../../core/demo/generate-demo-shop';
import { ImportKind } from '../../core/ingest/import-kind';
import type { LocalStack } from './start-local-stack';
import { waitUntil } from './wait-until';

export interface DemoSeedResult {
  asOf: string;
  imports: { kind: ImportKind; key: string; status: string; rows: number }[];
  runOutcome: string;
  /** The win-back campaign sent to the At Risk segment, into the local outbox. */
  campaignId: string;
}

/** Calls the local admin API as the dashboard and CLI do. */
const adminCall = async (
  stack: LocalStack,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> => {
  const response = await fetch(`${stack.api.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${stack.secrets.adminKey}`,
      'content-type': 'application/json',
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
};

const WIN_BACK = {
  name: 'Demo: we miss you',
  audience: { segmentIds: ['rfm:at-risk'] },
  holdoutPercent: 10,
  content: {
    subject: 'We miss you, {{ first_name | default: "friend" }}',
    html: '<p>Hi {{ first_name | default: "there" }},</p><p>It has been a while. Here is 15% off your next order.</p>',
  },
};

/**
 * Loads the demo shop the way a user would load a real one: uploads its three exports to the
 * bucket (customers first, so orders and events find full profiles), waits for each import the
 * bucket event triggers, runs the segmentation as of `asOf`, then sends a win-back campaign to
 * the At Risk segment through the admin API, so the local outbox has mail to look at.
 */
export const seedDemoShop = async ({
  stack,
  asOf,
  customers,
  onProgress = () => undefined,
}: {
  stack: LocalStack;
  asOf: string;
  customers?: number;
  onProgress?: (message: string) => void;
}): Promise<DemoSeedResult> => {
  const shop = generateDemoShop({ asOf, ...(customers !== undefined && { customers }) });
  const clients = createAwsClients(stack.aws.config.clients);
  const imports = new DynamoDbImportStore(clients.documents, stack.aws.config.tables.imports);
  const results: DemoSeedResult['imports'] = [];
  try {
    for (const kind of ImportKind.options) {
      const file = shop.files[kind];
      onProgress(`uploading ${file.key} (${file.rows} rows)`);
      await clients.s3.send(
        new PutObjectCommand({
          Bucket: stack.aws.config.bucket,
          Key: file.key,
          Body: file.content,
          ContentType: 'text/csv',
        }),
      );
      let status = 'running';
      await waitUntil(
        async () => {
          const { imports: recent } = await imports.listImports({ limit: 10 });
          status = recent.find((record) => record.key === file.key)?.status ?? 'running';
          return status !== 'running';
        },
        { timeoutMs: 300_000, what: `the import of ${file.key}` },
      );
      results.push({ kind, key: file.key, status, rows: file.rows });
    }
    onProgress(`segmenting as of ${asOf}`);
    const run = await stack.resegment(asOf);
    onProgress('sending a win-back campaign to At Risk');
    const campaign = await adminCall(stack, '/v1/campaigns', WIN_BACK);
    const campaignId = String(campaign.campaignId);
    await adminCall(stack, `/v1/campaigns/${campaignId}/send`);
    await stack.campaigns.idle();
    return { asOf, imports: results, runOutcome: run.outcome, campaignId };
  } finally {
    clients.dynamodb.destroy();
    clients.s3.destroy();
  }
};
