/**
 * When a campaign pauses itself to protect the sender's reputation. SES puts accounts under
 * review at a 5% bounce rate or a 0.1% complaint rate; Shoal pauses at the same rates, measured
 * against the campaign's sent messages, but only after a minimum number of sends so that the
 * first bounce of a campaign (1 of 3 = 33%) does not stop it. The complaint sample is larger
 * because at 0.1% a smaller one would pause on a single complaint.
 */
export interface ReputationThresholds {
  maxBounceRate: number;
  minSentForBounceRate: number;
  maxComplaintRate: number;
  minSentForComplaintRate: number;
}

export const defaultReputationThresholds: ReputationThresholds = {
  maxBounceRate: 0.05,
  minSentForBounceRate: 200,
  maxComplaintRate: 0.001,
  minSentForComplaintRate: 1_000,
};

/** The reason to pause, or undefined when the rates are within bounds. */
export const reputationBreach = ({
  sent,
  bounced,
  complained,
  thresholds,
}: {
  sent: number;
  bounced: number;
  complained: number;
  thresholds: ReputationThresholds;
}): string | undefined => {
  const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;
  if (sent >= thresholds.minSentForBounceRate && bounced / sent > thresholds.maxBounceRate) {
    return `bounce rate ${percent(bounced / sent)} (${bounced} of ${sent}) is over ${percent(thresholds.maxBounceRate)}`;
  }
  if (
    sent >= thresholds.minSentForComplaintRate &&
    complained / sent > thresholds.maxComplaintRate
  ) {
    return `complaint rate ${percent(complained / sent)} (${complained} of ${sent}) is over ${percent(thresholds.maxComplaintRate)}`;
  }
  return undefined;
};
