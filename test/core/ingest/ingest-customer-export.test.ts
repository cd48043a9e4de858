import { describe, expect, it } from 'vitest';
import { InMemoryCustomerStore } from '../../../adapters/memory/in-memory-customer-store';
import type { CustomerRecord, CustomerStore } from '../../../core/ports/customer-store';
import {
  ingestCustomerExport,
  type IngestResult,
} from '../../../core/ingest/ingest-customer-export';
import { buildImportReportFiles } from '../../../core/ingest/import-report-files';
import { fixedClock } from '../../../core/shared/clock';
import { bytesOf, fixture, marketingCampaign } from './sources';

const ingest = (
  store: CustomerStore,
  source: AsyncIterable<Uint8Array>,
  key: string,
  extra: { mapping?: unknown; sourceTime?: string } = {},
): Promise<IngestResult> =>
  ingestCustomerExport({
    source,
    key,
    sourceTime: new Date(extra.sourceTime ?? '2026-11-01T00:00:00Z'),
    store,
    clock: fixedClock('2026-11-22T10:00:00Z'),
    importId: 'import-1',
    ...(extra.mapping !== undefined ? { mapping: extra.mapping } : {}),
  });

const everyone = async (store: CustomerStore): Promise<CustomerRecord[]> => {
  const records: CustomerRecord[] = [];
  for await (const record of store.scanCustomers({ index: 0, count: 1 })) records.push(record);
  return records;
};

/** Every record read ends up in exactly one bucket. */
const expectRowsAccountedFor = ({ record }: IngestResult): void => {
  const { read, inserted, updated, unchanged, failed, rejected } = record.counts;
  expect(inserted + updated + unchanged + failed + rejected).toBe(read);
};

describe('ingestCustomerExport with a dirty customer CSV', () => {
  it('keeps every identifiable row and rejects the others with line and reason', async () => {
    const store = new InMemoryCustomerStore();
    const result = await ingest(
      store,
      fixture('customers-dirty.csv'),
      'imports/customers/dirty.csv',
    );

    expectRowsAccountedFor(result);
    expect(result.record.counts).toMatchObject({ read: 8, rejected: 3 });
    expect(result.rejected).toEqual([
      {
        line: 7,
        reason: expect.stringContaining('no customer identifier'),
        column: 'customer_id / E-mail',
      },
      { line: 8, reason: 'has 3 columns, the header has 8' },
      {
        line: 9,
        reason: expect.stringContaining('e-mail not valid'),
        column: 'E-mail',
        value: "=cmd|' /C calc'!A0",
      },
    ]);
    expect(result.record.status).toBe('partially-failed');
  });

  it('keeps a quoted field with an embedded newline, comma and quotes, and counts the next record from the right line', async () => {
    const store = new InMemoryCustomerStore();
    const { warnings } = await ingest(
      store,
      fixture('customers-dirty.csv'),
      'imports/customers/dirty.csv',
    );

    expect((await store.getCustomer('1001'))?.profile.attributes.Notes).toBe(
      'Likes\ntea, and "biscuits"',
    );
    expect(warnings.find((warning) => warning.value === 'not-an-email')?.line).toBe(6);
  });

  it('merges e-mails that differ in case and spaces into one profile keyed by the e-mail', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(store, fixture('customers-dirty.csv'), 'imports/customers/dirty.csv');

    const bobs = (await everyone(store)).filter(
      (record) => record.profile.email === 'bob@example.com',
    );
    expect(bobs).toHaveLength(1);
    expect(bobs[0]?.profile).toMatchObject({
      customerId: expect.stringMatching(/^e-[0-9a-f]{16}$/),
      emailDisplay: 'Bob@Example.COM',
      firstName: 'Bob',
      phone: '+16502530000',
      country: 'US',
    });
  });

  it('drops an invalid e-mail with a warning when the row has an external id', async () => {
    const store = new InMemoryCustomerStore();
    const { warnings } = await ingest(
      store,
      fixture('customers-dirty.csv'),
      'imports/customers/dirty.csv',
    );

    const carl = await store.getCustomer('1002');
    expect(carl?.profile.email).toBeUndefined();
    expect(carl?.profile.country).toBe('DE');
    expect(warnings).toContainEqual({
      line: 6,
      column: 'E-mail',
      value: 'not-an-email',
      reason: 'not a valid e-mail',
    });
  });

  it('normalises phones to E.164 using the row country and drops unknown countries and old birth dates', async () => {
    const store = new InMemoryCustomerStore();
    const { warnings } = await ingest(
      store,
      fixture('customers-dirty.csv'),
      'imports/customers/dirty.csv',
    );

    expect((await store.getCustomer('1001'))?.profile).toMatchObject({
      phone: '+442079460018',
      country: 'GB',
      birthDate: '1985-03-02',
      birthYear: 1985,
    });
    const eve = (await store.getCustomer('1004'))?.profile;
    expect(eve?.country).toBeUndefined();
    expect(eve?.birthDate).toBeUndefined();
    expect(
      warnings
        .filter((warning) => warning.line === 10)
        .map((warning) => warning.column)
        .sort(),
    ).toEqual(['Birth Date', 'Country', 'Phone']);
  });

  it('escapes formula payloads in the rejected rows CSV', async () => {
    const result = await ingest(
      new InMemoryCustomerStore(),
      fixture('customers-dirty.csv'),
      'imports/customers/dirty.csv',
    );

    const { rejectedCsv } = buildImportReportFiles(result);
    expect(rejectedCsv.split('\r\n')[0]).toBe('file,line,reason,column,value');
    expect(rejectedCsv).toContain(`,E-mail,'=cmd|' /C calc'!A0`);
    expect(rejectedCsv).not.toMatch(/,=cmd/);
  });
});

