const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const NOT_NUMERIC = /[^\d.,]/g;
const NEGATIVE = /^\s*(?:-|\(.*\)\s*$)|-\s*$|^[^\d]*-/;

/**
 * Reads an amount as exports write it: currency symbols or codes anywhere (`€1.234,56`,
 * `$1,234.56`, `1 234,56 kr`), thousands separators, a minus sign or accounting parentheses.
 * The decimal separator is the last of `.` and `,` when both appear; a lone `,` followed by
 * exactly three digits is a thousands separator (`1,234`), otherwise a decimal comma (`12,50`);
 * a lone `.` is always decimal.
 */
export const parseAmount = (text: string): number | undefined => {
  // Plain decimals (the vast majority) skip the regexes: a digit at both ends and `+` accepts it.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const radixPrefix = first === 0x30 && text.charCodeAt(1) > 0x39; // `0x1F`, `0b11` are not amounts
  if (first >= 0x30 && first <= 0x39 && last >= 0x30 && last <= 0x39 && !radixPrefix) {
    const value = +text;
    if (value === value) return value;
  }
  if (PLAIN_NUMBER.test(text)) return Number(text);
  const digits = text.replace(NOT_NUMERIC, '');
  if (!/\d/.test(digits)) return undefined;
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  let normalised: string;
  if (lastDot !== -1 && lastComma !== -1) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalised = digits.replaceAll(thousands, '').replace(decimal, '.');
  } else if (lastComma !== -1) {
    const groups = digits.split(',');
    const isThousands =
      groups.length > 2 || (groups[1]?.length === 3 && (groups[0]?.length ?? 0) <= 3);
    normalised = isThousands ? groups.join('') : digits.replace(',', '.');
  } else if (digits.indexOf('.') !== lastDot) {
    normalised = digits.replaceAll('.', '');
  } else {
    normalised = digits;
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return undefined;
  return NEGATIVE.test(text) ? -value : value;
};
