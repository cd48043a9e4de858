import type { CustomerFeatures } from './customer-features';
import type { RfmThresholds } from './derive-rfm-thresholds';

export interface RfmScores {
  r: number;
  f: number;
  m: number;
}

/** 1 plus the thresholds reached; `atMost` for recency, where smaller values are better. */
const scoreOf = (
  value: number,
  thresholds: readonly (number | null)[],
  atMost: boolean,
): number => {
  let score = 1;
  for (const threshold of thresholds) {
    if (threshold !== null && (atMost ? value <= threshold : value >= threshold)) score += 1;
  }
  return score;
};

/** The buyer's R, F and M scores (1–5); undefined for customers without a counted order. */
export const scoreRfm = ({
  features,
  thresholds,
}: {
  features: Pick<CustomerFeatures, 'recencyDays' | 'frequency' | 'monetary'>;
  thresholds: RfmThresholds;
}): RfmScores | undefined => {
  const { recencyDays, frequency, monetary } = features;
  if (recencyDays === undefined || frequency === 0) return undefined;
  return {
    r: scoreOf(recencyDays, thresholds.recencyDays, true),
    f: scoreOf(frequency, thresholds.frequency, false),
    m: scoreOf(Math.round(monetary * 100), thresholds.monetaryCents, false),
  };
};
