import type { AttributeValue } from '../customers/customer-profile';

/** Leading zeros mean an identifier or a postal code, which must stay text. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** Types a custom attribute so segment rules can compare numbers and booleans, not strings. */
export const parseAttributeValue = (text: string): AttributeValue | undefined => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (NUMBER.test(trimmed)) return Number(trimmed);
  const lower = trimmed.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return trimmed;
};
