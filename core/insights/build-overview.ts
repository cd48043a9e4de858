import type { ImportRecord } from '../ingest/import-record';
import type { ImportStore } from '../ports/import-store';
import type { SegmentStore } from '../ports/segment-store';
import type { SegmentationRun } from '../segmentation-runs/segmentation-run';
import type { SegmentKind } from '../segments';
import { findCurrentRun } from '../segmentation-runs/current-run';

export interface Overview {
  customers: number;
  customersWithOrders: number;
  revenue: number;
  lastImport?: ImportRecord;
  /** The newest run whatever its status, so a failed run shows up. */
  lastRun?: SegmentationRun;
  currentRunId?: string;
  segments: {
    segmentId: string;
    name: string;
    kind: SegmentKind;
    customers: number;
    revenue: number;
  }[];
  /** Per complete run, oldest first: the size of each RFM segment. */
  trend: { asOf: string; segments: Record<string, number> }[];
}

/**
 * The dashboard's first screen from what history keeps, without reading any customer.
 * 1. Read the current run, the latest runs and the latest import.
 * 2. Customers with orders and revenue are the RFM segments' totals: every buyer is in exactly one.
 */
export const buildOverview = async ({
  segments,
  imports,
  historyRuns = 30,
}: {
  segments: SegmentStore;
  imports: ImportStore;
  historyRuns?: number;
}): Promise<Overview> => {
  const [current, runs, latestImports] = await Promise.all([
    findCurrentRun(segments),
    segments.listRuns({ limit: historyRuns }),
    imports.listImports({ limit: 1 }),
  ]);
  const rfm = (current?.segments ?? []).filter((segment) => segment.kind === 'rfm');
  const lastImport = latestImports.imports[0];
  const lastRun = runs[0];
  return {
    customers: current?.customers ?? 0,
    customersWithOrders: rfm.reduce((sum, segment) => sum + segment.customers, 0),
    revenue: Math.round(rfm.reduce((sum, segment) => sum + segment.revenue, 0) * 100) / 100,
    ...(lastImport !== undefined && { lastImport }),
    ...(lastRun !== undefined && { lastRun }),
    ...(current !== undefined && { currentRunId: current.runId }),
    segments: (current?.segments ?? []).map((segment) => ({
      segmentId: segment.segmentId,
      name: segment.segmentName,
      kind: segment.kind,
      customers: segment.customers,
      revenue: segment.revenue,
    })),
    trend: runs
      .filter((run) => run.status === 'complete')
      .map((run) => ({
        asOf: run.asOf,
        segments: Object.fromEntries(
          run.segments
            .filter((segment) => segment.kind === 'rfm')
            .map((segment) => [segment.segmentName, segment.customers]),
        ),
      }))
      .reverse(),
  };
};
