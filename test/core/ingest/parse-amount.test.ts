import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../core/ingest/parse-amount';

describe('parseAmount', () => {
  it.each([
    ['12', 12],
    ['-12.5', -12.5],
    ['€1.234,56', 1234.56],
    ['$1,234.56', 1234.56],
    ['1 234,56 kr', 1234.56],
    ['1\u00a0234,56 €', 1234.56],
    ['12,50', 12.5],
    ['1,234', 1234],
    ['1.234.567', 1234567],
    ['(12.00)', -12],
    ['USD -3.10', -3.1],
    ["CHF 1'234.50", 1234.5],
  ])('reads %j as %d', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it('returns undefined when there is no number', () => {
    expect(parseAmount('n/a')).toBeUndefined();
  });
});
