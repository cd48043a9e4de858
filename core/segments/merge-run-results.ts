import { ValidationError } from '../shared/errors';
import type { RunResult, SegmentRunSummary } from './segment-membership';

/** Adds up the shards' parts of a run, keeping the segments in the order of the first part. */
export const mergeRunResults = ({ partials }: { partials: readonly RunResult[] }): RunResult => {
  const [first] = partials;
  if (!first) throw new ValidationError('No run results to merge', ['partials']);
  if (partials.length === 1) return first;
  const merged = new Map<string, SegmentRunSummary & { cents: number }>(
    first.segments.map((segment) => [
      segment.segmentId,
      { ...segment, customers: 0, revenue: 0, customerIds: [], cents: 0 },
    ]),
  );
  for (const partial of partials) {
    for (const segment of partial.segments) {
      const target = merged.get(segment.segmentId);
      if (!target) continue;
      target.customers += segment.customers;
      target.cents += Math.round(segment.revenue * 100);
      for (const customerId of segment.customerIds) target.customerIds.push(customerId);
    }
  }
  return {
    asOf: first.asOf,
    timeZone: first.timeZone,
    customers: partials.reduce((sum, partial) => sum + partial.customers, 0),
    segments: [...merged.values()].map(({ cents, ...segment }) => ({
      ...segment,
      revenue: cents / 100,
    })),
  };
};
