import { describe, expect, it } from 'vitest';
import { lookUpClimate, seasonOf } from '../../../core/segments/climate-table';

describe('lookUpClimate', () => {
  it.each([
    ['DE', undefined, { hemisphere: 'northern', climateZone: 'temperate' }],
    ['fi', undefined, { hemisphere: 'northern', climateZone: 'cold' }],
    ['US', 'Alaska', { hemisphere: 'northern', climateZone: 'polar' }],
    ['US', 'US-FL', { hemisphere: 'northern', climateZone: 'tropical' }],
    ['US', 'Ohio', { hemisphere: 'northern', climateZone: 'temperate' }],
    ['BR', 'RS', { hemisphere: 'southern', climateZone: 'temperate' }],
    ['BR', undefined, { hemisphere: 'southern', climateZone: 'tropical' }],
    ['CN', 'Heilongjiang', { hemisphere: 'northern', climateZone: 'cold' }],
    ['AU', 'NT', { hemisphere: 'southern', climateZone: 'tropical' }],
  ])('returns the climate of %s / %s', (country, region, climate) => {
    expect(lookUpClimate({ country, region })).toEqual(climate);
  });

  it('returns undefined for an unknown or missing country', () => {
    expect(lookUpClimate({ country: 'XX', region: undefined })).toBeUndefined();
    expect(lookUpClimate({ country: undefined, region: 'MN' })).toBeUndefined();
  });
});

describe('seasonOf', () => {
  it('returns opposite seasons in the two hemispheres', () => {
    expect(seasonOf({ hemisphere: 'northern', month: 12 })).toBe('winter');
    expect(seasonOf({ hemisphere: 'southern', month: 12 })).toBe('summer');
    expect(seasonOf({ hemisphere: 'southern', month: 4 })).toBe('autumn');
  });
});