describe('ingestCustomerExport with orders', () => {
  it('aggregates order lines, treats C invoices as cancellations and computes net revenue', async () => {
    const store = new InMemoryCustomerStore();
    const result = await ingest(
      store,
      fixture('online-retail-orders.csv'),
      'imports/orders/online-retail.csv',
    );

    expectRowsAccountedFor(result);
    expect(result.record.detection).toMatchObject({
      preset: 'online-retail',
      dateFormat: 'mdy',
      rules: { cancellationPrefix: 'C' },
    });
    expect(result.rejected).toEqual([
      { line: 8, reason: 'order without a customer id or e-mail', column: 'CustomerID' },
    ]);
    const orders = (await store.getCustomer('17850'))?.orders ?? [];
    const hearts = orders.find((order) => order.orderId === '536365');
    expect(hearts).toMatchObject({
      total: 57.64,
      netRevenue: 57.64,
      status: 'completed',
      orderedAt: '2010-12-01T08:26:00.000Z',
    });
    expect(hearts?.lines).toHaveLength(3);
    expect((await store.getCustomer('14527'))?.orders).toEqual([
      expect.objectContaining({
        orderId: 'C536379',
        status: 'cancelled',
        total: -27.5,
        netRevenue: -27.5,
      }),
    ]);
  });

  it('creates minimal profiles for unknown customers and says so in the counts', async () => {
    const store = new InMemoryCustomerStore();
    const { record } = await ingest(
      store,
      fixture('online-retail-orders.csv'),
      'imports/orders/online-retail.csv',
    );

    expect(record.counts.profilesCreated).toBe(3);
    expect((await store.getCustomer('12583'))?.profile).toMatchObject({ externalId: '12583' });
  });

  it('does not double count or write anything when the same orders are imported again', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(store, fixture('online-retail-orders.csv'), 'imports/orders/online-retail.csv');
    const writes = { ...store.writes };

    const again = await ingest(
      store,
      fixture('online-retail-orders.csv'),
      'imports/orders/online-retail.csv',
    );

    expect(again.record.counts).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 6,
      profilesCreated: 0,
    });
    expect(store.writes).toEqual(writes);
    const revenue = (await everyone(store))
      .flatMap((record) => record.orders)
      .reduce((sum, order) => sum + order.netRevenue, 0);
    expect(revenue).toBeCloseTo(57.64 + 11.1 - 27.5 + 90);
  });

  it('maps statuses and amounts with currency symbols to net revenue', async () => {
    const store = new InMemoryCustomerStore();
    const result = await ingest(store, fixture('orders-statuses.csv'), 'imports/orders/shop.csv');

    expectRowsAccountedFor(result);
    const orders = new Map(
      (await everyone(store))
        .flatMap((record) => record.orders)
        .map((order) => [order.orderId, order]),
    );
    expect(orders.get('A-1')).toMatchObject({
      total: 1234.56,
      netRevenue: 1234.56,
      status: 'completed',
      currency: 'EUR',
    });
    expect(orders.get('A-2')).toMatchObject({ total: 20, netRevenue: 0, status: 'cancelled' });
    expect(orders.get('A-3')).toMatchObject({ total: 50, netRevenue: 30, status: 'refunded' });
    expect(orders.get('A-4')).toMatchObject({ total: 1234.5, netRevenue: 0, status: 'refunded' });
    expect(result.rejected).toEqual([
      { line: 6, reason: 'order without a customer id or e-mail', column: 'Email' },
      {
        line: 7,
        reason: 'order without a readable date: not a date',
        column: 'Date',
        value: 'yesterday',
      },
    ]);
  });

  it('puts the orders of differently cased e-mails on one customer', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(store, fixture('orders-statuses.csv'), 'imports/orders/shop.csv');

    const ann = (await everyone(store)).find(
      (record) => record.profile.email === 'ann@example.com',
    );
    expect(ann?.orders.map((order) => order.orderId).sort()).toEqual(['A-1', 'A-2', 'A-3']);
  });
});

