import { describe, expect, it } from 'vitest';
import { assignShardMemberships } from '../../../core/segments/assign-shard-memberships';
import { defaultAsOf } from '../../../core/segments/default-as-of';
import { segmentCustomers } from '../../../core/segments/segment-customers';
import { segmentTemplates } from '../../../core/segments/segment-templates';
import { customer } from './customer-fixtures';
import { syntheticCustomers } from './synthetic-customers';

const run = (customers: Parameters<typeof segmentCustomers>[0]['customers'], extra: object = {}) =>
  segmentCustomers({ customers, asOf: '2026-11-01', timeZone: 'Europe/Berlin', ...extra });

describe('segmentCustomers', () => {
  it('returns identical memberships and run totals for 1 shard and 4 shards', async () => {
    const customers = [...syntheticCustomers({ count: 600 })];

    // A sample smaller than the buyers, so each shard must agree on who is sampled.
    const settings = { rules: segmentTemplates, clusterConfig: { sampleSize: 150 } };

    const single = await run(customers, settings);
    const sharded = await run(customers, { ...settings, shardCount: 4 });

    expect(sharded.customers.map(({ memberships }) => memberships)).toEqual(
      single.customers.map(({ memberships }) => memberships),
    );
    expect(sharded.run).toEqual(single.run);
    expect(sharded.model).toEqual(single.model);
  });

  it('returns the same result from a re-readable shard source as from an array', async () => {
    const customers = [...syntheticCustomers({ count: 200 })];
    const streamed: string[] = [];

    const fromArray = await run(customers, { shardCount: 2 });
    const fromSource = await run(
      async function* ({ index }: { index: number }) {
        yield* customers.slice(index * 100, (index + 1) * 100);
      },
      {
        shardCount: 2,
        onCustomer: ({ customerId }: { customerId: string }) => streamed.push(customerId),
      },
    );

    expect(fromSource.run).toEqual(fromArray.run);
    expect(fromSource.customers).toEqual([]);
    expect(streamed).toEqual(customers.map(({ profile }) => profile.customerId));
  });

  it('returns empty segments and no clusters for no customers', async () => {
    const result = await run([]);

    expect(result.customers).toEqual([]);
    expect(result.model.clusters).toBeUndefined();
    expect(result.run.segments.every(({ customers }) => customers === 0)).toBe(true);
    expect(result.run.segments.filter(({ kind }) => kind === 'rfm')).toHaveLength(11);
  });

  it('returns one customer scored R=1 F=1 M=1 with every membership explained', async () => {
    const result = await run([
      customer({ id: 'solo', orders: [{ at: '2026-10-20T10:00:00Z', revenue: 25 }] }),
    ]);

    expect(result.customers[0]?.memberships).toEqual([
      {
        segmentId: 'rfm:lost',
        segmentName: 'Lost',
        kind: 'rfm',
        reason: ['R=1 F=1 M=1 → Lost', 'recency 12 days, 1 order, monetary 25'],
      },
      {
        segmentId: 'lifecycle:new',
        segmentName: 'New buyer',
        kind: 'lifecycle',
        reason: ['first order 12 days ago ≤ 30'],
      },
      {
        segmentId: 'cluster:1',
        segmentName: 'Cluster 1: typical',
        kind: 'cluster',
        reason: ['nearest centroid: cluster 1 (distance 0.00)', 'profile: typical'],
      },
    ]);
  });

  it('returns the same RFM scores for customers who are all identical', async () => {
    const customers = ['a', 'b', 'c'].map((id) =>
      customer({ id, orders: [{ at: '2026-10-01T10:00:00Z', revenue: 10 }] }),
    );

    const result = await run(customers);

    expect(result.customers.map(({ rfm }) => rfm?.segmentName)).toEqual(['Lost', 'Lost', 'Lost']);
    expect(new Set(result.customers.map(({ cluster }) => cluster?.number))).toEqual(new Set([1]));
  });

  it('returns no RFM and no cluster for customers without orders, and a revenue total per segment', async () => {
    const result = await run([
      customer({
        id: 'buyer',
        orders: [
          { at: '2026-09-01T10:00:00Z', revenue: 80 },
          { at: '2026-10-01T10:00:00Z', revenue: 20 },
        ],
      }),
      customer({ id: 'looker', events: [{ type: 'page_viewed', at: '2026-10-30T10:00:00Z' }] }),
    ]);

    const looker = result.customers[1];
    expect(looker?.rfm).toBeUndefined();
    expect(looker?.cluster).toBeUndefined();
    expect(looker?.lifecycleStage).toBe('browsed');
    expect(
      result.run.segments.find(({ segmentId }) => segmentId === 'lifecycle:repeat'),
    ).toMatchObject({
      customers: 1,
      revenue: 100,
      customerIds: ['buyer'],
    });
  });

  it('puts customers in rule segments with their reasons', async () => {
    const result = await run([customer({ id: 'c', profile: { country: 'FI' } })], {
      rules: segmentTemplates,
    });

    expect(
      result.customers[0]?.memberships.find(({ segmentId }) => segmentId === 'cold-climate'),
    ).toEqual({
      segmentId: 'cold-climate',
      segmentName: 'Cold climate',
      kind: 'rule',
      reason: ['climate zone cold in [cold, polar]'],
    });
  });

  it('puts customers in a rule segment that refers to a built-in segment', async () => {
    const result = await run(
      [
        customer({ id: 'buyer', orders: [{ at: '2026-10-20T10:00:00Z', revenue: 25 }] }),
        customer({ id: 'browser' }),
      ],
      {
        rules: [
          {
            id: 'not-yet-buying',
            name: 'Not yet buying',
            rule: { type: 'segment', segmentId: 'lifecycle:prospect' },
          },
        ],
      },
    );

    const members = result.customers.filter(({ memberships }) =>
      memberships.some(({ segmentId }) => segmentId === 'not-yet-buying'),
    );
    expect(members.map(({ customerId }) => customerId)).toEqual(['browser']);
  });

  it('uses a replacement RFM table', async () => {
    const result = await run([customer({ id: 'c', orders: [{ at: '2026-10-20T10:00:00Z' }] })], {
      rfmTable: [{ name: 'Everyone', r: [1, 5], f: [1, 5] }],
    });

    expect(result.customers[0]?.rfm?.segmentName).toBe('Everyone');
    expect(
      result.run.segments.filter(({ kind }) => kind === 'rfm').map(({ segmentId }) => segmentId),
    ).toEqual(['rfm:everyone']);
  });
});

