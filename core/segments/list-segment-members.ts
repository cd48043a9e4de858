import type { SegmentStore } from '../ports/segment-store';
import { NotFoundError } from '../shared/errors';
import { requireCurrentRun } from '../segmentation-runs/current-run';
import { decodeOffsetCursor, encodeOffsetCursor } from '../shared/offset-cursor';

// BatchGetItem's own limit: one call per batch of ids.
const BATCH = 100;

export interface SegmentMember {
  customerId: string;
  email?: string;
  since: string;
  reason: string[];
}

/**
 * One page of a segment's members in the current run, each with why they are in it.
 * 1. Read the member ids of the segment (NotFoundError for a segment the run does not have).
 * 2. Walk them from the cursor, keeping those whose id or e-mail contains `search`, until the
 *    page is full; the cursor says where the walk stopped.
 */
export const listSegmentMembers = async ({
  segments,
  segmentId,
  search,
  limit,
  cursor,
}: {
  segments: SegmentStore;
  segmentId: string;
  search?: string;
  limit: number;
  cursor?: string;
}): Promise<{ items: SegmentMember[]; cursor?: string }> => {
  const run = await requireCurrentRun(segments);
  if (!run.segments.some((segment) => segment.segmentId === segmentId)) {
    throw new NotFoundError(`no segment ${segmentId} in the current run`, { segmentId });
  }
  const ids = (await segments.listMemberIds(run.runId, segmentId)).sort();
  const needle = search?.trim().toLowerCase();
  const items: SegmentMember[] = [];
  let offset = decodeOffsetCursor(cursor);
  while (offset < ids.length && items.length < limit) {
    const window = ids.slice(offset, offset + BATCH);
    const found = await segments.getCustomerSegments(run.runId, window);
    for (const id of window) {
      offset += 1;
      const summary = found.get(id);
      const membership = summary?.memberships.find((m) => m.segmentId === segmentId);
      if (summary === undefined || membership === undefined) continue;
      if (needle && !`${id} ${summary.email ?? ''}`.toLowerCase().includes(needle)) continue;
      items.push({
        customerId: id,
        ...(summary.email !== undefined && { email: summary.email }),
        since: membership.since,
        reason: membership.reason,
      });
      if (items.length === limit) break;
    }
  }
  return { items, ...(offset < ids.length && { cursor: encodeOffsetCursor(offset) }) };
};