describe('ingestCustomerExport with events', () => {
  it('normalises event types, de-duplicates repeats and rejects unparseable lines', async () => {
    const store = new InMemoryCustomerStore();
    const result = await ingest(store, fixture('events.ndjson'), 'imports/events/site.ndjson');

    expectRowsAccountedFor(result);
    expect(result.record.counts).toMatchObject({ read: 5, inserted: 3, unchanged: 1, rejected: 1 });
    expect(result.rejected[0]).toMatchObject({
      line: 4,
      reason: expect.stringContaining('unparseable JSON'),
    });
    const ann = (await everyone(store)).find(
      (record) => record.profile.email === 'ann@example.com',
    );
    expect(ann?.events.map((event) => event.type).sort()).toEqual(['added_to_cart', 'purchased']);
    expect(ann?.events.find((event) => event.type === 'purchased')).toMatchObject({
      eventId: 'evt-9',
      properties: { value: 42.5 },
    });
    expect((await store.getCustomer('1001'))?.events).toEqual([
      expect.objectContaining({
        type: 'page_viewed',
        at: '2024-02-01T10:00:00.000Z',
        properties: { url: '/home' },
      }),
    ]);
  });

  it('writes no event twice when the file is imported again', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(store, fixture('events.ndjson'), 'imports/events/site.ndjson');
    const writes = { ...store.writes };

    const again = await ingest(store, fixture('events.ndjson'), 'imports/events/site.ndjson');

    expect(again.record.counts).toMatchObject({ inserted: 0, unchanged: 4 });
    expect(store.writes).toEqual(writes);
  });
});

