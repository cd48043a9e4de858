import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCustomerStore } from '../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../adapters/aws/dynamodb-segment-store';
import type { CampaignAudience } from '../../core/campaigns/campaign';
import type { CustomerSegments } from '../../core/segmentation-runs/segmentation-run';
import type { CustomerFeatures } from '../../core/segments';

const RUN_ID = 'run-2026-03-01';
const AT = '2026-03-01T00:00:00.000Z';

/** The audience of the segment `seedCampaignSegment` makes for `prefix`. */
export const audienceOf = (prefix: string): CampaignAudience => ({
  segmentIds: [`seg-${prefix}`],
  excludedSegmentIds: [],
});

/**
 * `count` customers with marketing consent, in segment `seg-<prefix>` of a current run, written
 * straight into the tables (a real segmentation run takes far longer than a campaign test
 * needs). Ids are `<prefix>-000`…, addresses `<id>@example.com`.
 */
export const seedCampaignSegment = async ({
  documents,
  tables,
  prefix,
  count,
}: {
  documents: DynamoDBDocumentClient;
  tables: { customers: string; segments: string };
  prefix: string;
  count: number;
}): Promise<string[]> => {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
  await new DynamoDbCustomerStore(documents, tables.customers).saveProfiles(
    ids.map((customerId) => ({
      customerId,
      email: `${customerId}@example.com`,
      firstName: 'Ada',
      consent: { state: 'granted' },
      attributes: {},
      sourceTimes: {},
      createdAt: AT,
      updatedAt: AT,
      version: 1,
    })),
  );
  const summaries: CustomerSegments[] = ids.map((customerId) => ({
    customerId,
    runId: RUN_ID,
    asOf: '2026-03-01',
    email: `${customerId}@example.com`,
    rfm: { r: 5, f: 5, m: 5, segmentId: 'rfm-champions', segmentName: 'Champions' },
    lifecycleStage: 'active',
    memberships: [
      {
        segmentId: `seg-${prefix}`,
        segmentName: prefix,
        kind: 'rule',
        reason: ['test'],
        since: AT,
      },
    ],
    // Only what campaign templates read; the other features play no part in sending.
    features: { customerId, frequency: 3, monetary: 120 } as CustomerFeatures,
  }));
  const segments = new DynamoDbSegmentStore(documents, tables.segments);
  await segments.saveCustomerSegments(RUN_ID, summaries, Math.floor(Date.now() / 1000) + 86_400);
  await segments.setCurrentRunId(RUN_ID);
  return ids;
};
