import { createHash } from 'node:crypto';

/**
 * mulberry32: a small, fast seeded generator of numbers in [0, 1). Core must be reproducible, so
 * every random choice (k-means++ seeds, retry jitter) flows from a seed the caller passes in.
 */
export const createSeededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** The same generator seeded from a string, e.g. a campaign id. */
export const seededRandom = (seed: string): (() => number) =>
  createSeededRandom(createHash('sha256').update(seed).digest().readUInt32BE(0));