describe('ingestCustomerExport with tool presets', () => {
  it('reads an Amazon Pinpoint endpoint CSV: endpoints of one user merge, OptOut ALL denies consent', async () => {
    const store = new InMemoryCustomerStore();
    const { record } = await ingest(
      store,
      fixture('pinpoint-endpoints.csv'),
      'imports/customers/pinpoint.csv',
    );

    expect(record.detection?.preset).toBe('pinpoint-endpoints');
    expect((await store.getCustomer('u-1'))?.profile).toMatchObject({
      email: 'ann@example.com',
      phone: '+12062661000',
      firstName: 'Ann',
      country: 'US',
      city: 'Seattle',
      timeZone: 'America/Los_Angeles',
      language: 'en-US',
      tags: ['books', 'travel'],
      attributes: { plan: 'gold' },
      consent: { state: 'denied', at: '2024-03-02T00:00:00.000Z' },
    });
  });

  it('reads a nested Amazon Pinpoint JSON export by flattening keys with dots', async () => {
    const store = new InMemoryCustomerStore();
    const result = await ingest(
      store,
      fixture('pinpoint-endpoints.json'),
      'imports/customers/pinpoint.json',
    );

    expectRowsAccountedFor(result);
    expect(result.record.detection).toMatchObject({ format: 'json', preset: 'pinpoint-endpoints' });
    expect((await store.getCustomer('u-2'))?.profile).toMatchObject({
      email: 'zoe@example.com',
      firstName: 'Zoe',
      country: 'DE',
      postalCode: '10115',
      tags: ['golf', 'jazz'],
      consent: { state: 'granted' },
      attributes: { plan: 'gold', Platform: 'ios' },
    });
    expect(result.rejected).toEqual([
      {
        line: 18,
        reason: expect.stringContaining('no customer identifier'),
        column: 'User.UserId / Address',
      },
    ]);
  });

  it('reads a Shopify customers export: quoted ids, consent, default address and tags', async () => {
    const store = new InMemoryCustomerStore();
    const { record } = await ingest(
      store,
      fixture('shopify-customers.csv'),
      'imports/customers/shopify.csv',
    );

    expect(record.detection?.preset).toBe('shopify-customers');
    expect((await store.getCustomer('7001234'))?.profile).toMatchObject({
      email: 'jo.park@example.com',
      emailDisplay: 'Jo.Park@Example.com',
      phone: '+14169792000',
      city: 'Toronto',
      region: 'ON',
      country: 'CA',
      postalCode: 'M5V 2T6',
      tags: ['vip', 'newsletter'],
      consent: { state: 'granted' },
      attributes: { 'Total Spent': 120.5, 'Total Orders': 3, Note: 'VIP since 2019' },
    });
    expect((await store.getCustomer('7001235'))?.profile.consent).toEqual({ state: 'denied' });
  });
});

describe('ingestCustomerExport with an explicit mapping', () => {
  const csv = 'Handle,Email,Score,Joined\nh-1,h1@example.com,7,03/04/2024\n';

  it('lets the mapping override synonyms, attributes and the date order', async () => {
    const store = new InMemoryCustomerStore();
    const { record } = await ingest(store, bytesOf(csv), 'imports/customers/mapped.csv', {
      mapping: {
        columns: {
          Handle: 'externalId',
          Email: 'ignore',
          Score: 'attributes.score',
          Joined: 'signupAt',
        },
        dateFormat: 'mdy',
      },
    });

    expect(record.detection).toMatchObject({
      dateFormat: 'mdy',
      dateFormatSource: 'mapping',
      columns: { Handle: 'externalId', Email: 'ignore' },
    });
    expect((await store.getCustomer('h-1'))?.profile).toMatchObject({
      signupAt: '2024-03-04T00:00:00.000Z',
      attributes: { score: 7 },
    });
    expect((await store.getCustomer('h-1'))?.profile.email).toBeUndefined();
  });

  it('fails the import with the path of an invalid mapping entry', async () => {
    const { record } = await ingest(
      new InMemoryCustomerStore(),
      bytesOf(csv),
      'imports/customers/mapped.csv',
      {
        mapping: { columns: { Email: 'emial' } },
      },
    );

    expect(record.status).toBe('failed');
    expect(record.error).toContain('columns.Email');
  });
});

