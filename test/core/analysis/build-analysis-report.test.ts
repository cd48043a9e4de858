import { describe, expect, it } from 'vitest';
import { buildAnalysisReport } from '../../../core/analysis/build-analysis-report';
import type { RunResult } from '../../../core/segments';

const runWith = (revenue: number): RunResult => ({
  asOf: '2026-11-01',
  timeZone: 'UTC',
  customers: 2,
  segments: [
    {
      segmentId: 'rfm-champions',
      segmentName: 'Champions',
      kind: 'rfm',
      customers: 2,
      revenue,
      customerIds: ['a', 'b'],
    },
  ],
});

describe('buildAnalysisReport', () => {
  it('draws the revenue chart when the buyers spent something', () => {
    const html = buildAnalysisReport({ run: runWith(120), grid: [], chartLibrary: '' });

    expect(html).toContain('<canvas id="revenue"');
    expect(html).not.toContain('No revenue to share out');
  });

  it('says why there is no revenue chart instead of drawing an empty one', () => {
    const html = buildAnalysisReport({ run: runWith(0), grid: [], chartLibrary: '' });

    expect(html).not.toContain('<canvas id="revenue"');
    expect(html).toContain('No revenue to share out');
  });
});