describe('defaultAsOf', () => {
  it('returns the local day after the newest order', () => {
    const customers = [
      customer({ id: 'a', orders: [{ at: '2026-03-01T10:00:00Z' }] }),
      // 23:30 UTC on 31 October is already 1 November in Berlin.
      customer({ id: 'b', orders: [{ at: '2026-10-31T23:30:00Z', status: 'cancelled' }] }),
    ];

    expect(defaultAsOf({ customers, timeZone: 'Europe/Berlin' })).toBe('2026-11-02');
    expect(defaultAsOf({ customers, timeZone: 'UTC' })).toBe('2026-11-01');
  });

  it('returns undefined without orders', () => {
    expect(defaultAsOf({ customers: [customer({ id: 'a' })], timeZone: 'UTC' })).toBeUndefined();
  });
});

describe('segmentCustomers with the fan-out building blocks', () => {
  it('returns the same memberships from a model that went through JSON, as between Lambdas', async () => {
    const customers = [...syntheticCustomers({ count: 300 })];
    const { model, customers: direct } = await segmentCustomers({
      customers,
      asOf: '2026-11-01',
      timeZone: 'Europe/Berlin',
      rules: segmentTemplates,
    });

    const shipped = JSON.parse(JSON.stringify(model)) as typeof model;
    const { customers: viaJson } = assignShardMemberships({ customers, model: shipped });

    expect(viaJson.map(({ memberships }) => memberships)).toEqual(
      direct.map(({ memberships }) => memberships),
    );
  });

  it('reads a one-shot async source once and returns results in its order', async () => {
    const records = [
      customer({ id: 'b' }),
      customer({ id: 'a', orders: [{ at: '2026-10-01T10:00:00Z' }] }),
    ];
    async function* once() {
      yield* records;
    }

    const result = await run(once(), { shardCount: 2 });

    expect(
      result.customers.map(({ customerId, lifecycleStage }) => [customerId, lifecycleStage]),
    ).toEqual([
      ['b', 'prospect'],
      ['a', 'one_time'],
    ]);
  });

  it('throws for an invalid rule before reading any customer', async () => {
    let read = false;
    const source = function* () {
      read = true;
      yield customer({ id: 'a' });
    };

    await expect(
      run(source, {
        rules: [
          { id: 'bad', name: 'Bad', rule: { type: 'compare', field: 'nope.x', op: 'exists' } },
        ],
      }),
    ).rejects.toThrow(/rule\.field/);
    expect(read).toBe(false);
  });
});
