import type { SegmentStore } from '../ports/segment-store';
import type { CustomerSegments } from './segmentation-run';

// BatchGetItem's own limit: one call per batch of ids.
const BATCH = 100;

/** Yields the stored summaries of the members of the given segments of a run, a batch at a time. */
export async function* readRunSummaries({
  segments,
  runId,
  segmentIds,
}: {
  segments: SegmentStore;
  runId: string;
  segmentIds: readonly string[];
}): AsyncGenerator<{ segmentId: string; summary: CustomerSegments }> {
  for (const segmentId of segmentIds) {
    const ids = (await segments.listMemberIds(runId, segmentId)).sort();
    for (let start = 0; start < ids.length; start += BATCH) {
      const found = await segments.getCustomerSegments(runId, ids.slice(start, start + BATCH));
      for (const summary of found.values()) yield { segmentId, summary };
    }
  }
}
