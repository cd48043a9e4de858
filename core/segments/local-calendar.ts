import { parseInstant } from './parse-instant';
import { ValidationError } from '../shared/errors';

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;
const AS_OF_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The run's calendar in the shop's time zone. Days are numbered from 1970-01-01 so "whole days
 * between" is a subtraction; the as-of day is exclusive: the run looks at everything before the
 * start of that local day, which makes an order at 23:30 on the previous evening 1 day old.
 */
export interface LocalCalendar {
  readonly timeZone: string;
  readonly asOf: string;
  readonly asOfDay: number;
  /** The instant the as-of day starts in the shop's time zone. */
  readonly asOfMs: number;
  /** 1–12. */
  readonly asOfMonth: number;
  dayOfInstant(ms: number): number;
  /** A `YYYY-MM-DD` date as is, or an ISO instant converted to the shop's local day; NaN if neither. */
  dayOfValue(value: string): number;
}

export const dayOfIsoDate = (date: string): number => {
  const match = AS_OF_PATTERN.exec(date);
  if (!match) return Number.NaN;
  const [, year, month, day] = match;
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const valid = new Date(ms).toISOString().startsWith(date);
  return valid ? ms / DAY_MS : Number.NaN;
};

/** Memoised because every buyer needs two or three of the same few thousand dates; pure, so safe. */
const formattedDays: (string | undefined)[] = [];

export const formatDay = (day: number): string => {
  const cached = day >= 0 && day < 65_536 ? formattedDays[day] : undefined;
  if (cached !== undefined) return cached;
  const formatted = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (day >= 0 && day < 65_536) formattedDays[day] = formatted;
  return formatted;
};

const createOffsetLookup = (timeZone: string): ((ms: number) => number) => {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new ValidationError(`Unknown time zone "${timeZone}"`, ['timeZone']);
  }
  const intlOffsetAt = (at: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(at)) parts[part.type] = Number(part.value);
    const local = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    return local - at;
  };
  // Intl is far too slow to call for each of millions of orders, so offsets are cached per UTC day
  // when the day starts and ends on the same offset, else per quarter hour: zones only ever change
  // offset on quarter-hour boundaries. Days 0–65535 (1970–2149) sit in a typed array, NaN meaning
  // "not looked up yet" and Infinity "offset changes during this day".
  const byDay = new Float64Array(65_536).fill(Number.NaN);
  const byQuarterHour = new Map<number, number>();
  const dayOffsetOf = (day: number): number => {
    const start = intlOffsetAt(day * DAY_MS);
    return start === intlOffsetAt((day + 1) * DAY_MS - QUARTER_HOUR_MS) ? start : Infinity;
  };
  return (ms) => {
    const day = Math.floor(ms / DAY_MS);
    let dayOffset: number;
    if (day >= 0 && day < byDay.length) {
      dayOffset = byDay[day] ?? Number.NaN;
      if (Number.isNaN(dayOffset)) {
        dayOffset = dayOffsetOf(day);
        byDay[day] = dayOffset;
      }
    } else {
      dayOffset = Infinity;
    }
    if (dayOffset !== Infinity) return dayOffset;
    const bucket = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = byQuarterHour.get(bucket);
    if (offset === undefined) {
      offset = intlOffsetAt(bucket * QUARTER_HOUR_MS);
      byQuarterHour.set(bucket, offset);
    }
    return offset;
  };
};

/** Builds the calendar for one run; throws ValidationError for a malformed as-of or unknown zone. */
export const createLocalCalendar = ({
  asOf,
  timeZone,
}: {
  asOf: string;
  timeZone: string;
}): LocalCalendar => {
  const asOfDay = dayOfIsoDate(asOf);
  if (Number.isNaN(asOfDay)) {
    throw new ValidationError(`As-of date "${asOf}" is not a YYYY-MM-DD date`, ['asOf']);
  }
  const offsetAt = createOffsetLookup(timeZone);
  const localMidnightAsUtc = asOfDay * DAY_MS;
  // The offset at local midnight may differ from the offset one guess away (DST); two steps settle it.
  const firstGuess = localMidnightAsUtc - offsetAt(localMidnightAsUtc);
  const asOfMs = localMidnightAsUtc - offsetAt(firstGuess);
  const dayOfInstant = (ms: number): number => Math.floor((ms + offsetAt(ms)) / DAY_MS);
  return {
    timeZone,
    asOf,
    asOfDay,
    asOfMs,
    asOfMonth: Number(asOf.slice(5, 7)),
    dayOfInstant,
    dayOfValue: (value) => {
      if (value.length === 10) return dayOfIsoDate(value);
      const ms = parseInstant(value);
      return Number.isNaN(ms) ? Number.NaN : dayOfInstant(ms);
    },
  };
};
