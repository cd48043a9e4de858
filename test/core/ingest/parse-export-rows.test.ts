import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExportRows, type ParsedExport } from '../../../core/ingest/parse-export-rows';
import type { ParsedBatch, ProfileRow } from '../../../core/ingest/parsed-row';
import { bytesOf, gzipOf } from './sources';

const NOW = new Date('2026-11-22T10:00:00Z');

const parse = (
  content: string | Uint8Array,
  key = 'imports/customers/file.csv',
  chunkSize?: number,
) => parseExportRows({ source: bytesOf(content, chunkSize), key, now: NOW });

const collect = async (parsed: ParsedExport): Promise<ParsedBatch> => {
  const all: ParsedBatch = { read: 0, rows: [], rejected: [], warnings: [] };
  for await (const batch of parsed.batches) {
    all.read += batch.read;
    all.rows.push(...batch.rows);
    all.rejected.push(...batch.rejected);
    all.warnings.push(...batch.warnings);
  }
  return all;
};

const profiles = (batch: ParsedBatch): ProfileRow[] => batch.rows as ProfileRow[];

describe('parseExportRows formats', () => {
  it.each([
    ['tab', '\t'],
    ['pipe', '|'],
    ['semicolon', ';'],
  ])('detects a %s delimiter from the first lines', async (_name, delimiter) => {
    const parsed = await parse(
      ['id', 'email', 'city'].join(delimiter) +
        '\n' +
        ['1', 'a@example.com', 'Oslo, Norway'].join(delimiter) +
        '\n',
    );

    expect(parsed.detection.delimiter).toBe(delimiter);
    expect(profiles(await collect(parsed))[0]?.fields).toMatchObject({
      externalId: '1',
      city: 'Oslo, Norway',
    });
  });

  it('reads a gzip file whether or not the key says .gz', async () => {
    const content = gzipOf('\uFEFFid;email\r\n1;a@example.com\r\n');

    for (const key of ['imports/customers/a.csv.gz', 'imports/customers/a.csv']) {
      const parsed = await parse(content, key, 7);
      expect(parsed.detection).toMatchObject({
        compression: 'gzip',
        encoding: 'utf-8-bom',
        delimiter: ';',
      });
      expect(profiles(await collect(parsed))[0]?.fields.email).toBe('a@example.com');
    }
  });

  it('streams a JSON array, with line numbers of each element', async () => {
    const json =
      '[\n  {"id": "1", "tags": ["a", "b"], "vip": true},\n  {"id": "2", "nested": {"level": 3}},\n  "oops"\n]';

    const batch = await collect(await parse(json, 'imports/customers/a.json', 5));

    expect(profiles(batch).map((row) => [row.line, row.fields.externalId])).toEqual([
      [2, '1'],
      [3, '2'],
    ]);
    expect(profiles(batch)[0]?.fields.tags).toEqual(['a', 'b']);
    expect(profiles(batch)[0]?.attributes).toEqual({ vip: true });
    expect(profiles(batch)[1]?.attributes).toEqual({ 'nested.level': 3 });
    expect(batch.rejected).toEqual([{ line: 4, reason: 'not a JSON object' }]);
  });

  it('reads NDJSON and rejects a broken line by its number', async () => {
    const batch = await collect(
      await parse(
        '{"email":"a@example.com"}\n\n{"email":\n{"email":"b@example.com"}\n',
        'imports/customers/a.ndjson',
      ),
    );

    expect(profiles(batch).map((row) => row.line)).toEqual([1, 4]);
    expect(batch.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('unparseable JSON') },
    ]);
  });

  it('gives the same rows whatever the chunk boundaries', async () => {
    const content = readFileSync(
      new URL('../../fixtures/ingest/customers-dirty.csv', import.meta.url),
    );
    const whole = await collect(await parse(content));

    for (const size of [1, 2, 3, 7]) {
      expect(await collect(await parse(content, undefined, size))).toEqual(whole);
    }
  });

  it('reads windows-1252 text that is not valid UTF-8', async () => {
    const latin1 = Uint8Array.from(
      [...'id,city\n1,']
        .map((char) => char.charCodeAt(0))
        .concat([0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e, 0x0a]),
    );

    const parsed = await parse(latin1);

    expect(parsed.detection.encoding).toBe('windows-1252');
    expect(profiles(await collect(parsed))[0]?.fields.city).toBe('München');
  });

  it('detects the kind from headers when the key has no known prefix', async () => {
    const parsed = await parse(
      'order_id,customer_email,order_date,amount\n1,a@example.com,2024-01-01,5\n',
      'uploads/x.csv',
    );

    expect(parsed.detection.kind).toBe('orders');
  });

  it('keeps read = accepted + rejected', async () => {
    const batch = await collect(
      await parse('id,email\n1,a@example.com\n,\n2,b@example.com,extra\n3\n'),
    );

    expect(batch.read).toBe(4);
    expect(batch.rows.length + batch.rejected.length).toBe(batch.read);
  });
});

