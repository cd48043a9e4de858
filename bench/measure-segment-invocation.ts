import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createAwsClients } from '../adapters/aws/aws-clients';
import { DynamoDbCustomerStore } from '../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../adapters/aws/dynamodb-segment-store';
import { definitionKey } from '../adapters/aws/segment-table-keys';
import type { CustomerRecord } from '../core/ports/customer-store';
import { runResegmentation } from '../core/segmentation-runs/run-resegmentation';
import { startLocalAws } from '../infra/local/start-local-aws';
import { benchSegmentRules } from './bench-segment-rules';
import { syntheticCustomer } from './generate-segment-customers';
import { timeIt } from './time-it';

/** Customers written per saveProfiles/saveOrders call while loading the table. */
const LOAD_BATCH = 500;
/** The resegment function's default (RESEGMENT_SHARDS). */
const SHARDS = 4;

export interface InvocationRun {
  /** Wall seconds of the whole `runResegmentation` call: what the 15-minute limit counts. */
  seconds: number;
  /** This process's CPU seconds in the same time; the rest is waiting on DynamoDB Local. */
  cpuSeconds: number;
}

export interface InvocationResult {
  customers: number;
  shards: number;
  items: number;
  loadSeconds: number;
  /** The first night: no previous run to carry `since` dates from or to diff against. */
  first: InvocationRun;
  /** The next night: every batch also reads the previous run's memberships, then the diff. */
  steady: InvocationRun;
}

const loadCustomers = async (
  store: DynamoDbCustomerStore,
  count: number,
): Promise<{ items: number }> => {
  let items = 0;
  for (let start = 0; start < count; start += LOAD_BATCH) {
    const records: CustomerRecord[] = [];
    for (let i = start; i < Math.min(count, start + LOAD_BATCH); i += 1) {
      records.push(syntheticCustomer(i));
    }
    const orders = records.flatMap((record) => record.orders);
    const outcomes = [
      await store.saveProfiles(records.map((record) => record.profile)),
      await store.saveOrders(orders),
    ];
    const failed = outcomes.flatMap((outcome) => outcome.failed);
    if (failed.length > 0) throw new Error(`loading failed: ${failed[0]?.reason}`);
    // A profile, its email alias and one item per order.
    items += 2 * records.length + orders.length;
  }
  return { items };
};

const timedRun = async (
  asOf: string,
  stores: { customers: DynamoDbCustomerStore; segments: DynamoDbSegmentStore },
  expected: number,
): Promise<InvocationRun> => {
  const cpuStart = process.cpuUsage();
  const { seconds, result } = await timeIt(() =>
    runResegmentation({
      asOf,
      timeZone: 'UTC',
      ...stores,
      clock: () => new Date(),
      invocationId: `bench-${asOf}`,
      shardCount: SHARDS,
    }),
  );
  const cpu = process.cpuUsage(cpuStart);
  if (result.outcome !== 'completed' || result.run.customers !== expected) {
    throw new Error(`run ${asOf}: ${result.outcome}, expected ${expected} customers`);
  }
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
};

/**
 * One resegment invocation end to end, as the Lambda runs it: the real `runResegmentation` with
 * the DynamoDB adapters and the 20 bench rules stored as definitions, against DynamoDB Local.
 * 1. Start DynamoDB Local and load `customers` synthetic customers with their orders.
 * 2. Run the first night (which also warms the JVM up), then the next night, which is the steady
 *    state: it reads the previous run's memberships and diffs against them.
 */
export const measureSegmentInvocation = async ({
  customers: count,
  log,
}: {
  customers: number;
  log: (message: string) => void;
}): Promise<InvocationResult> => {
  const aws = await startLocalAws();
  const clients = createAwsClients(aws.config.clients);
  try {
    const { tables } = aws.config;
    const stores = {
      customers: new DynamoDbCustomerStore(clients.documents, tables.customers),
      segments: new DynamoDbSegmentStore(clients.documents, tables.segments),
    };
    log(`  loading ${count.toLocaleString('en')} customers with their orders into DynamoDB Local`);
    const { seconds: loadSeconds, result } = await timeIt(() =>
      loadCustomers(stores.customers, count),
    );
    for (const definition of benchSegmentRules) {
      await clients.documents.send(
        new PutCommand({
          TableName: tables.segments,
          Item: { ...definitionKey(definition.id), data: definition },
        }),
      );
    }
    log(`  ${result.items} items in ${loadSeconds.toFixed(1)} s; running two nights`);
    const first = await timedRun('2026-01-01', stores, count);
    const steady = await timedRun('2026-01-02', stores, count);
    return { customers: count, shards: SHARDS, items: result.items, loadSeconds, first, steady };
  } finally {
    clients.dynamodb.destroy();
    await aws.stop();
  }
};
