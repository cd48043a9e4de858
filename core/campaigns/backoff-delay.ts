/**
 * Capped exponential backoff with "equal jitter": at least half the exponential delay, so a retry
 * never hammers SES immediately, plus a random half so concurrent senders spread out.
 */
export const backoffDelayMs = ({
  attempt,
  baseMs,
  maxMs,
  random,
}: {
  attempt: number;
  baseMs: number;
  maxMs: number;
  random: () => number;
}): number => {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
};
