import type { CustomerFeatures } from './customer-features';
import type { RfmThresholds } from './derive-rfm-thresholds';

export interface RfmScores {
  r: number;
  f: number;
  m: number;
}

const levelsReached = (
  thresholds: readonly (number | null)[],
  reached: (t: number) => boolean,
): number => {
  let score = 1;
  for (const threshold of thresholds) if (threshold !== null && reached(threshold)) score += 1;
  return score;
};

/** The buyer's R, F and M scores (1–5); undefined for customers without a counted order. */
export const scoreRfm = ({
  features,
  thresholds,
}: {
  features: CustomerFeatures;
  thresholds: RfmThresholds;
}): RfmScores | undefined => {
  const { recencyDays, frequency, monetary } = features;
  if (recencyDays === undefined || frequency === 0) return undefined;
  const cents = Math.round(monetary * 100);
  return {
    r: levelsReached(thresholds.recencyDays, (t) => recencyDays <= t),
    f: levelsReached(thresholds.frequency, (t) => frequency >= t),
    m: levelsReached(thresholds.monetaryCents, (t) => cents >= t),
  };
};
