import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InMemoryCustomerStore } from '../../../adapters/memory/in-memory-customer-store';
import { ingestCustomerExport } from '../../../core/ingest/ingest-customer-export';
import type { CustomerRecord } from '../../../core/ports/customer-store';
import { segmentCustomers } from '../../../core/segments/segment-customers';
import { SegmentDefinition } from '../../../core/segments/segment-rule';
import { fixedClock } from '../../../core/shared/clock';
import { bytesOf } from '../ingest/sources';

const DOC = readFileSync(
  new URL('../../../docs/migrating-from-pinpoint.md', import.meta.url),
  'utf8',
);
const AS_OF = '2026-11-15';

/** The first ```json block after `marker`, so the doc's examples are what this test runs. */
const jsonBlockAfter = (marker: string): string => {
  const start = DOC.indexOf(marker);
  const match = /```json\n([\s\S]*?)\n```/.exec(DOC.slice(start));
  if (start === -1 || !match?.[1]) throw new Error(`no json block after "${marker}"`);
  return match[1];
};

const ingest = (store: InMemoryCustomerStore, content: string, key: string) =>
  ingestCustomerExport({
    source: bytesOf(content),
    key,
    sourceTime: new Date(`${AS_OF}T00:00:00Z`),
    store,
    clock: fixedClock(`${AS_OF}T06:00:00Z`),
    importId: key,
  });

describe('docs/migrating-from-pinpoint.md', () => {
  it('shows a segment rule that the real schema accepts', () => {
    const parsed = SegmentDefinition.safeParse(
      JSON.parse(jsonBlockAfter('<!-- shoal-rule-example')),
    );

    expect(parsed.error).toBeUndefined();
  });

  it('puts the example endpoint, once imported and active, into the example segment', async () => {
    const store = new InMemoryCustomerStore();
    const endpoint = jsonBlockAfter('Each line of the files is one endpoint');
    const pinpoint = await ingest(store, `${endpoint}\n`, 'imports/customers/pinpoint.ndjson');
    await ingest(
      store,
      'customer_id,event_type,occurred_at\nuser-1,page_viewed,2026-11-10T18:00:00Z\n',
      'imports/events/site.csv',
    );
    const customers: CustomerRecord[] = [];
    for await (const record of store.scanCustomers({ index: 0, count: 1 })) customers.push(record);

    const { run } = await segmentCustomers({
      customers,
      asOf: AS_OF,
      timeZone: 'UTC',
      rules: [JSON.parse(jsonBlockAfter('<!-- shoal-rule-example'))],
    });

    expect(pinpoint.record.counts).toMatchObject({ read: 1, rejected: 0, warnings: 0 });
    expect(pinpoint.record.detection?.preset).toBe('pinpoint-endpoints');
    expect(
      run.segments.find(({ segmentId }) => segmentId === 'north-america-gold-readers'),
    ).toMatchObject({
      customers: 1,
      customerIds: ['user-1'],
    });
  });
});
