import { describe, expect, it } from 'vitest';
import { canonicalIsoInstant } from '../../../core/ingest/canonical-iso-instant';

describe('canonicalIsoInstant', () => {
  it.each([
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2024-05-06T10:11:12Z', '2024-05-06T10:11:12.000Z'],
    ['2024-05-06 10:11:12', '2024-05-06T10:11:12.000Z'],
    ['2024-05-06T10:11:12.345Z', '2024-05-06T10:11:12.345Z'],
  ])('returns the canonical form of %j', (text, expected) => {
    expect(canonicalIsoInstant(text)).toBe(expected);
    expect(new Date(expected).toISOString()).toBe(expected);
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '2024-04-31',
    '2024-05-06T24:00:00Z',
    '2024-05-06T10:11:12+02:00',
    '2024/05/06',
    '06-05-2024',
  ])('leaves %j to the general parser', (text) => {
    expect(canonicalIsoInstant(text)).toBeUndefined();
  });
});
