import { createSeededRandom } from '../shared/seeded-random';

/** A weighted choice: the item and how often it comes up relative to the others. */
export type Weighted<T> = readonly (readonly [item: T, weight: number])[];

/** The draws the demo shop needs, all from one seeded stream so a seed fixes every byte. */
export interface DemoRandom {
  /** [0, 1). */
  next: () => number;
  /** An integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  weighted: <T>(items: Weighted<T>) => T;
  /** Log-normal around `median`: spend and income have long right tails, not bell curves. */
  logNormal: (median: number, sigma: number) => number;
  /** Exponential with the given mean: waiting times such as days until a customer drifts away. */
  exponential: (mean: number) => number;
}

export const createDemoRandom = ({ seed }: { seed: number }): DemoRandom => {
  const next = createSeededRandom(seed);
  const standardNormal = (): number => {
    // Box–Muller; 1 - next() keeps the logarithm away from zero.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    return radius * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted: (items) => {
      let total = 0;
      for (const [, weight] of items) total += weight;
      let target = next() * total;
      for (const [item, weight] of items) {
        target -= weight;
        if (target < 0) return item;
      }
      return (items[items.length - 1] as (typeof items)[number])[0];
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * standardNormal()),
    exponential: (mean) => -mean * Math.log(1 - next()),
  };
};
