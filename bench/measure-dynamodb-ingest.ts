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
import { InMemoryCustomerStore } from '../adapters/memory/in-memory-customer-store';
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
  storeSeconds: StoreUsage['seconds'];
}

interface StoreUsage {
  items: number;
  profile?: CustomerProfile;
  /** Wall seconds spent inside each store call, to show where an import waits. */
  seconds: Record<'findIdentities' | 'getProfiles' | 'saveProfiles', number>;
}

const timed = async <T>(usage: StoreUsage, call: keyof StoreUsage['seconds'], work: Promise<T>) => {
  const started = performance.now();
  try {
    return await work;
  } finally {
    usage.seconds[call] += (performance.now() - started) / 1000;
  }
};

/** Counts and times what an import asks of the store without changing how it asks. */
const observedStore = (store: CustomerStore, usage: StoreUsage): CustomerStore => ({
  findIdentities: (keys) => timed(usage, 'findIdentities', store.findIdentities(keys)),
  getProfiles: (ids) => timed(usage, 'getProfiles', store.getProfiles(ids)),
  scanProfiles: (page) => store.scanProfiles(page),
  saveProfiles: (profiles) => {
    usage.profile ??= profiles[0];
    for (const profile of profiles) {
      usage.items += 1 + (profile.externalId ? 1 : 0) + (profile.email ? 1 : 0);
    }
    return timed(usage, 'saveProfiles', store.saveProfiles(profiles));
  },
  saveOrders: (orders) => store.saveOrders(orders),
  saveEvents: (events) => store.saveEvents(events),
  scanCustomers: (shard) => store.scanCustomers(shard),
  getCustomer: (id) => store.getCustomer(id),
  deleteCustomer: (id, aliases) => store.deleteCustomer(id, aliases),
});

const emptyUsage = (): StoreUsage => ({
  items: 0,
  seconds: { findIdentities: 0, getProfiles: 0, saveProfiles: 0 },
});

const importFile = (path: string, store: CustomerStore) =>
  ingestCustomerExport({
    source: createReadStream(path),
    key: 'imports/customers/bench.csv',
    sourceTime: new Date('2026-01-01T00:00:00Z'),
    store,
    clock: () => new Date(),
    importId: 'bench-e2e',
  });

/**
 * A profile exactly as the import will write it (fields, source times), from an import into
 * memory: the raw baseline can then write items of the same size before the real import runs.
 */
export const sampleImportedProfile = async (path: string): Promise<CustomerProfile> => {
  const usage = emptyUsage();
  await importFile(path, observedStore(new InMemoryCustomerStore(), usage));
  if (!usage.profile) throw new Error(`importing ${path} produced no profile`);
  return usage.profile;
};

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
  const usage = emptyUsage();
  const store = observedStore(new DynamoDbCustomerStore(documents, tableName), usage);
  const { seconds, result } = await timeIt(() => importFile(path, store));
  if (result.record.error) throw new Error(`the import failed: ${result.record.error}`);
  return {
    seconds,
    counts: result.record.counts,
    itemsWritten: usage.items,
    storeSeconds: usage.seconds,
  };
};

/** The same items a row becomes (profile plus aliases), under fresh keys so nothing is overwritten. */
const rawPutsForRow = (template: CustomerProfile, prefix: string, row: number): KeyedPut[] => {
  const customerId = `${prefix}-${row}`;
  const email = `${prefix}.${row}@example.com`;
  const externalId = `${prefix.toUpperCase()}${row}`;
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
  prefix = 'raw',
}: {
  documents: DynamoDBDocumentClient;
  tableName: string;
  rows: number;
  template: CustomerProfile;
  /** Keeps the ids of separate runs (warm-up, measurement) apart. */
  prefix?: string;
}): Promise<{ seconds: number; failed: number }> => {
  let failed = 0;
  const { seconds } = await timeIt(async () => {
    for (let start = 0; start < rows; start += INGEST_BATCH_ROWS) {
      const puts: KeyedPut[] = [];
      for (let row = start; row < Math.min(rows, start + INGEST_BATCH_ROWS); row += 1) {
        puts.push(...rawPutsForRow(template, prefix, row));
      }
      failed += (await batchPutAll({ documents, tableName, puts })).failed.length;
    }
  });
  return { seconds, failed };
};
