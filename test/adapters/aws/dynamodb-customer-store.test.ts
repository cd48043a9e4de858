import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCustomerStore } from '../../../adapters/aws/dynamodb-customer-store';
import type { CustomerProfile } from '../../../core/customers/customer-profile';
import type { CustomerRecord } from '../../../core/ports/customer-store';
import { createIsolatedTables } from '../../support/isolated-tables';

const local = inject('localAws');
const clients = createAwsClients(local.clients);
const store = new DynamoDbCustomerStore(clients.documents, local.tables.customers);

afterAll(() => clients.dynamodb.destroy());

const profile = (customerId: string, patch: Partial<CustomerProfile> = {}): CustomerProfile => ({
  customerId,
  attributes: {},
  sourceTimes: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...patch,
});

describe('DynamoDbCustomerStore', () => {
  it('finds saved customers by external id and by e-mail', async () => {
    await store.saveProfiles([
      profile('store-1', { externalId: 'store-1', email: 'ada@example.org' }),
      profile('e-abc', { email: 'grace@example.org' }),
    ]);

    const matches = await store.findIdentities({
      externalIds: ['store-1', 'nobody'],
      emails: ['grace@example.org', 'ada@example.org', 'nobody@example.org'],
    });

    expect(matches.byExternalId).toEqual(new Map([['store-1', 'store-1']]));
    expect(matches.byEmail).toEqual(
      new Map([
        ['grace@example.org', 'e-abc'],
        ['ada@example.org', 'store-1'],
      ]),
    );
  });

  it('returns a customer with orders and events, and replaces an order on re-save', async () => {
    await store.saveProfiles([profile('store-2', { externalId: 'store-2' })]);
    const order = {
      orderId: 'o-1',
      customerId: 'store-2',
      orderedAt: '2026-03-01T10:00:00.000Z',
      total: 40,
      netRevenue: 40,
      status: 'completed' as const,
      lines: [],
    };
    await store.saveOrders([order]);
    await store.saveOrders([{ ...order, total: 45, netRevenue: 45 }]);
    const event = {
      customerId: 'store-2',
      type: 'added_to_cart',
      at: '2026-03-02T09:00:00.000Z',
      properties: {},
    };
    await store.saveEvents([event, event]);

    const record = await store.getCustomer('store-2');

    expect(record?.orders).toEqual([{ ...order, total: 45, netRevenue: 45 }]);
    expect(record?.events).toEqual([event]);
    expect(await store.getCustomer('nobody')).toBeUndefined();
  });

  it('partitions all customers across scan shards without loss or overlap', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `shard-${i}`);
    await store.saveProfiles(ids.map((id) => profile(id)));

    const seen: string[] = [];
    for (let index = 0; index < 4; index++) {
      for await (const record of store.scanCustomers({
        index,
        count: 4,
      }) as AsyncIterable<CustomerRecord>) {
        seen.push(record.profile.customerId);
      }
    }

    const shardCustomers = seen.filter((id) => id.startsWith('shard-'));
    expect(shardCustomers.sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('DynamoDbCustomerStore.scanProfiles', () => {
  it('walks every profile page by page, returning only the fields that name a person', async () => {
    const tables = await createIsolatedTables();
    const own = new DynamoDbCustomerStore(clients.documents, tables.customers);
    await own.saveProfiles([
      profile('p-1', { firstName: 'Mateo', lastName: 'Hernández', attributes: { plan: 'gold' } }),
      profile('p-2', { email: 'ada@example.org', emailDisplay: 'Ada@example.org' }),
      profile('p-3', { externalId: 'p-3' }),
    ]);
    await own.saveOrders([
      {
        orderId: 'o-9',
        customerId: 'p-1',
        orderedAt: '2026-03-01T10:00:00.000Z',
        total: 1,
        netRevenue: 1,
        status: 'completed',
        lines: [],
      },
    ]);

    const cards = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await own.scanProfiles({ limit: 2, ...(cursor !== undefined && { cursor }) });
      cards.push(...page.profiles);
      cursor = page.cursor;
      pages += 1;
    } while (cursor !== undefined);

    expect(pages).toBeGreaterThan(1);
    expect(cards.sort((a, b) => a.customerId.localeCompare(b.customerId))).toEqual([
      { customerId: 'p-1', firstName: 'Mateo', lastName: 'Hernández' },
      { customerId: 'p-2', email: 'ada@example.org', emailDisplay: 'Ada@example.org' },
      { customerId: 'p-3', externalId: 'p-3' },
    ]);
  });

  it('refuses a cursor it did not hand out', async () => {
    await expect(store.scanProfiles({ limit: 2, cursor: 'bm90LWEta2V5' })).rejects.toThrow(
      'cursor is not valid',
    );
  });
});
