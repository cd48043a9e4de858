import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../core/segments/format-number';
import { createSeededRandom } from '../../../core/shared/seeded-random';

/** What reasons printed before the integer-cents path: the output must not change. */
const rounded = (value: number): string =>
  Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);

describe('formatNumber', () => {
  it.each([
    [212, '212'],
    [12.3, '12.3'],
    [12.30001, '12.3'],
    [99.995, '100'],
    [0.05, '0.05'],
    [-3.05, '-3.05'],
    [-0.004, '0'],
    [1.005, '1'],
  ])('prints %s as %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('returns what String(Math.round(value * 100) / 100) returns, for many values', () => {
    // Prepare
    const random = createSeededRandom(11);
    const values = [Number.NaN, Infinity, -Infinity, 1e21 + 0.5, 9.99e14 + 0.37, -0.001];
    for (let i = 0; i < 20_000; i += 1) {
      values.push((random() - 0.5) * 10 ** Math.floor(random() * 14));
      values.push(Math.round((random() - 0.3) * 1e6) / 100);
    }

    // Act
    const mismatches = values.filter((value) => formatNumber(value) !== rounded(value));

    // Assess
    expect(mismatches).toEqual([]);
  });
});
