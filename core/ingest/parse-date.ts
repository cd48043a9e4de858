import type { DateFormat } from './import-mapping';

const ISO_DATE =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASH_DATE =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const EXCEL_SERIAL = /^\d{5}(?:\.\d+)?$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;
const MONTH_NAME = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b/i;

const DAY_MS = 86_400_000;
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Serials outside 1927–2173 are more likely amounts or ids than dates. */
const EXCEL_MIN = 10_000;
const EXCEL_MAX = 100_000;

const toUtc = (
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number | undefined => {
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(time);
  // Date.UTC rolls 31 February into March; a real export never means that.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59) {
    return undefined;
  }
  return time;
};

const offsetMs = (zone: string | undefined): number => {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
};

const twoDigitYear = (year: string): number => {
  const value = Number(year);
  if (year.length === 4) return value;
  return value < 50 ? 2000 + value : 1900 + value;
};

/**
 * Reads a date or instant the way exports write them: ISO 8601 (with or without time and zone),
 * `d/m/y` or `m/d/y` per the file's order (also with `.` or `-`, two-digit years, 12-hour
 * times), dates with English month names, Excel serial days, Unix seconds or milliseconds. Times without a zone are taken as UTC.
 * Returns epoch milliseconds, or undefined when the text is not a date.
 */
export const parseDateTime = (text: string, order: DateFormat): number | undefined => {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
    const local = toUtc(
      Number(y),
      Number(mo),
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      ms,
    );
    return local === undefined ? undefined : local - offsetMs(zone);
  }
  if (order !== 'iso') {
    const slash = SLASH_DATE.exec(text);
    if (slash) {
      const [, a, b, y, h, mi, s, meridiem] = slash;
      const [day, month] = order === 'dmy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
      let hour = Number(h ?? 0);
      if (meridiem) hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
      return toUtc(twoDigitYear(y ?? ''), month, day, hour, Number(mi ?? 0), Number(s ?? 0));
    }
  }
  if (EXCEL_SERIAL.test(text)) {
    const serial = Number(text);
    if (serial >= EXCEL_MIN && serial <= EXCEL_MAX)
      return EXCEL_EPOCH_MS + Math.round(serial * DAY_MS);
  }
  if (EPOCH.test(text)) return text.length === 10 ? Number(text) * 1000 : Number(text);
  if (MONTH_NAME.test(text)) {
    // `5 Jan 2024`, `Jan 5, 2024 10:30`: unambiguous, and V8's parser reads them; UTC like the rest.
    const ms = Date.parse(
      /[zZ]$|[+-]\d{2}:?\d{2}$|\bUTC$|\bGMT$/.test(text) ? text : `${text} UTC`,
    );
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
};

/**
 * Watches a file's date values to tell `d/m/y` from `m/d/y`: a first component above 12 can only
 * be a day, a second one above 12 only a day too. The majority of unambiguous values decides.
 */
export class DateOrderEvidence {
  dayFirst = 0;
  monthFirst = 0;
  slashDates = 0;

  observe(text: string): void {
    const match = SLASH_DATE.exec(text);
    if (!match) return;
    this.slashDates++;
    if (Number(match[1]) > 12) this.dayFirst++;
    else if (Number(match[2]) > 12) this.monthFirst++;
  }

  /** The order the values prove, or undefined when none of them is unambiguous. */
  conclusion(): 'dmy' | 'mdy' | undefined {
    if (this.dayFirst === 0 && this.monthFirst === 0) return undefined;
    return this.dayFirst >= this.monthFirst ? 'dmy' : 'mdy';
  }
}
