import { computeOrderFeatures } from '../core/segments/compute-order-features';
import { createShardStatsAccumulator } from '../core/segments/compute-shard-stats';
import { deriveRfmThresholds } from '../core/segments/derive-rfm-thresholds';
import { createLocalCalendar } from '../core/segments/local-calendar';
import { scoreRfm } from '../core/segments/score-rfm';
import { syntheticCustomer } from './generate-segment-customers';

/**
 * CPU seconds of the part of the core that does what the DuckDB query does, so the two compare
 * like with like: pass 1 exactly as a run does it (order features, the R/F/M and gap histograms,
 * the cluster sample), the thresholds, then every customer's order features again and their
 * R/F/M scores. No lifecycle, rules, clusters or reasons. Both passes rebuild every record;
 * `generationSeconds` (one pass of building them) is taken out twice, as for `segment.core`.
 */
export const measureCoreRfmCpu = ({
  size,
  asOf,
  timeZone,
  generationSeconds,
}: {
  size: number;
  asOf: string;
  timeZone: string;
  generationSeconds: number;
}): { cpuSeconds: number; scored: number } => {
  const start = process.cpuUsage();
  const accumulator = createShardStatsAccumulator({ asOf, timeZone });
  for (let i = 0; i < size; i += 1) accumulator.add(syntheticCustomer(i));
  const stats = accumulator.finish();
  const thresholds = deriveRfmThresholds(stats);
  const calendar = createLocalCalendar({ asOf, timeZone });
  let scored = 0;
  for (let i = 0; i < size; i += 1) {
    const features = computeOrderFeatures({
      record: syntheticCustomer(i),
      calendar,
      countCategories: false,
    });
    if (scoreRfm({ features, thresholds })) scored += 1;
  }
  const used = process.cpuUsage(start);
  const gross = (used.user + used.system) / 1e6;
  if (scored !== stats.buyers) throw new Error(`${scored} scored, ${stats.buyers} buyers`);
  return { cpuSeconds: Math.max(0.001, gross - 2 * generationSeconds), scored };
};
