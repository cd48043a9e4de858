import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../core/segments/parse-instant';

describe('parseInstant', () => {
  it.each([
    '2026-03-02T04:30:00Z',
    '2026-03-02T04:30:00.123Z',
    '2000-02-29T23:59:59Z',
    '1969-07-20T20:17:40Z',
    '2100-03-01T00:00:00.999Z',
    '2026-03-02T04:30:00+02:00',
    '2026-03-02',
  ])('returns the same instant as Date.parse for %s', (text) => {
    expect(parseInstant(text)).toBe(Date.parse(text));
  });

  it('returns NaN for text that is not a date', () => {
    expect(parseInstant('yesterday')).toBeNaN();
    expect(parseInstant('2026-13-02T04:30:00Z')).toBeNaN();
  });
});
