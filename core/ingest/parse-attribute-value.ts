import type { AttributeValue } from '../customers/customer-profile';

/** Leading zeros mean an identifier or a postal code, which must stay text. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/**
 * Types a custom attribute so segment rules can compare numbers and booleans, not strings.
 * Plain decimals take a fast path: this runs for every unmapped cell of every row.
 */
export const parseAttributeValue = (text: string): AttributeValue | undefined => {
  const first = text.charCodeAt(0);
  if (isDigit(first) && (first !== 0x30 || text.length === 1 || text.charCodeAt(1) === 0x2e)) {
    const value = +text;
    if (value === value && isDigit(text.charCodeAt(text.length - 1))) return value;
  }
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (NUMBER.test(trimmed)) return Number(trimmed);
  const lower = trimmed.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return trimmed;
};
