import { ValidationError } from '../shared/errors';
import { keepSmallestHashes } from './keep-smallest-hashes';
import type { ShardStats } from './shard-stats';
import { mergeHistograms } from './value-histogram';

/**
 * Combines shards' pass-1 statistics into the whole population's.
 * 1. Check every shard ran for the same date, time zone and sample size.
 * 2. Add counts and histograms; keep the smallest-hash sample entries overall.
 */
export const mergeShardStats = ({ partials }: { partials: readonly ShardStats[] }): ShardStats => {
  const [first] = partials;
  if (!first) throw new ValidationError('No shard statistics to merge', ['partials']);
  partials.forEach((partial, index) => {
    if (
      partial.asOf !== first.asOf ||
      partial.timeZone !== first.timeZone ||
      partial.sampleSize !== first.sampleSize
    ) {
      throw new ValidationError('Shards were computed with different run settings', [
        'partials',
        index,
      ]);
    }
  });
  return {
    asOf: first.asOf,
    timeZone: first.timeZone,
    customers: partials.reduce((sum, partial) => sum + partial.customers, 0),
    buyers: partials.reduce((sum, partial) => sum + partial.buyers, 0),
    recencyDays: mergeHistograms(partials.map((partial) => partial.recencyDays)),
    frequency: mergeHistograms(partials.map((partial) => partial.frequency)),
    monetaryCents: mergeHistograms(partials.map((partial) => partial.monetaryCents)),
    daysBetweenOrders: mergeHistograms(partials.map((partial) => partial.daysBetweenOrders)),
    clusterSample: keepSmallestHashes(
      partials.flatMap((partial) => partial.clusterSample),
      first.sampleSize,
    ),
    sampleSize: first.sampleSize,
  };
};
