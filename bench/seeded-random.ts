export { createSeededRandom } from '../core/shared/seeded-random';

/** A whole number in [min, max], from a seeded generator. */
export const randomInt = (random: () => number, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** One element of a non-empty list, from a seeded generator. */
export const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T;
