const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text cell for a CSV someone will open in a spreadsheet: a leading = + - @ tab or CR would run
 * as a formula (CSV injection), so such cells get a `'` prefix; then RFC 4180 quoting.
 */
export const textCell = (value: string | undefined): string => {
  if (value === undefined || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** Numbers are never prefixed, so -12.5 stays a number; amounts keep at most two decimals. */
export const numberCell = (value: number | undefined): string => {
  if (value === undefined || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
};

export const csvCell = (value: string | number | undefined): string =>
  typeof value === 'number' ? numberCell(value) : textCell(value);

/** One CSV record, without its line terminator. */
export const toCsvLine = (cells: ReadonlyArray<string | number | undefined>): string =>
  cells.map(csvCell).join(',');

/** One record of already-escaped cells, CRLF-terminated. */
export const csvLine = (cells: readonly string[]): string => `${cells.join(',')}\r\n`;