describe('ingestCustomerExport merging over time', () => {
  it('lets a newer upload win field by field without erasing values it leaves empty', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(
      store,
      bytesOf('id,email,city,plan\n1,a@example.com,Oslo,basic\n'),
      'imports/customers/a.csv',
      { sourceTime: '2026-01-01T00:00:00Z' },
    );

    const { record } = await ingest(
      store,
      bytesOf('id,email,city,plan\n1,,Bergen,\n'),
      'imports/customers/b.csv',
      { sourceTime: '2026-02-01T00:00:00Z' },
    );

    expect(record.counts).toMatchObject({ updated: 1 });
    expect((await store.getCustomer('1'))?.profile).toMatchObject({
      email: 'a@example.com',
      city: 'Bergen',
      attributes: { plan: 'basic' },
      version: 2,
    });
  });

  it('keeps newer stored values when an older upload arrives late', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(store, bytesOf('id,city\n1,Bergen\n'), 'imports/customers/new.csv', {
      sourceTime: '2026-02-01T00:00:00Z',
    });

    const { record } = await ingest(
      store,
      bytesOf('id,city\n1,Oslo\n'),
      'imports/customers/old.csv',
      { sourceTime: '2026-01-01T00:00:00Z' },
    );

    expect(record.counts).toMatchObject({ unchanged: 1 });
    expect((await store.getCustomer('1'))?.profile.city).toBe('Bergen');
  });

  it('matches a row with only an e-mail to the customer that e-mail belongs to', async () => {
    const store = new InMemoryCustomerStore();
    await ingest(store, bytesOf('id,email\n42,Pat@Example.com\n'), 'imports/customers/a.csv');

    await ingest(
      store,
      bytesOf('email,city\n pat@example.com ,Lima\n'),
      'imports/customers/b.csv',
      { sourceTime: '2026-11-02T00:00:00Z' },
    );

    expect((await everyone(store)).map((record) => record.profile)).toEqual([
      expect.objectContaining({ customerId: '42', city: 'Lima' }),
    ]);
  });
});

describe('ingestCustomerExport when the store fails', () => {
  it('reports rows whose profile could not be written as failed, never silently', async () => {
    const inner = new InMemoryCustomerStore();
    const store: CustomerStore = {
      findIdentities: (keys) => inner.findIdentities(keys),
      getProfiles: (ids) => inner.getProfiles(ids),
      saveProfiles: async (profiles) => {
        await inner.saveProfiles(profiles.filter((profile) => profile.customerId !== '2'));
        return { failed: [{ key: '2', reason: 'throttled' }] };
      },
      saveOrders: (orders) => inner.saveOrders(orders),
      saveEvents: (events) => inner.saveEvents(events),
      scanCustomers: (shard) => inner.scanCustomers(shard),
      getCustomer: (id) => inner.getCustomer(id),
      scanProfiles: (page) => inner.scanProfiles(page),
      deleteCustomer: (id, aliases) => inner.deleteCustomer(id, aliases),
    };

    const result = await ingest(
      store,
      bytesOf('id,city\n1,Oslo\n2,Rome\n'),
      'imports/customers/a.csv',
    );

    expectRowsAccountedFor(result);
    expect(result.record.counts).toMatchObject({ inserted: 1, failed: 1 });
    expect(result.record.status).toBe('partially-failed');
    expect(result.rejected).toEqual([{ line: 3, reason: 'write failed: throttled' }]);
  });
});

describe('ingestCustomerExport with a Shopify orders export', () => {
  it('takes the order total from the first line, and maps refunds and cancellations', async () => {
    const store = new InMemoryCustomerStore();
    const result = await ingest(store, fixture('shopify-orders.csv'), 'imports/orders/shopify.csv');

    expectRowsAccountedFor(result);
    expect(result.record.detection?.preset).toBe('shopify-orders');
    const orders = new Map(
      (await everyone(store))
        .flatMap((record) => record.orders)
        .map((order) => [order.orderId, order]),
    );
    expect(orders.get('#1001')).toMatchObject({
      total: 35,
      netRevenue: 35,
      status: 'completed',
      currency: 'CAD',
      channel: 'web',
      orderedAt: '2024-01-05T14:59:00.000Z',
      lines: [
        { sku: 'MUG-1', name: 'Mug', quantity: 1, unitPrice: 10 },
        { sku: 'TEA-1', name: 'Tea', quantity: 2, unitPrice: 10 },
      ],
    });
    expect(orders.get('#1002')).toMatchObject({ status: 'refunded', netRevenue: 0 });
    expect(orders.get('#1003')).toMatchObject({ status: 'cancelled', netRevenue: 0 });
    expect(orders.get('#1001')?.customerId).toBe(orders.get('#1002')?.customerId);
  });
});

