import { assertNever } from '../shared/assert-never';
import { formatNumber } from './format-number';
import type { CompareOperator, RuleScalar } from './segment-rule';

export interface ValueMatcher {
  test: (actual: unknown) => boolean;
  /** The operator and its operand as reasons print them: `> 180`, `in [cold, temperate]`. */
  text: string;
}

export const formatValue = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '(none)';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.keys(value).join(', ')}}`;
  return String(value);
};

const isPresent = (value: unknown): boolean =>
  value !== undefined &&
  value !== null &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0) &&
  !(typeof value === 'number' && Number.isNaN(value));

const asNumber = (value: unknown): number => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
};

/** Equality for one scalar target, prepared once: strings ignore case, numbers accept numeric strings. */
const equalsTarget = (target: RuleScalar): ((actual: unknown) => boolean) => {
  if (typeof target === 'number') return (actual) => asNumber(actual) === target;
  if (typeof target === 'boolean') {
    const text = String(target);
    return (actual) =>
      actual === target || (typeof actual === 'string' && actual.toLowerCase() === text);
  }
  const lower = target.toLowerCase();
  return (actual) =>
    (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean') &&
    String(actual).toLowerCase() === lower;
};

const anyElement = (actual: unknown, test: (value: unknown) => boolean): boolean =>
  Array.isArray(actual) ? actual.some(test) : test(actual);

const ordered = (
  target: number | string,
  accept: (difference: number) => boolean,
): ((actual: unknown) => boolean) =>
  typeof target === 'number'
    ? (actual) => {
        const value = asNumber(actual);
        return !Number.isNaN(value) && accept(value - target);
      }
    : (actual) =>
        typeof actual === 'string' && accept(actual < target ? -1 : actual > target ? 1 : 0);

/**
 * Builds the test for a comparison once; `value` has already been checked against the operator by
 * the schema. Every operator except `missing` is false for a missing value.
 */
export const buildValueMatcher = ({
  op,
  value,
}: {
  op: CompareOperator;
  value?: unknown;
}): ValueMatcher => {
  const present = (test: (actual: unknown) => boolean) => (actual: unknown) =>
    isPresent(actual) && test(actual);
  switch (op) {
    case 'eq': {
      const equals = equalsTarget(value as RuleScalar);
      return {
        test: present((actual) => anyElement(actual, equals)),
        text: `= ${formatValue(value)}`,
      };
    }
    case 'neq': {
      const equals = equalsTarget(value as RuleScalar);
      return {
        test: present((actual) => !anyElement(actual, equals)),
        text: `≠ ${formatValue(value)}`,
      };
    }
    case 'lt':
      return {
        test: present(ordered(value as number, (d) => d < 0)),
        text: `< ${formatValue(value)}`,
      };
    case 'lte':
      return {
        test: present(ordered(value as number, (d) => d <= 0)),
        text: `≤ ${formatValue(value)}`,
      };
    case 'gt':
      return {
        test: present(ordered(value as number, (d) => d > 0)),
        text: `> ${formatValue(value)}`,
      };
    case 'gte':
      return {
        test: present(ordered(value as number, (d) => d >= 0)),
        text: `≥ ${formatValue(value)}`,
      };
    case 'between': {
      const [low, high] = value as [number, number];
      const atLeast = ordered(low, (d) => d >= 0);
      const atMost = ordered(high, (d) => d <= 0);
      return {
        test: present((actual) => atLeast(actual) && atMost(actual)),
        text: `between ${formatValue(low)} and ${formatValue(high)}`,
      };
    }
    case 'in':
    case 'not_in': {
      const tests = (value as RuleScalar[]).map(equalsTarget);
      const inList = (actual: unknown) => {
        for (const test of tests) if (test(actual)) return true;
        return false;
      };
      return op === 'in'
        ? {
            test: present((actual) => anyElement(actual, inList)),
            text: `in ${formatValue(value)}`,
          }
        : {
            test: present((actual) => !anyElement(actual, inList)),
            text: `not in ${formatValue(value)}`,
          };
    }
    case 'contains': {
      const equals = equalsTarget(value as RuleScalar);
      const needle = String(value).toLowerCase();
      return {
        test: present((actual) => {
          if (typeof actual === 'string') return actual.toLowerCase().includes(needle);
          if (Array.isArray(actual)) return actual.some(equals);
          // A count map such as categoryCounts "contains" the keys it has counted.
          if (typeof actual === 'object' && actual !== null) {
            // for-in rather than Object.keys: no array per customer for a test run a million times.
            for (const key in actual) if (Object.hasOwn(actual, key) && equals(key)) return true;
          }
          return false;
        }),
        text: `contains ${formatValue(value)}`,
      };
    }
    case 'starts_with': {
      const prefix = String(value).toLowerCase();
      return {
        test: present(
          (actual) => typeof actual === 'string' && actual.toLowerCase().startsWith(prefix),
        ),
        text: `starts with ${formatValue(value)}`,
      };
    }
    case 'exists':
      return { test: isPresent, text: 'is set' };
    case 'missing':
      return { test: (actual) => !isPresent(actual), text: 'is not set' };
    default:
      return assertNever(op);
  }
};
