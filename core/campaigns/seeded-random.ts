import { createHash } from 'node:crypto';

/** A reproducible stream of numbers in [0, 1) (mulberry32): core may not use Math.random. */
export const seededRandom = (seed: string): (() => number) => {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

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
