import type { SegmentStore } from '../ports/segment-store';
import type { SegmentDefinition, SegmentKind } from './index';
import { NotFoundError } from '../shared/errors';
import type { SegmentationRun } from '../segmentation-runs/segmentation-run';
import { findCurrentRun } from '../segmentation-runs/current-run';
import { describeSegmentRule, type SegmentNameOf } from './describe-segment-rule';

export interface SegmentSummary {
  segmentId: string;
  name: string;
  kind: SegmentKind;
  /** Members in the current run; 0 for a rule segment created since. */
  customers: number;
  revenue: number;
  entered: number;
  left: number;
  description?: string;
  category?: string;
  rule?: SegmentDefinition['rule'];
  definitionText?: string;
  /** False for a rule segment created or changed since the current run: its numbers are stale. */
  inCurrentRun: boolean;
}

export interface SegmentCatalog {
  runId?: string;
  asOf?: string;
  segments: SegmentSummary[];
}

/** Names of the run's segments and of the rule definitions (which win: they may be renamed since). */
export const segmentNamesOf = ({
  run,
  definitions,
}: {
  run: Pick<SegmentationRun, 'segments'> | undefined;
  definitions: readonly Pick<SegmentDefinition, 'id' | 'name'>[];
}): SegmentNameOf => {
  const names = new Map<string, string>([
    ...(run?.segments ?? []).map((s): [string, string] => [s.segmentId, s.segmentName]),
    ...definitions.map((d): [string, string] => [d.id, d.name]),
  ]);
  return (segmentId) => names.get(segmentId) ?? segmentId;
};

/**
 * Every segment a marketer can target: the current run's segments with their sizes, plus rule
 * segments defined since, which the next run will fill.
 * 1. Read the current run and the stored rule definitions.
 * 2. Merge them by id, describing each rule in words (referenced segments by name).
 */
export const listSegmentCatalog = async ({
  segments,
}: {
  segments: SegmentStore;
}): Promise<SegmentCatalog> => {
  const [run, definitions] = await Promise.all([
    findCurrentRun(segments),
    segments.listDefinitions(),
  ]);
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const nameOf = segmentNamesOf({ run, definitions });
  const described = (definition: SegmentDefinition | undefined) =>
    definition === undefined
      ? {}
      : {
          ...(definition.description !== undefined && { description: definition.description }),
          ...(definition.category !== undefined && { category: definition.category }),
          rule: definition.rule,
          definitionText: describeSegmentRule(definition.rule, nameOf),
        };
  const fromRun: SegmentSummary[] = (run?.segments ?? []).map((segment) => ({
    segmentId: segment.segmentId,
    name: byId.get(segment.segmentId)?.name ?? segment.segmentName,
    kind: segment.kind,
    customers: segment.customers,
    revenue: segment.revenue,
    entered: segment.entered,
    left: segment.left,
    ...described(byId.get(segment.segmentId)),
    inCurrentRun: true,
  }));
  const inRun = new Set(fromRun.map((segment) => segment.segmentId));
  const pending: SegmentSummary[] = definitions
    .filter((definition) => !inRun.has(definition.id))
    .map((definition) => ({
      segmentId: definition.id,
      name: definition.name,
      kind: 'rule',
      customers: 0,
      revenue: 0,
      entered: 0,
      left: 0,
      ...described(definition),
      inCurrentRun: false,
    }));
  return {
    ...(run !== undefined && { runId: run.runId, asOf: run.asOf }),
    segments: [...fromRun, ...pending],
  };
};

export interface SegmentDetail extends SegmentSummary {
  /** Mean lifetime revenue per member. */
  aov: number;
  /** Oldest first, one point per run kept in history. */
  trend: { asOf: string; customers: number; revenue: number }[];
}

/** One segment with its size over past runs (NotFoundError if no run or definition has it). */
export const getSegmentDetail = async ({
  segments,
  segmentId,
  historyRuns = 30,
}: {
  segments: SegmentStore;
  segmentId: string;
  historyRuns?: number;
}): Promise<SegmentDetail> => {
  const [catalog, runs] = await Promise.all([
    listSegmentCatalog({ segments }),
    segments.listRuns({ limit: historyRuns }),
  ]);
  const summary = catalog.segments.find((segment) => segment.segmentId === segmentId);
  if (summary === undefined) throw new NotFoundError(`no segment ${segmentId}`, { segmentId });
  const trend = runs
    .filter((run) => run.status === 'complete')
    .flatMap((run) => {
      const point = run.segments.find((segment) => segment.segmentId === segmentId);
      return point ? [{ asOf: run.asOf, customers: point.customers, revenue: point.revenue }] : [];
    })
    .reverse();
  return {
    ...summary,
    aov: summary.customers > 0 ? Math.round((summary.revenue / summary.customers) * 100) / 100 : 0,
    trend,
  };
};
