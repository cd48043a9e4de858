import { buildRfmGrid, type RfmGridCell } from '../analysis/rfm-grid';
import type { SegmentStore } from '../ports/segment-store';
import type { CustomerSegments, SegmentationRun } from '../segmentation-runs/segmentation-run';
import { requireCurrentRun } from '../segmentation-runs/current-run';
import { readRunSummaries } from '../segmentation-runs/read-run-summaries';

/** Every buyer's stored summary in a run: buyers are exactly the members of the RFM segments. */
const readBuyerSummaries = async function* (
  segments: SegmentStore,
  run: SegmentationRun,
): AsyncGenerator<CustomerSegments> {
  const segmentIds = run.segments
    .filter((s) => s.kind === 'rfm' && s.customers > 0)
    .map((s) => s.segmentId);
  for await (const { summary } of readRunSummaries({ segments, runId: run.runId, segmentIds }))
    yield summary;
};

/** The R × F grid of the current run, folded from every buyer's stored scores. */
export const readRfmGrid = async ({
  segments,
}: {
  segments: SegmentStore;
}): Promise<{ runId: string; asOf: string; cells: RfmGridCell[] }> => {
  const run = await requireCurrentRun(segments);
  const summaries: CustomerSegments[] = [];
  for await (const summary of readBuyerSummaries(segments, run)) summaries.push(summary);
  return { runId: run.runId, asOf: run.asOf, cells: buildRfmGrid(summaries) };
};

export interface RfmCellCustomer {
  customerId: string;
  email?: string;
  rfmSegment: string;
  r: number;
  f: number;
  m: number;
  monetary: number;
  lifecycleStage: string;
}

/** The customers of one R × F cell (the dashboard's click on the grid), at most `limit`. */
export const listRfmCellCustomers = async ({
  segments,
  r,
  f,
  limit,
}: {
  segments: SegmentStore;
  r: number;
  f: number;
  limit: number;
}): Promise<{ items: RfmCellCustomer[]; total: number }> => {
  const run = await requireCurrentRun(segments);
  const items: RfmCellCustomer[] = [];
  let total = 0;
  for await (const summary of readBuyerSummaries(segments, run)) {
    if (summary.rfm?.r !== r || summary.rfm.f !== f) continue;
    total += 1;
    if (items.length >= limit) continue;
    items.push({
      customerId: summary.customerId,
      ...(summary.email !== undefined && { email: summary.email }),
      rfmSegment: summary.rfm.segmentName,
      r: summary.rfm.r,
      f: summary.rfm.f,
      m: summary.rfm.m,
      monetary: summary.features.monetary,
      lifecycleStage: summary.lifecycleStage,
    });
  }
  return { items, total };
};
