const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Makes a value safe to open in a spreadsheet: a leading formula trigger gets a `'` so Excel or
 * Sheets shows it as text instead of evaluating it, then the cell is quoted when it must be.
 */
export const escapeCsvCell = (value: string | number | undefined): string => {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_TRIGGERS.has(text.charAt(0))) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const toCsvLine = (cells: ReadonlyArray<string | number | undefined>): string =>
  cells.map(escapeCsvCell).join(',');
