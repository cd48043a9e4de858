import type { RunResult } from './segment-membership';

export interface SegmentChange {
  segmentId: string;
  segmentName: string;
  entered: string[];
  left: string[];
}

/** Customers outside every RFM segment (no orders yet, or not in that run) are counted as this. */
export const NO_RFM_SEGMENT = '(none)';

export interface RunDiff {
  segments: SegmentChange[];
  /** Previous RFM segment name → current RFM segment name → customers; unchanged ones included. */
  rfmTransitions: Record<string, Record<string, number>>;
}

const rfmNameByCustomer = (run: RunResult): Map<string, string> => {
  const names = new Map<string, string>();
  for (const segment of run.segments) {
    if (segment.kind !== 'rfm') continue;
    for (const customerId of segment.customerIds) names.set(customerId, segment.segmentName);
  }
  return names;
};

/**
 * What changed since the previous run.
 * 1. Per segment id in either run: who is in it now and was not before, and who left.
 * 2. The RFM transition matrix over every customer in an RFM segment in either run.
 */
export const diffRuns = ({
  previous,
  current,
}: {
  previous: RunResult;
  current: RunResult;
}): RunDiff => {
  const before = new Map(previous.segments.map((segment) => [segment.segmentId, segment]));
  const after = new Map(current.segments.map((segment) => [segment.segmentId, segment]));
  const segmentIds = [...new Set([...after.keys(), ...before.keys()])];
  const segments = segmentIds.map((segmentId): SegmentChange => {
    const was = new Set(before.get(segmentId)?.customerIds ?? []);
    const now = new Set(after.get(segmentId)?.customerIds ?? []);
    return {
      segmentId,
      segmentName:
        after.get(segmentId)?.segmentName ?? before.get(segmentId)?.segmentName ?? segmentId,
      entered: [...now].filter((customerId) => !was.has(customerId)),
      left: [...was].filter((customerId) => !now.has(customerId)),
    };
  });

  const previousNames = rfmNameByCustomer(previous);
  const currentNames = rfmNameByCustomer(current);
  const rfmTransitions: Record<string, Record<string, number>> = {};
  for (const customerId of new Set([...previousNames.keys(), ...currentNames.keys()])) {
    const from = previousNames.get(customerId) ?? NO_RFM_SEGMENT;
    const to = currentNames.get(customerId) ?? NO_RFM_SEGMENT;
    const row = (rfmTransitions[from] ??= {});
    row[to] = (row[to] ?? 0) + 1;
  }
  return { segments, rfmTransitions };
};