describe('ingestCustomerExport with order lines far apart', () => {
  it('reopens an order whose line comes back after the assembly window, without losing or doubling lines', async () => {
    const filler = Array.from({ length: 12_000 }, (_, i) => `F${i},c${i % 50},2024-01-02,1,1.00`);
    const csv = [
      'order_id,customer_id,order_date,quantity,unit_price',
      'X1,c1,2024-01-01,2,5.00',
      ...filler,
      'X1,c1,2024-01-01,1,3.00',
      '',
    ].join('\n');
    const store = new InMemoryCustomerStore();

    const first = await ingest(store, bytesOf(csv), 'imports/orders/late-lines.csv');
    const writes = { ...store.writes };
    const again = await ingest(store, bytesOf(csv), 'imports/orders/late-lines.csv');

    expectRowsAccountedFor(first);
    const order = (await store.getCustomer('c1'))?.orders.find((stored) => stored.orderId === 'X1');
    expect(order).toMatchObject({ total: 13, netRevenue: 13 });
    expect(order?.lines).toHaveLength(2);
    expect(again.record.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 12_002 });
    expect(store.writes).toEqual(writes);
  });
});

describe('ingestCustomerExport with a mapping of the wrong kind', () => {
  it('fails naming the column mapped to a field customers do not have', async () => {
    const { record } = await ingest(
      new InMemoryCustomerStore(),
      bytesOf('id,ref\n1,x\n'),
      'imports/customers/a.csv',
      {
        mapping: { columns: { ref: 'orderId' } },
      },
    );

    expect(record.status).toBe('failed');
    expect(record.error).toBe(
      'invalid import mapping at columns.ref: "orderId" is not a field of customers imports',
    );
  });
});

const ingestDataset = (store: InMemoryCustomerStore, importId: string) =>
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
    const { record, rejected } = await ingestDataset(store, 'first');

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
    await ingestDataset(store, 'first');

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
    const { record, warnings } = await ingestDataset(new InMemoryCustomerStore(), 'first');

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
    const { warnings } = await ingestDataset(store, 'first');
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
    await ingestDataset(store, 'first');
    const writesBefore = { ...store.writes };

    const { record } = await ingestDataset(store, 'second');

    expect(record.counts).toMatchObject({ read: 2240, inserted: 0, updated: 0, unchanged: 2240 });
    expect(store.writes).toEqual(writesBefore);
  });
});

describe('ingestCustomerExport with an unreadable file', () => {
  it('returns a failed record with the reason instead of throwing', async () => {
    const { record } = await ingest(
      new InMemoryCustomerStore(),
      bytesOf('this is not gzip'),
      'imports/customers/a.csv.gz',
    );

    expect(record.status).toBe('failed');
    expect(record.error).toMatch(/header|gzip|zlib/i);
    expect(record.finishedAt).toBeDefined();
  });
});

describe('ingestCustomerExport when the store is down', () => {
  it('throws the store error so the trigger can retry', async () => {
    const inner = new InMemoryCustomerStore();
    const store: CustomerStore = {
      findIdentities: async () => {
        throw new Error('DynamoDB unavailable');
      },
      getProfiles: (ids) => inner.getProfiles(ids),
      saveProfiles: (profiles) => inner.saveProfiles(profiles),
      saveOrders: (orders) => inner.saveOrders(orders),
      saveEvents: (events) => inner.saveEvents(events),
      scanCustomers: (shard) => inner.scanCustomers(shard),
      getCustomer: (id) => inner.getCustomer(id),
      scanProfiles: (page) => inner.scanProfiles(page),
      deleteCustomer: (id, aliases) => inner.deleteCustomer(id, aliases),
    };

    await expect(ingest(store, bytesOf('id\n1\n'), 'imports/customers/a.csv')).rejects.toThrow(
      'DynamoDB unavailable',
    );
  });
});

describe('ingestCustomerExport with many rejections', () => {
  it('keeps the first 10,000 rejected rows but counts them all', async () => {
    const csv = ['id,city', ...Array.from({ length: 10_005 }, () => ',Oslo'), '1,Bergen', ''].join(
      '\n',
    );

    const result = await ingest(
      new InMemoryCustomerStore(),
      bytesOf(csv),
      'imports/customers/a.csv',
    );

    expectRowsAccountedFor(result);
    expect(result.record.counts).toMatchObject({ read: 10_006, rejected: 10_005, inserted: 1 });
    expect(result.rejected).toHaveLength(10_000);
    expect(result.record.issuesTruncated).toBe(true);
  });
});
