import { beforeAll, describe, expect, it } from 'vitest';
import { InMemoryCustomerStore } from '../../../adapters/memory/in-memory-customer-store';
import { analyzeExports, type AnalysisResult } from '../../../core/analysis/analyze-exports';
import { generateDemoShop, type DemoShop } from '../../../core/demo/generate-demo-shop';
import { ImportKind } from '../../../core/ingest/import-kind';
import { LifecycleStage, lifecycleStageNames } from '../../../core/segments/lifecycle-config';
import { defaultRfmSegmentTable } from '../../../core/segments/rfm-segment-table';
import { segmentTemplates } from '../../../core/segments/segment-templates';
import { fixedClock } from '../../../core/shared/clock';
import { bytesOf } from '../ingest/sources';

const AS_OF = '2026-11-15';

/** One column of a demo CSV; no demo cell holds a comma, so splitting lines is enough. */
const column = (content: string, header: string): string[] => {
  const [head = '', ...rows] = content.trimEnd().split('\n');
  const index = head.split(',').indexOf(header);
  return rows.map((row) => row.split(',')[index] ?? '');
};

const segmentSize = (analysis: AnalysisResult, name: string): number | undefined =>
  analysis.run.segments.find((segment) => segment.segmentName === name)?.customers;

describe('generateDemoShop', () => {
  let shop: DemoShop;
  let analysis: AnalysisResult;

  beforeAll(async () => {
    shop = generateDemoShop({ seed: 1, asOf: AS_OF });
    // The real path: the three files in upload order through ingest into the in-memory store,
    // then one segmentation run with the shipped templates.
    analysis = await analyzeExports({
      files: ImportKind.options.map((kind) => ({
        name: shop.files[kind].key,
        open: () => bytesOf(shop.files[kind].content),
      })),
      store: new InMemoryCustomerStore(),
      clock: fixedClock(`${AS_OF}T06:00:00Z`),
      asOf: AS_OF,
      timeZone: 'UTC',
      rules: segmentTemplates,
      chartLibrary: '',
    });
  });

  it('returns identical bytes for the same seed and different bytes for another seed', () => {
    const again = generateDemoShop({ seed: 1, asOf: AS_OF });
    const other = generateDemoShop({ seed: 2, asOf: AS_OF });

    expect(again).toEqual(shop);
    expect(other.files.orders.content).not.toBe(shop.files.orders.content);
  });

  it('writes a few thousand customers with two years of orders under the import prefixes', () => {
    const { customers, orders, events } = shop.files;

    expect(customers).toMatchObject({ key: 'imports/customers/demo-customers.csv', rows: 3000 });
    expect(orders.key).toBe('imports/orders/demo-orders.csv');
    expect(events.key).toBe('imports/events/demo-events.csv');
    const orderedAt = column(orders.content, 'ordered_at').sort();
    expect(orderedAt[0]).toMatch(/^2024-11-/);
    expect(orderedAt.at(-1)! < `${AS_OF}T00:00:00Z`).toBe(true);
    expect(shop.orders).toBeGreaterThan(5000);
  });

  it('is ingested without a mapping, a rejected row or a warning', () => {
    expect(analysis.rejectedCsv).toBe('file,line,reason,column,value\r\n');
    for (const kind of ImportKind.options) {
      const record = analysis.imports.find(({ key }) => key === shop.files[kind].key);
      expect(record).toMatchObject({
        status: 'succeeded',
        counts: { read: shop.files[kind].rows, rejected: 0, warnings: 0, profilesCreated: 0 },
      });
    }
  });

  it('fills all eleven RFM segments and every lifecycle stage', () => {
    const empty = [
      ...defaultRfmSegmentTable.map(({ name }) => name),
      ...LifecycleStage.options.map((stage) => lifecycleStageNames[stage]),
    ].filter((name) => !(segmentSize(analysis, name)! > 0));

    expect(empty).toEqual([]);
  });

  it('leaves carts abandoned in the last days before the as-of date', () => {
    expect(segmentSize(analysis, 'Cart abandoner')).toBeGreaterThan(50);
    expect(segmentSize(analysis, 'Carted this week, no purchase')).toBeGreaterThan(10);
  });

  it('places customers on six continents, in both hemispheres and in cold climates', () => {
    const countries = new Set(column(shop.files.customers.content, 'country'));

    for (const country of ['US', 'BR', 'DE', 'NG', 'JP', 'AU'])
      expect(countries).toContain(country);
    expect(segmentSize(analysis, 'Southern hemisphere')).toBeGreaterThan(200);
    expect(segmentSize(analysis, 'Cold climate')).toBeGreaterThan(200);
  });

  it('mails only RFC 2606 example domains and asks some customers in vain for consent', () => {
    const emails = column(shop.files.customers.content, 'email');
    const consent = column(shop.files.customers.content, 'accepts_marketing');

    expect(
      emails.filter((email) => !/@(?:[a-z]+\.)?example\.(?:com|org|net)$/.test(email)),
    ).toEqual([]);
    expect(new Set(emails).size).toBe(emails.length);
    expect(consent.filter((answer) => answer === 'no').length).toBeGreaterThan(300);
  });

  it('peaks at Christmas and dips in the summer, month on month', () => {
    const { content } = shop.files.orders;
    const orderedAt = column(content, 'ordered_at');
    const monthOf = new Map(column(content, 'order_id').map((id, row) => [id, orderedAt[row]]));
    // Neighbouring months, so the shop's growth cannot pass for seasonality.
    const orders = (month: string) =>
      [...monthOf.values()].filter((at) => at?.startsWith(month)).length;

    expect(orders('2025-12')).toBeGreaterThan(1.3 * orders('2025-10'));
    expect(orders('2025-12')).toBeGreaterThan(1.3 * orders('2026-01'));
    expect(orders('2026-07')).toBeLessThan(orders('2026-05'));
    expect(orders('2026-07')).toBeLessThan(orders('2026-09'));
  });

  it('throws a ValidationError naming asOf when the date is malformed', () => {
    expect(() => generateDemoShop({ asOf: '15/11/2026' })).toThrow(
      expect.objectContaining({ code: 'validation_failed', path: ['asOf'] }),
    );
  });
});