describe('parseExportRows dates', () => {
  it('infers d/m/y from a day above 12 and reports it', async () => {
    const parsed = await parse('id,signup date\n1,03/04/2024\n2,13/04/2024\n');

    expect(parsed.detection).toMatchObject({ dateFormat: 'dmy', dateFormatSource: 'inferred' });
    expect(profiles(await collect(parsed)).map((row) => row.fields.signupAt)).toEqual([
      '2024-04-03T00:00:00.000Z',
      '2024-04-13T00:00:00.000Z',
    ]);
  });

  it('infers m/d/y from a second component above 12', async () => {
    const parsed = await parse('id,signup date\n1,03/04/2024\n2,04/13/2024 5:30 PM\n');

    expect(parsed.detection).toMatchObject({ dateFormat: 'mdy', dateFormatSource: 'inferred' });
    expect(profiles(await collect(parsed)).map((row) => row.fields.signupAt)).toEqual([
      '2024-03-04T00:00:00.000Z',
      '2024-04-13T17:30:00.000Z',
    ]);
  });

  it('reads d/m/y by default when every date is ambiguous, and says so', async () => {
    const parsed = await parse('id,signup date\n1,03/04/2024\n');

    expect(parsed.detection).toMatchObject({ dateFormat: 'dmy', dateFormatSource: 'default' });
  });

  it('reads Excel serial numbers, ISO instants with zones and drops unreadable dates with a warning', async () => {
    const batch = await collect(
      await parse('id,created at\n1,45000\n2,2024-05-06T10:00:00+02:00\n3,31/02/2024\n'),
    );

    expect(profiles(batch).map((row) => row.fields.signupAt)).toEqual([
      '2023-03-15T00:00:00.000Z',
      '2024-05-06T08:00:00.000Z',
      undefined,
    ]);
    expect(batch.warnings).toEqual([
      { line: 4, column: 'created at', value: '31/02/2024', reason: 'not a date' },
    ]);
  });
});

describe('parseExportRows values', () => {
  it('reads amounts with currency symbols, thousands separators and decimal commas', async () => {
    const batch = await collect(
      await parse('id;income\n1;€1.234,56\n2;$1,234.56\n3;1 234,56 kr\n4;-5\n'),
    );

    expect(profiles(batch).map((row) => row.fields.income)).toEqual([
      1234.56,
      1234.56,
      1234.56,
      undefined,
    ]);
    expect(batch.warnings).toEqual([
      { line: 5, column: 'income', value: '-5', reason: 'negative income' },
    ]);
  });

  it('turns countries written as names or codes into ISO alpha-2', async () => {
    const batch = await collect(await parse('id,country\n1,Germany\n2,deu\n3,fr\n4,EIRE\n'));

    expect(profiles(batch).map((row) => row.fields.country)).toEqual(['DE', 'DE', 'FR', 'IE']);
  });

  it('types unmapped columns as numbers, booleans or text, keeping leading zeros', async () => {
    const batch = await collect(await parse('id,score,vip,code,interest\n1,4.5,TRUE,00123,Golf\n'));

    expect(profiles(batch)[0]?.attributes).toEqual({
      score: 4.5,
      vip: true,
      code: '00123',
      interest: 'Golf',
    });
  });
});

describe('parseExportRows presets', () => {
  it.each([
    [
      'hubspot-contacts',
      'Record ID,First Name,Email,Create Date,Country/Region,Job Title\n901,Ann,ann@example.com,2024-01-02 10:00,Norway,Chef\n',
      {
        externalId: '901',
        signupAt: '2024-01-02T10:00:00.000Z',
        country: 'NO',
        occupation: 'Chef',
      },
    ],
    [
      'mailchimp-audience',
      'Email Address,First Name,MEMBER_RATING,OPTIN_TIME,CONFIRM_TIME,CC,TAGS,LEID\nann@example.com,Ann,2,2021-03-04 10:11:12,2021-03-04 10:12:00,fr,"a,b",123\n',
      {
        email: 'ann@example.com',
        signupAt: '2021-03-04T10:11:12.000Z',
        country: 'FR',
        tags: ['a', 'b'],
      },
    ],
  ])('detects the %s export and maps its columns', async (preset, csv, fields) => {
    const parsed = await parse(csv, 'uploads/export.csv');

    expect(parsed.detection).toMatchObject({ preset, kind: 'customers' });
    expect(profiles(await collect(parsed))[0]?.fields).toMatchObject(fields);
  });

  it('detects a WooCommerce orders export by its headers', async () => {
    const parsed = await parse(
      'Order ID,Order Status,Order Date,Customer Email (Billing),Order Total Amount,Quantity,Item Cost,SKU\n77,wc-completed,2024-01-05 10:00:00,ann@example.com,12.5,1,12.5,S1\n',
      'uploads/woo.csv',
    );

    expect(parsed.detection).toMatchObject({ preset: 'woocommerce-orders', kind: 'orders' });
    expect((await collect(parsed)).rows[0]).toMatchObject({
      orderId: '77',
      total: 12.5,
      customer: { email: 'ann@example.com' },
    });
  });

  it('lets the key prefix win over a preset of another kind', async () => {
    const parsed = await parse(
      'Order ID,Order Status,Order Date,Email\n77,completed,2024-01-05,ann@example.com\n',
      'imports/customers/odd.csv',
    );

    expect(parsed.detection.kind).toBe('customers');
    expect(parsed.detection.preset).toBeUndefined();
  });

  it('reads dates written with month names', async () => {
    const batch = await collect(
      await parse('id,signup date\n1,5 Jan 2024\n2,"Feb 3, 2024 10:30"\n'),
    );

    expect(profiles(batch).map((row) => row.fields.signupAt)).toEqual([
      '2024-01-05T00:00:00.000Z',
      '2024-02-03T10:30:00.000Z',
    ]);
  });
});

describe('parseExportRows dates after the sample', () => {
  it('reads a d/m/y date that first appears after the sampled ISO rows instead of dropping it', async () => {
    const csv = [
      'id,signup date',
      ...Array.from({ length: 8_000 }, (_, i) => `${i},2024-01-02`),
      'x,13/02/2024',
      '',
    ].join('\n');

    const parsed = await parse(csv, undefined, 1024);
    const batch = await collect(parsed);

    expect(parsed.detection.dateFormat).toBe('iso');
    expect(profiles(batch).at(-1)?.fields.signupAt).toBe('2024-02-13T00:00:00.000Z');
    expect(batch.warnings).toEqual([]);
  });
});
