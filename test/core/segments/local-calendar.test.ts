import { describe, expect, it } from 'vitest';
import {
  createLocalCalendar,
  dayOfIsoDate,
  formatDay,
} from '../../../core/segments/local-calendar';
import { ValidationError } from '../../../core/shared/errors';

describe('createLocalCalendar', () => {
  it('returns the instant local midnight starts as the as-of boundary', () => {
    const calendar = createLocalCalendar({ asOf: '2026-07-15', timeZone: 'Europe/Berlin' });

    expect(new Date(calendar.asOfMs).toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('returns the local day of an instant late in the evening west of UTC', () => {
    const calendar = createLocalCalendar({ asOf: '2026-03-02', timeZone: 'America/New_York' });

    // 2026-03-01T23:30 in New York is 04:30 UTC on March 2nd.
    const day = calendar.dayOfInstant(Date.parse('2026-03-02T04:30:00Z'));

    expect(formatDay(day)).toBe('2026-03-01');
    expect(calendar.asOfDay - day).toBe(1);
  });

  it('returns the right local day on both sides of a daylight-saving change', () => {
    const calendar = createLocalCalendar({ asOf: '2026-04-01', timeZone: 'Europe/Berlin' });

    // Clocks go forward on 2026-03-29 at 01:00 UTC: 00:30 UTC is 01:30 CET, 23:30 UTC is 01:30 CEST.
    expect(formatDay(calendar.dayOfInstant(Date.parse('2026-03-28T23:30:00Z')))).toBe('2026-03-29');
    expect(formatDay(calendar.dayOfInstant(Date.parse('2026-03-29T22:30:00Z')))).toBe('2026-03-30');
    expect(formatDay(calendar.dayOfInstant(Date.parse('2026-03-29T21:30:00Z')))).toBe('2026-03-29');
  });

  it('reads YYYY-MM-DD values as calendar days and instants in the shop zone', () => {
    const calendar = createLocalCalendar({ asOf: '2026-01-10', timeZone: 'Asia/Tokyo' });

    expect(formatDay(calendar.dayOfValue('2025-12-31'))).toBe('2025-12-31');
    expect(formatDay(calendar.dayOfValue('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(calendar.dayOfValue('not a date')).toBeNaN();
  });

  it('throws a ValidationError naming timeZone for an unknown zone', () => {
    expect(() => createLocalCalendar({ asOf: '2026-01-10', timeZone: 'Mars/Olympus' })).toThrow(
      ValidationError,
    );
  });

  it('throws a ValidationError naming asOf for an impossible date', () => {
    expect(() => createLocalCalendar({ asOf: '2026-02-30', timeZone: 'UTC' })).toThrow(
      /2026-02-30/,
    );
    expect(dayOfIsoDate('2026-02-30')).toBeNaN();
  });
});
