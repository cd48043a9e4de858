// @ts-check

/**
 * A rule in words, as core/admin/describe-segment-rule.ts words it for the API's `definitionText`,
 * except that a segment reference reads as the segment's name rather than its id. The builder and
 * the segment page both word rules here, so what a marketer saw while building is what the saved
 * segment shows. The browser cannot import core's TypeScript, hence the second copy; the browser
 * tests compare the two.
 */

/** @type {Record<string, string>} */
const OPERATOR_WORDS = {
  eq: 'is',
  neq: 'is not',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is more than',
  gte: 'is at least',
  between: 'is between',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  starts_with: 'starts with',
  exists: 'is known',
  missing: 'is unknown',
};

/**
 * @typedef {{ type: string, [key: string]: any }} RuleNode
 * @typedef {(segmentId: string) => string} NameOf
 */

/** @param {unknown} value @returns {string} */
const valueText = (value) => {
  if (Array.isArray(value)) return value.map(valueText).join(value.length === 2 ? ' and ' : ', ');
  return typeof value === 'string' ? `“${value}”` : String(value);
};

/** `features.recencyDays` reads as `recency days`. @param {string} field */
const fieldText = (field) =>
  (field.split('.').at(-1) ?? field).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** @param {RuleNode} node @param {NameOf} nameOf */
const grouped = (node, nameOf) => {
  const text = describeRule(node, nameOf);
  return node.type === 'and' || node.type === 'or' ? `(${text})` : text;
};

/** @param {RuleNode} node */
const eventText = (node) => {
  const times =
    node.min !== undefined && node.max !== undefined
      ? `${node.min}–${node.max} times`
      : node.max !== undefined
        ? `at most ${node.max} times`
        : `at least ${node.min ?? 1} time${(node.min ?? 1) === 1 ? '' : 's'}`;
  const window = node.withinDays !== undefined ? ` in the last ${node.withinDays} days` : '';
  const where = (node.where ?? [])
    .map(
      (/** @type {RuleNode} */ filter) =>
        ` where ${fieldText(filter.property)} ${OPERATOR_WORDS[filter.op]}${filter.value === undefined ? '' : ` ${valueText(filter.value)}`}`,
    )
    .join(' and');
  return `did ${node.eventType.replaceAll('_', ' ')} ${times}${window}${where}`;
};

/**
 * @param {RuleNode} node
 * @param {NameOf} nameOf the name to show for a referenced segment's id
 * @returns {string}
 */
export const describeRule = (node, nameOf) => {
  switch (node.type) {
    case 'and':
      return node.children.map((/** @type {RuleNode} */ c) => grouped(c, nameOf)).join(' and ');
    case 'or':
      return node.children.map((/** @type {RuleNode} */ c) => grouped(c, nameOf)).join(' or ');
    case 'not':
      return `not ${grouped(node.child, nameOf)}`;
    case 'compare':
      return [
        fieldText(node.field),
        OPERATOR_WORDS[node.op],
        ...(node.value === undefined ? [] : [valueText(node.value)]),
      ].join(' ');
    case 'within_last':
      return `${fieldText(node.field)} within the last ${node.days} days`;
    case 'before':
      return `${fieldText(node.field)} before ${node.date}`;
    case 'after':
      return `${fieldText(node.field)} after ${node.date}`;
    case 'event':
      return eventText(node);
    case 'segment':
      return `in segment ${nameOf(node.segmentId)}`;
    default:
      return JSON.stringify(node);
  }
};
