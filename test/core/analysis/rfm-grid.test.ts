import { describe, expect, it } from 'vitest';
import { buildRfmGrid } from '../../../core/analysis/rfm-grid';

const buyer = (r: number, f: number, m: number, monetary: number, segmentName = 'Loyal') => ({
  rfm: { r, f, m, segmentId: `rfm-${segmentName}`, segmentName },
  features: { monetary },
});

describe('buildRfmGrid', () => {
  it('gives each cell its average spend in money beside the mean M score', () => {
    const cells = buildRfmGrid([
      buyer(5, 5, 5, 900),
      buyer(5, 5, 4, 300.5),
      buyer(1, 1, 1, 12),
      { rfm: undefined, features: { monetary: 0 } },
    ]);

    expect(cells).toEqual([
      { r: 5, f: 5, customers: 2, meanM: 4.5, averageSpend: 600.25, segmentName: 'Loyal' },
      { r: 1, f: 1, customers: 1, meanM: 1, averageSpend: 12, segmentName: 'Loyal' },
    ]);
  });
});
