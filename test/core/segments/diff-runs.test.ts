import { describe, expect, it } from 'vitest';
import { diffRuns } from '../../../core/segments/diff-runs';
import type { RunResult, SegmentKind } from '../../../core/segments/segment-membership';

const runOf = (
  asOf: string,
  segments: [id: string, name: string, kind: SegmentKind, members: string[]][],
): RunResult => ({
  asOf,
  timeZone: 'UTC',
  customers: 4,
  segments: segments.map(([segmentId, segmentName, kind, customerIds]) => ({
    segmentId,
    segmentName,
    kind,
    customers: customerIds.length,
    revenue: 0,
    customerIds,
  })),
});

describe('diffRuns', () => {
  const previous = runOf('2026-10-01', [
    ['rfm:champions', 'Champions', 'rfm', ['a', 'b']],
    ['rfm:at-risk', 'At Risk', 'rfm', ['c']],
    ['wine-lovers', 'Wine lovers', 'rule', ['a', 'c']],
  ]);
  const current = runOf('2026-11-01', [
    ['rfm:champions', 'Champions', 'rfm', ['a']],
    ['rfm:at-risk', 'At Risk', 'rfm', ['b', 'c']],
    ['rfm:new-customers', 'New Customers', 'rfm', ['d']],
    ['wine-lovers', 'Wine lovers', 'rule', ['c', 'd']],
  ]);

  it('returns who entered and who left each segment', () => {
    const { segments } = diffRuns({ previous, current });

    expect(segments).toEqual([
      { segmentId: 'rfm:champions', segmentName: 'Champions', entered: [], left: ['b'] },
      { segmentId: 'rfm:at-risk', segmentName: 'At Risk', entered: ['b'], left: [] },
      { segmentId: 'rfm:new-customers', segmentName: 'New Customers', entered: ['d'], left: [] },
      { segmentId: 'wine-lovers', segmentName: 'Wine lovers', entered: ['d'], left: ['a'] },
    ]);
  });

  it('returns the RFM transition matrix from previous to current names', () => {
    expect(diffRuns({ previous, current }).rfmTransitions).toEqual({
      Champions: { Champions: 1, 'At Risk': 1 },
      'At Risk': { 'At Risk': 1 },
      '(none)': { 'New Customers': 1 },
    });
  });

  it('returns a segment that disappeared with everyone leaving it', () => {
    const { segments } = diffRuns({ previous, current: runOf('2026-11-01', []) });

    expect(segments.find(({ segmentId }) => segmentId === 'wine-lovers')).toEqual({
      segmentId: 'wine-lovers',
      segmentName: 'Wine lovers',
      entered: [],
      left: ['a', 'c'],
    });
  });
});
