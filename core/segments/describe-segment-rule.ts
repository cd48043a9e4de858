import { assertNever } from '../shared/assert-never';
import type { SegmentRuleNode } from './index';

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
} as const;

const valueText = (value: unknown): string => {
  if (Array.isArray(value)) return value.map(valueText).join(value.length === 2 ? ' and ' : ', ');
  return typeof value === 'string' ? `“${value}”` : String(value);
};

/** `features.recencyDays` reads as `recency days`. */
const fieldText = (field: string): string =>
  (field.split('.').at(-1) ?? field).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** Names a referenced segment; the id itself when nothing better is known. */
export type SegmentNameOf = (segmentId: string) => string;

const grouped = (node: SegmentRuleNode, nameOf: SegmentNameOf): string => {
  const text = describeSegmentRule(node, nameOf);
  return node.type === 'and' || node.type === 'or' ? `(${text})` : text;
};

/**
 * A rule in the words a marketer reads on the segment page and under the rule builder:
 * `country is one of “SE”, “NO” and (recency days is more than 180 or not in segment Champions)`.
 */
export const describeSegmentRule = (
  node: SegmentRuleNode,
  nameOf: SegmentNameOf = (segmentId) => segmentId,
): string => {
  const group = (child: SegmentRuleNode) => grouped(child, nameOf);
  switch (node.type) {
    case 'and':
      return node.children.map(group).join(' and ');
    case 'or':
      return node.children.map(group).join(' or ');
    case 'not':
      return `not ${group(node.child)}`;
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
    case 'event': {
      const times =
        node.min !== undefined && node.max !== undefined
          ? `${node.min}–${node.max} times`
          : node.max !== undefined
            ? `at most ${node.max} times`
            : `at least ${node.min ?? 1} time${(node.min ?? 1) === 1 ? '' : 's'}`;
      const window = node.withinDays !== undefined ? ` in the last ${node.withinDays} days` : '';
      const where = (node.where ?? [])
        .map(
          (filter) =>
            ` where ${fieldText(filter.property)} ${OPERATOR_WORDS[filter.op]}${filter.value === undefined ? '' : ` ${valueText(filter.value)}`}`,
        )
        .join(' and');
      return `did ${node.eventType.replaceAll('_', ' ')} ${times}${window}${where}`;
    }
    case 'segment':
      return `in segment ${nameOf(node.segmentId)}`;
    default:
      return assertNever(node);
  }
};
