import { describe, expect, it } from 'vitest';
import { mergeProfile } from '../../../core/ingest/merge-profile';

const JAN = '2026-01-01T00:00:00.000Z';
const FEB = '2026-02-01T00:00:00.000Z';

const inserted = mergeProfile({
  existing: undefined,
  incoming: {
    customerId: 'c1',
    fields: { city: 'Oslo', consent: { state: 'granted' } },
    attributes: { plan: 'basic' },
    sourceTime: JAN,
  },
  now: JAN,
}).profile;

describe('mergeProfile', () => {
  it('returns a new profile with the source time of every value when none exists', () => {
    expect(inserted).toMatchObject({
      customerId: 'c1',
      city: 'Oslo',
      version: 1,
      sourceTimes: { city: JAN, consent: JAN, 'attributes.plan': JAN },
    });
  });

  it('returns the same profile as unchanged when a row repeats what is stored', () => {
    const result = mergeProfile({
      existing: inserted,
      incoming: {
        customerId: 'c1',
        fields: { city: 'Oslo' },
        attributes: { plan: 'basic' },
        sourceTime: FEB,
      },
      now: FEB,
    });

    expect(result.outcome).toBe('unchanged');
    expect(result.profile).toBe(inserted);
  });

  it('keeps the consent time of the change, not of later repeats', () => {
    const withdrawn = mergeProfile({
      existing: inserted,
      incoming: {
        customerId: 'c1',
        fields: { consent: { state: 'denied', at: '2026-01-15T00:00:00.000Z' } },
        attributes: {},
        sourceTime: FEB,
      },
      now: FEB,
    });
    const repeated = mergeProfile({
      existing: withdrawn.profile,
      incoming: {
        customerId: 'c1',
        fields: { consent: { state: 'denied' } },
        attributes: {},
        sourceTime: '2026-03-01T00:00:00.000Z',
      },
      now: FEB,
    });

    expect(withdrawn.profile.consent).toEqual({ state: 'denied', at: '2026-01-15T00:00:00.000Z' });
    expect(repeated.outcome).toBe('unchanged');
  });

  it('fills a missing field from an older source but never overwrites with one', () => {
    const result = mergeProfile({
      existing: inserted,
      incoming: {
        customerId: 'c1',
        fields: { city: 'Bergen', country: 'NO' },
        attributes: {},
        sourceTime: '2025-12-01T00:00:00.000Z',
      },
      now: FEB,
    });

    expect(result.profile).toMatchObject({
      city: 'Oslo',
      country: 'NO',
      version: 2,
      updatedAt: FEB,
    });
  });
});
