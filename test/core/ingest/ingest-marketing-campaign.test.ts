import { describe, expect, it } from 'vitest';
import { InMemoryCustomerStore } from '../../../adapters/memory/in-memory-customer-store';
import { ingestCustomerExport } from '../../../core/ingest/ingest-customer-export';
import { fixedClock } from '../../../core/shared/clock';
import { marketingCampaign } from './sources';

const ingest = (store: InMemoryCustomerStore, importId: string) =>
  ingestCustomerExport({
    source: marketingCampaign(),
    key: 'imports/customers/marketing_campaign.csv',
    sourceTime: new Date('2026-11-01T00:00:00Z'),
    store,
    clock: fixedClock('2026-11-22T10:00:00Z'),
    importId,
  });

describe('ingestCustomerExport on the Kaggle marketing campaign export', () => {
  it('imports all 2,240 customers without rejecting a row', async () => {
    const store = new InMemoryCustomerStore();
    const { record, rejected } = await ingest(store, 'first');

    expect(record.status).toBe('succeeded');
    expect(record.counts).toMatchObject({ read: 2240, inserted: 2240, rejected: 0, failed: 0 });
    expect(rejected).toEqual([]);
    expect(record.detection).toMatchObject({
      format: 'csv',
      delimiter: ';',
      encoding: 'utf-8-bom',
      dateFormat: 'iso',
    });
    const customers = [];
    for await (const customer of store.scanCustomers({ index: 0, count: 1 }))
      customers.push(customer);
    expect(customers).toHaveLength(2240);
  });

  it('reads fields, sums kids and teens into children and keeps unmapped columns as numbers', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(store, 'first');

    const customer = await store.getCustomer('5524');
    expect(customer?.profile).toMatchObject({
      externalId: '5524',
      birthYear: 1957,
      education: 'Graduation',
      maritalStatus: 'single',
      income: 58138,
      children: 0,
      signupAt: '2012-09-04T00:00:00.000Z',
    });
    expect(customer?.profile.attributes).toMatchObject({
      MntWines: 635,
      NumWebPurchases: 8,
      AcceptedCmp1: 0,
      Response: 1,
    });
    expect((await store.getCustomer('2174'))?.profile.children).toBe(2);
  });

  it('warns about implausible birth years and marital statuses but not about blank incomes', async () => {
    const { record, warnings } = await ingest(new InMemoryCustomerStore(), 'first');

    expect(warnings.map((warning) => [warning.column, warning.value])).toEqual([
      ['Year_Birth', '1893'],
      ['Year_Birth', '1899'],
      ['Marital_Status', 'Absurd'],
      ['Marital_Status', 'Absurd'],
      ['Marital_Status', 'YOLO'],
      ['Marital_Status', 'YOLO'],
    ]);
    expect(record.counts.warnings).toBe(6);
    expect(warnings[0]).toMatchObject({ line: 241, reason: expect.stringContaining('1900') });
  });

  it('keeps the plausible 1900 birth year and drops 1893', async () => {
    const store = new InMemoryCustomerStore();
    const { warnings } = await ingest(store, 'first');
    const line = warnings[0]?.line ?? 0;
    const all = [];
    for await (const customer of store.scanCustomers({ index: 0, count: 1 }))
      all.push(customer.profile);

    expect(all.filter((profile) => profile.birthYear === 1900)).toHaveLength(1);
    expect(all.some((profile) => (profile.birthYear ?? 2000) < 1900)).toBe(false);
    expect(line).toBeGreaterThan(1);
  });

  it('writes nothing when the same file is imported again', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(store, 'first');
    const writesBefore = { ...store.writes };

    const { record } = await ingest(store, 'second');

    expect(record.counts).toMatchObject({ read: 2240, inserted: 0, updated: 0, unchanged: 2240 });
    expect(store.writes).toEqual(writesBefore);
  });
});
