import { createReadStream } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchPutAll, type KeyedPut } from '../adapters/aws/dynamodb-batch-writer';
import {
  customerPartition,
  emailAlias,
  externalIdAlias,
  PROFILE_SORT_KEY,
} from '../adapters/aws/customer-table-keys';
import { DynamoDbCustomerStore } from '../adapters/aws/dynamodb-customer-store';
import type { CustomerProfile } from '../core/customers/customer-profile';
import { INGEST_BATCH_ROWS, ingestCustomerExport } from '../core/ingest/ingest-customer-export';
import type { ImportCounts } from '../core/ingest/import-record';
import type { CustomerStore } from '../core/ports/customer-store';
import { timeIt } from './time-it';

export interface EndToEndResult {
  seconds: number;
  counts: ImportCounts;
  /** Items the store wrote: a profile and its identity aliases per row. */
  itemsWritten: number;
  /** A profile as written, so the raw baseline can write items of the same size. */
  sampleProfile: CustomerProfile | undefined;
}

/** Counts what an import writes without changing how it writes it. */
const countingStore = (
  store: CustomerStore,
  seen: { items: number; profile?: CustomerProfile },
): CustomerStore => ({
  findIdentities: (keys) => store.findIdentities(keys),
  getProfiles: (ids) => store.getProfiles(ids),
  saveProfiles: (profiles) => {
    seen.profile ??= profiles[0];
    for (const profile of profiles) {
      seen.items += 1 + (profile.externalId ? 1 : 0) + (profile.email ? 1 : 0);
    }
    return store.saveProfiles(profiles);
  },
  saveOrders: (orders) => store.saveOrders(orders),
  saveEvents: (events) => store.saveEvents(events),
  scanCustomers: (shard) => store.scanCustomers(shard),
  getCustomer: (id) => store.getCustomer(id),
});

/** A customers export imported end to end: parse, identity look-ups, merge, BatchWriteItem. */
export const measureEndToEndIngest = async ({
  documents,
  tableName,
  path,
}: {
  documents: DynamoDBDocumentClient;
  tableName: string;
  path: string;
}): Promise<EndToEndResult> => {
  const seen: { items: number; profile?: CustomerProfile } = { items: 0 };
  const store = countingStore(new DynamoDbCustomerStore(documents, tableName), seen);
  const { seconds, result } = await timeIt(() =>
    ingestCustomerExport({
      source: createReadStream(path),
      key: 'imports/customers/bench.csv',
      sourceTime: new Date('2026-01-01T00:00:00Z'),
      store,
      clock: () => new Date(),
      importId: 'bench-e2e',
    }),
  );
  if (result.record.error) throw new Error(`the import failed: ${result.record.error}`);
  return {
    seconds,
    counts: result.record.counts,
    itemsWritten: seen.items,
    sampleProfile: seen.profile,
  };
};

/** The same items a row becomes (profile plus aliases), under fresh keys so nothing is overwritten. */
const rawPutsForRow = (template: CustomerProfile, row: number): KeyedPut[] => {
  const customerId = `raw-${row}`;
  const email = `raw.${row}@example.com`;
  const externalId = `RAW${row}`;
  const key = `customer ${customerId}`;
  return [
    {
      key,
      item: {
        pk: customerPartition(customerId),
        sk: PROFILE_SORT_KEY,
        data: { ...template, customerId, email, emailDisplay: email, externalId },
      },
    },
    { key, item: { ...externalIdAlias(externalId), customerId } },
    { key, item: { ...emailAlias(email), customerId } },
  ];
};

/**
 * The server's own write rate for the same work: the same rows as items of the same size, in the
 * same 500-row calls through the same writer (25 a request, 8 in flight), with no reads or merging.
 */
export const measureRawBatchWrites = async ({
  documents,
  tableName,
  rows,
  template,
}: {
  documents: DynamoDBDocumentClient;
  tableName: string;
  rows: number;
  template: CustomerProfile;
}): Promise<{ seconds: number; failed: number }> => {
  let failed = 0;
  const { seconds } = await timeIt(async () => {
    for (let start = 0; start < rows; start += INGEST_BATCH_ROWS) {
      const puts: KeyedPut[] = [];
      for (let row = start; row < Math.min(rows, start + INGEST_BATCH_ROWS); row += 1) {
        puts.push(...rawPutsForRow(template, row));
      }
      failed += (await batchPutAll({ documents, tableName, puts })).failed.length;
    }
  });
  return { seconds, failed };
};
