import { describe, expect, it } from 'vitest';
import { InMemoryCustomerStore } from '../../adapters/memory/in-memory-customer-store';
import type { CustomerProfile } from '../../core/customers/customer-profile';

const profile = (customerId: string, email?: string): CustomerProfile => ({
  customerId,
  externalId: customerId,
  ...(email ? { email } : {}),
  attributes: {},
  sourceTimes: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

const idsIn = async (
  store: InMemoryCustomerStore,
  index: number,
  count: number,
): Promise<string[]> => {
  const ids: string[] = [];
  for await (const record of store.scanCustomers({ index, count }))
    ids.push(record.profile.customerId);
  return ids;
};

describe('InMemoryCustomerStore', () => {
  it('returns shards that partition the customers the same way every time', async () => {
    const store = new InMemoryCustomerStore();
    const ids = Array.from({ length: 50 }, (_, i) => `c${i}`);
    await store.saveProfiles(ids.map((id) => profile(id)));

    const shards = await Promise.all([0, 1, 2].map((index) => idsIn(store, index, 3)));

    expect(shards.flat().sort()).toEqual([...ids].sort());
    expect(shards.every((shard) => shard.length > 0)).toBe(true);
    expect(await idsIn(store, 1, 3)).toEqual(shards[1]);
  });

  it('finds customers by external id and e-mail, and forgets an e-mail the customer no longer has', async () => {
    const store = new InMemoryCustomerStore();
    await store.saveProfiles([profile('c1', 'old@example.com')]);
    await store.saveProfiles([profile('c1', 'new@example.com')]);

    const found = await store.findIdentities({
      externalIds: ['c1', 'nope'],
      emails: ['old@example.com', 'new@example.com'],
    });

    expect(found.byExternalId).toEqual(new Map([['c1', 'c1']]));
    expect(found.byEmail).toEqual(new Map([['new@example.com', 'c1']]));
  });

  it('replaces an order by id and keeps one event per de-duplication key', async () => {
    const store = new InMemoryCustomerStore();
    await store.saveProfiles([profile('c1')]);
    const order = {
      orderId: 'o1',
      customerId: 'c1',
      orderedAt: '2026-01-01T00:00:00.000Z',
      total: 10,
      netRevenue: 10,
      status: 'completed' as const,
      lines: [],
    };
    await store.saveOrders([order, { ...order, total: 12, netRevenue: 12 }]);
    const event = {
      customerId: 'c1',
      type: 'page_viewed',
      at: '2026-01-01T00:00:00.000Z',
      properties: {},
    };
    await store.saveEvents([event, event]);

    const record = await store.getCustomer('c1');

    expect(record?.orders.map((stored) => stored.total)).toEqual([12]);
    expect(record?.events).toHaveLength(1);
  });

  it('hands out copies so callers cannot change what is stored', async () => {
    const store = new InMemoryCustomerStore();
    await store.saveProfiles([profile('c1')]);

    const first = await store.getCustomer('c1');
    if (first) first.profile.city = 'Changed';

    expect((await store.getCustomer('c1'))?.profile.city).toBeUndefined();
  });
});
