import { CLUSTER_DIMENSIONS, type ClusterDimension } from './cluster-vector';

/** Words for a centroid well above / below the overall mean; channel shares only speak when high. */
const WORDS: Readonly<Record<ClusterDimension, readonly [high: string, low: string | undefined]>> =
  {
    recencyDays: ['lapsed', 'recent'],
    frequency: ['frequent', 'infrequent'],
    monetary: ['high spend', 'low spend'],
    averageOrderValue: ['big basket', 'low basket'],
    tenureDays: ['long-standing', 'newer'],
    webShare: ['web-first', undefined],
    storeShare: ['store-first', undefined],
    catalogShare: ['catalog-first', undefined],
  };

/** Half a standard deviation from the mean is where a difference starts to be worth a word. */
const NOTABLE_Z = 0.5;
const MAX_WORDS = 3;

/**
 * Plain words for a cluster from its centroid's z-scores (the centroid in standardised space),
 * strongest first: "frequent, low basket, web-first". A cluster close to the mean is "typical".
 */
export const describeCluster = (zScores: readonly number[]): string[] => {
  const candidates: { word: string; strength: number }[] = [];
  CLUSTER_DIMENSIONS.forEach((dimension, d) => {
    const z = zScores[d] ?? 0;
    const [high, low] = WORDS[dimension];
    const word = z >= NOTABLE_Z ? high : z <= -NOTABLE_Z ? low : undefined;
    if (word) candidates.push({ word, strength: Math.abs(z) });
  });
  candidates.sort((a, b) => b.strength - a.strength);
  const words = candidates.slice(0, MAX_WORDS).map(({ word }) => word);
  return words.length > 0 ? words : ['typical'];
};
