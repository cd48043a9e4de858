// @ts-check

/**
 * What a rule can name (fields, dates, event types), as `GET /v1/rule-catalog` serves core's
 * catalogue. A shop's own export columns are reachable as `attributes.<column>` through "Other
 * attribute".
 * @typedef {{ fields: import('../../core/segments/rule-field-catalog').CatalogField[], dateFields: import('../../core/segments/rule-field-catalog').CatalogDateField[], eventTypes: string[] }} RuleCatalog
 */

/** Operators by field type, with the words the builder shows for them. */
export const OPERATORS = {
  number: [
    ['gte', 'is at least'],
    ['lte', 'is at most'],
    ['eq', 'equals'],
    ['neq', 'does not equal'],
    ['gt', 'is more than'],
    ['lt', 'is less than'],
    ['between', 'is between'],
    ['exists', 'is known'],
    ['missing', 'is unknown'],
  ],
  text: [
    ['eq', 'is'],
    ['neq', 'is not'],
    ['in', 'is one of (comma-separated)'],
    ['contains', 'contains'],
    ['starts_with', 'starts with'],
    ['exists', 'is known'],
    ['missing', 'is unknown'],
  ],
};

/**
 * The rule's `value` for what was typed, in the shape each operator takes (core's valueShapes).
 * @param {'number' | 'text'} type
 * @param {string} op
 * @param {string} raw
 * @param {string} rawHigh the upper bound of `between`
 * @returns {unknown}
 */
export const ruleValue = (type, op, raw, rawHigh) => {
  /** @param {string} text */
  const scalar = (text) => (type === 'number' ? Number(text.trim()) : text.trim());
  if (op === 'exists' || op === 'missing') return undefined;
  if (op === 'between') return [scalar(raw), scalar(rawHigh)];
  if (op === 'in')
    return raw
      .split(',')
      .map(scalar)
      .filter((value) => value !== '');
  return scalar(raw);
};

/** How a date field is compared, with the builder's words for it. */
export const DATE_OPERATORS = [
  ['within_last', 'is within the last (days)'],
  ['before', 'is before'],
  ['after', 'is after'],
];
