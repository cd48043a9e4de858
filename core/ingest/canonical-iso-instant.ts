const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Two or four ASCII digits at `at`, as a number; NaN when any is not a digit. */
const digits = (text: string, at: number, count: number): number => {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 0x30;
    if (code < 0 || code > 9) return Number.NaN;
    value = value * 10 + code;
  }
  return value;
};

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The canonical `toISOString()` form of the ISO shapes machine exports write most —
 * `2024-05-06`, `2024-05-06T10:11:12Z`, `2024-05-06 10:11:12`, `2024-05-06T10:11:12.345Z` —
 * checked and rebuilt by character position, without regex, Date objects or caching. Anything
 * else (zones, fractions of other lengths, slashes) returns undefined for the general parser.
 */
export const canonicalIsoInstant = (text: string): string | undefined => {
  const length = text.length;
  if (length !== 10 && length !== 19 && length !== 20 && length !== 24) return undefined;
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (!(month >= 1 && month <= 12 && day >= 1)) return undefined;
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > monthDays) return undefined;
  const date = text.slice(0, 10);
  if (length === 10) return `${date}T00:00:00.000Z`;
  const separator = text.charCodeAt(10);
  if (separator !== 0x54 && separator !== 0x20) return undefined;
  if (text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return undefined;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (!(hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  const time = text.slice(11, 19);
  if (length === 19) return `${date}T${time}.000Z`;
  if (length === 20) return text.charCodeAt(19) === 0x5a ? `${date}T${time}.000Z` : undefined;
  const millis = digits(text, 20, 3);
  return text.charCodeAt(19) === 0x2e && text.charCodeAt(23) === 0x5a && millis >= 0
    ? `${date}T${time}.${text.slice(20, 23)}Z`
    : undefined;
};
