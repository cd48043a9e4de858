import { describe, expect, it } from 'vitest';
import { DateOrderEvidence, parseDateTime } from '../../../core/ingest/parse-date';

const iso = (text: string, order: 'dmy' | 'mdy' | 'iso' = 'dmy'): string | undefined => {
  const ms = parseDateTime(text, order);
  return ms === undefined ? undefined : new Date(ms).toISOString();
};

describe('parseDateTime', () => {
  it.each([
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2024-02-29T10:11:12.345Z', '2024-02-29T10:11:12.345Z'],
    ['2024-02-29 10:11:12 -0500', '2024-02-29T15:11:12.000Z'],
    ['29/02/2024', '2024-02-29T00:00:00.000Z'],
    ['29.02.24 8:05', '2024-02-29T08:05:00.000Z'],
    ['45351', '2024-02-29T00:00:00.000Z'],
    ['1709164800', '2024-02-29T00:00:00.000Z'],
    ['29 Feb 2024', '2024-02-29T00:00:00.000Z'],
  ])('reads %j', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('reads month first when the file is m/d/y', () => {
    expect(iso('02/29/2024 1:30 PM', 'mdy')).toBe('2024-02-29T13:30:00.000Z');
  });

  it('returns undefined for impossible or unrecognised dates', () => {
    expect(iso('2023-02-29')).toBeUndefined();
    expect(iso('29/02/2024', 'iso')).toBeUndefined();
    expect(iso('soon')).toBeUndefined();
  });
});

describe('DateOrderEvidence', () => {
  it('concludes nothing from ambiguous dates and follows the majority of unambiguous ones', () => {
    const evidence = new DateOrderEvidence();
    evidence.observe('01/02/2024');
    expect(evidence.conclusion()).toBeUndefined();

    evidence.observe('01/13/2024');
    evidence.observe('02/14/2024');
    evidence.observe('13/01/2024');

    expect(evidence.conclusion()).toBe('mdy');
  });
});
