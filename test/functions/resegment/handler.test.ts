import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCustomerStore } from '../../../adapters/aws/dynamodb-customer-store';
import { DynamoDbSegmentStore } from '../../../adapters/aws/dynamodb-segment-store';
import type { CustomerProfile } from '../../../core/customers/customer-profile';
import type { Order } from '../../../core/customers/order';
import type { CustomerStore } from '../../../core/ports/customer-store';
import { runResegmentation } from '../../../core/segmentation-runs/run-resegmentation';
import { localLambdaContext } from '../../../infra/local/local-lambda-context';
import { createIsolatedTables } from '../../support/isolated-tables';

const local = inject('localAws');
const clients = createAwsClients(local.clients);
let customers: DynamoDbCustomerStore;
let segments: DynamoDbSegmentStore;
let segmentsTable: string;
let handler: (
  event: unknown,
  context: ReturnType<typeof localLambdaContext>,
) => Promise<{ outcome: string }>;
const invoke = (event: unknown) => handler(event, localLambdaContext('resegment'));

const profile = (customerId: string): CustomerProfile => ({
  customerId,
  externalId: customerId,
  email: `${customerId}@example.org`,
  attributes: {},
  sourceTimes: {},
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 1,
});

const order = (customerId: string, orderId: string, orderedAt: string, total: number): Order => ({
  orderId,
  customerId,
  orderedAt,
  total,
  netRevenue: total,
  status: 'completed',
  lines: [],
});

beforeAll(async () => {
  const tables = await createIsolatedTables();
  customers = new DynamoDbCustomerStore(clients.documents, tables.customers);
  segments = new DynamoDbSegmentStore(clients.documents, tables.segments);
  segmentsTable = tables.segments;
  Object.assign(process.env, {
    AWS_REGION: local.clients.region,
    SHOAL_DYNAMODB_ENDPOINT: local.clients.endpoints.dynamodb,
    CUSTOMERS_TABLE: tables.customers,
    SEGMENTS_TABLE: tables.segments,
    SHOP_TIME_ZONE: 'Europe/Berlin',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  });
  ({ handler } = await import('../../../functions/resegment/handler'));

  await customers.saveProfiles(['loyal', 'lapsed', 'new', 'prospect'].map(profile));
  await customers.saveOrders([
    ...Array.from({ length: 6 }, (_, i) =>
      order('loyal', `l-${i}`, `2026-0${i + 1}-15T10:00:00.000Z`, 120),
    ),
    order('lapsed', 'x-1', '2025-03-01T10:00:00.000Z', 40),
    order('lapsed', 'x-2', '2025-04-01T10:00:00.000Z', 35),
    order('new', 'n-1', '2026-06-28T10:00:00.000Z', 60),
  ]);
});

afterAll(() => clients.dynamodb.destroy());

describe('resegment handler on DynamoDB Local', () => {
  it('segments every customer, with reasons, and makes the run current', async () => {
    const result = await invoke({ asOf: '2026-07-01' });

    expect(result.outcome).toBe('completed');
    expect(await segments.getCurrentRunId()).toBe('run-2026-07-01');
    const stored = await segments.getCustomerSegments('run-2026-07-01', [
      'loyal',
      'lapsed',
      'prospect',
    ]);
    expect(stored.size).toBe(3);
    const loyal = stored.get('loyal')!;
    expect(loyal.features).toMatchObject({ frequency: 6, monetary: 720 });
    expect(loyal.rfm).toBeDefined();
    const rfmMembership = loyal.memberships.find((m) => m.kind === 'rfm')!;
    expect(rfmMembership.reason.join(' ')).toMatch(/R=\d F=\d M=\d → /);
    expect(rfmMembership.since).toBe('2026-07-01');
    expect(stored.get('prospect')!.rfm).toBeUndefined();
    expect(await segments.listMemberIds('run-2026-07-01', rfmMembership.segmentId)).toContain(
      'loyal',
    );
  });

  it('keeps a back-dated run readable for weeks: expiry counts from the run, not its as-of date', async () => {
    const item = await clients.documents.send(
      new GetCommand({
        TableName: segmentsTable,
        Key: { pk: 'CSEG#run-2026-07-01#loyal', sk: 'SUMMARY' },
      }),
    );

    const thirtyDaysFromNow = Date.now() / 1000 + 30 * 24 * 3600;
    expect(item.Item?.expiresAt).toBeGreaterThan(thirtyDaysFromNow);
  });

  it('does nothing when the schedule fires twice for the same date', async () => {
    const again = await invoke({ asOf: '2026-07-01' });

    expect(again.outcome).toBe('already-complete');
    expect((await segments.listRuns({ limit: 10 })).map((r) => r.runId)).toEqual([
      'run-2026-07-01',
    ]);
  });

  it('runs once when two firings for a new date overlap', async () => {
    const outcomes = await Promise.all([
      invoke({ asOf: '2026-07-02' }),
      invoke({ asOf: '2026-07-02' }),
    ]);

    // The other firing either found the lock taken or, if it came late, the run already complete.
    const sorted = outcomes.map((o) => o.outcome).sort();
    expect(sorted[0]).toBe('completed');
    expect(['locked', 'already-complete']).toContain(sorted[1]);
    expect((await segments.listRuns({ limit: 10 })).map((r) => r.runId)).toEqual([
      'run-2026-07-02',
      'run-2026-07-01',
    ]);
  });

  it('records who entered and left, and keeps the date a customer entered a segment', async () => {
    await customers.saveOrders([
      order('lapsed', 'x-3', '2026-07-20T10:00:00.000Z', 300),
      order('lapsed', 'x-4', '2026-07-25T10:00:00.000Z', 300),
    ]);

    await invoke({ asOf: '2026-08-01' });

    const run = (await segments.getRun('run-2026-08-01'))!;
    expect(run.previousRunId).toBe('run-2026-07-02');
    const movedOut = Object.entries(run.rfmTransitions).flatMap(([from, to]) =>
      Object.entries(to).filter(([name, count]) => name !== from && count > 0),
    );
    expect(movedOut.length).toBeGreaterThan(0);
    expect(run.segments.reduce((sum, s) => sum + s.entered, 0)).toBeGreaterThan(0);
    const loyal = (await segments.getCustomerSegments('run-2026-08-01', ['loyal'])).get('loyal')!;
    const stillIn = loyal.memberships.find((m) => m.kind === 'lifecycle')!;
    expect(stillIn.since).toBe('2026-07-01');
  });

  it('keeps readers on the previous run until the new one is complete', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowCustomers: CustomerStore = {
      ...customers,
      findIdentities: customers.findIdentities.bind(customers),
      getProfiles: customers.getProfiles.bind(customers),
      saveProfiles: customers.saveProfiles.bind(customers),
      saveOrders: customers.saveOrders.bind(customers),
      saveEvents: customers.saveEvents.bind(customers),
      getCustomer: customers.getCustomer.bind(customers),
      scanProfiles: customers.scanProfiles.bind(customers),
      deleteCustomer: customers.deleteCustomer.bind(customers),
      async *scanCustomers(shard) {
        await gate;
        yield* customers.scanCustomers(shard);
      },
    };

    const running = runResegmentation({
      asOf: '2026-08-02',
      timeZone: 'Europe/Berlin',
      customers: slowCustomers,
      segments,
      clock: () => new Date(),
      invocationId: 'test-reader',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const duringRun = await segments.getCurrentRunId();
    release();
    await running;

    expect(duringRun).toBe('run-2026-08-01');
    expect(await segments.getCurrentRunId()).toBe('run-2026-08-02');
  });
});
