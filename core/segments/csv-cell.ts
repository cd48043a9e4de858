const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell for a CSV a marketer will open in a spreadsheet: a leading = + - @ tab or CR would
 * be run as a formula (CSV injection), so such cells get a `'` prefix; then RFC 4180 quoting.
 * Numeric columns go through `numberCell` and are never prefixed, so -12.5 stays a number.
 */
export const textCell = (value: string | undefined): string => {
  if (value === undefined || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const numberCell = (value: number | undefined): string => {
  if (value === undefined || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
};

export const csvLine = (cells: readonly string[]): string => `${cells.join(',')}\r\n`;
