import { lookUpClimate, seasonOf, type Season } from '../segments/climate-table';
import type { DemoPlace } from './demo-places';
import type { DemoRandom, Weighted } from './demo-random';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Christmas and Black Friday lift November and December; the northern summer holidays dip. */
const MONTH_WEIGHT = [0.9, 0.8, 0.9, 0.95, 1, 0.8, 0.7, 0.75, 0.95, 1.05, 1.6, 1.9] as const;
const PEAK_MONTH_WEIGHT = 1.9;

/** People shop at lunch and in the evening, hardly at night. */
const LOCAL_HOURS: Weighted<number> = Array.from({ length: 24 }, (_, hour) => [
  hour,
  hour < 6 ? 0.2 : hour < 9 ? 1 : hour < 12 ? 2 : hour < 14 ? 3 : hour < 18 ? 2 : hour < 23 ? 4 : 1,
]);

/**
 * Days are whole UTC days since 1970-01-01; the shop's history ends the day before `asOfDay`,
 * because a segmentation run looks at everything before the start of its as-of day.
 */
export interface DemoCalendar {
  asOfDay: number;
  asOfMs: number;
  firstDay: number;
  /** 1–12. */
  monthOf: (day: number) => number;
}

export const createDemoCalendar = ({
  asOf,
  historyDays,
}: {
  asOf: string;
  historyDays: number;
}): DemoCalendar => {
  const asOfMs = Date.parse(`${asOf}T00:00:00Z`);
  const asOfDay = asOfMs / DAY_MS;
  const firstDay = asOfDay - historyDays;
  // Seasonal thinning asks for the month tens of thousands of times; a Date each time is garbage.
  const months = Uint8Array.from(
    { length: historyDays + 1 },
    (_, index) => new Date((firstDay + index) * DAY_MS).getUTCMonth() + 1,
  );
  return {
    asOfDay,
    asOfMs,
    firstDay,
    monthOf: (day) => months[day - firstDay] ?? new Date(day * DAY_MS).getUTCMonth() + 1,
  };
};

/** Whether a candidate shopping day survives the shop's seasonality (thinning against the peak). */
export const isSeasonalDay = ({
  random,
  calendar,
  day,
}: {
  random: DemoRandom;
  calendar: DemoCalendar;
  day: number;
}): boolean => random.next() * PEAK_MONTH_WEIGHT < (MONTH_WEIGHT[calendar.monthOf(day) - 1] ?? 1);

/** A day in [from, to] drawn with the shop's seasonality. */
export const drawSeasonalDay = ({
  random,
  calendar,
  from,
  to,
}: {
  random: DemoRandom;
  calendar: DemoCalendar;
  from: number;
  to: number;
}): number => {
  for (;;) {
    const day = random.int(from, to);
    if (isSeasonalDay({ random, calendar, day })) return day;
  }
};

/**
 * An instant on the given local day at a plausible shopping hour for the place, kept before the
 * as-of day: an evening order in Los Angeles falls on the next UTC day.
 */
export const drawLocalInstant = ({
  random,
  calendar,
  place,
  day,
}: {
  random: DemoRandom;
  calendar: DemoCalendar;
  place: DemoPlace;
  day: number;
}): number => {
  const localMs =
    random.weighted(LOCAL_HOURS) * HOUR_MS +
    random.int(0, 59) * MINUTE_MS +
    random.int(0, 59) * 1000;
  const ms = day * DAY_MS + localMs - place.utcOffsetHours * HOUR_MS;
  return ms < calendar.asOfMs ? ms : ms - DAY_MS;
};

/** The season at the customer's place in the given month; undefined where the climate is unknown. */
export const localSeason = ({
  place,
  month,
}: {
  place: DemoPlace;
  month: number;
}): Season | undefined => {
  const climate = lookUpClimate({ country: place.country, region: place.region });
  return climate && seasonOf({ hemisphere: climate.hemisphere, month });
};

/** ISO-8601 to the second, as exports write it. */
export const isoInstant = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;
