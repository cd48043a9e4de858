import { parseInstant } from './parse-instant';
import { assertNever } from '../shared/assert-never';
import { buildValueMatcher, formatValue } from './build-value-matcher';
import type { EventWindowCounts } from './customer-features';
import { dayOfIsoDate, formatDay } from './local-calendar';
import { resolveRuleField } from './resolve-rule-field';
import type { RuleContext } from './rule-context';
import { InvalidSegmentRuleError } from './segment-errors';
import type { SegmentRuleNode } from './segment-rule';

/**
 * A rule node prepared for evaluation. `test` is the hot path and allocates nothing; `explain`
 * builds the reason strings and only runs for customers who matched.
 */
export interface CompiledClause {
  test: (context: RuleContext) => boolean;
  /** Why the clause holds for this customer: the matching clauses with the customer's values. */
  explain: (context: RuleContext) => string[];
  /** The clause itself, without customer values: `country = DE`. */
  text: string;
  /** The customer's value in words, used to explain a `not`: `country is FR`. */
  actual: (context: RuleContext) => string;
}

export interface SegmentReferenceResolver {
  /** The evaluation index of a rule segment, or undefined for a built-in id. */
  ruleIndexOf: (segmentId: string) => number | undefined;
  nameOf: (segmentId: string) => string;
}

type Path = (string | number)[];

const eventWindowKeys: Readonly<Record<number, keyof EventWindowCounts>> = {
  7: 'last7Days',
  30: 'last30Days',
  90: 'last90Days',
};

const fieldOf = (field: string, path: Path) => {
  const resolved = resolveRuleField(field);
  if (!resolved) throw new InvalidSegmentRuleError(`unknown field "${field}"`, [...path, 'field']);
  return resolved;
};

const dayOfField = (value: unknown, context: RuleContext): number =>
  typeof value === 'string' ? context.calendar.dayOfValue(value) : Number.NaN;

const compileDateCondition = (
  node: Extract<SegmentRuleNode, { type: 'within_last' | 'before' | 'after' }>,
  path: Path,
): CompiledClause => {
  const field = fieldOf(node.field, path);
  const describeActual = (context: RuleContext) =>
    `${field.label} is ${formatValue(field.read(context))}`;
  if (node.type === 'within_last') {
    const { days } = node;
    const test = (context: RuleContext) => {
      const age = context.calendar.asOfDay - dayOfField(field.read(context), context);
      return age >= 0 && age <= days;
    };
    return {
      test,
      text: `${field.label} within last ${days} days`,
      actual: describeActual,
      explain: (context) => {
        const day = dayOfField(field.read(context), context);
        return [
          `${field.label} ${formatDay(day)} (${context.calendar.asOfDay - day} days ago) within last ${days} days`,
        ];
      },
    };
  }
  const boundary = dayOfIsoDate(node.date);
  if (Number.isNaN(boundary)) {
    throw new InvalidSegmentRuleError(`no such date ${node.date}`, [...path, 'date']);
  }
  const isBefore = node.type === 'before';
  const text = `${field.label} ${node.type} ${node.date}`;
  return {
    test: (context) => {
      const day = dayOfField(field.read(context), context);
      return isBefore ? day < boundary : day > boundary;
    },
    text,
    actual: describeActual,
    explain: (context) => [
      `${field.label} ${formatDay(dayOfField(field.read(context), context))} ${node.type} ${node.date}`,
    ],
  };
};

const compileEventCondition = (
  node: Extract<SegmentRuleNode, { type: 'event' }>,
): CompiledClause => {
  const { eventType, withinDays, where = [] } = node;
  const min = node.min ?? (node.max === undefined ? 1 : 0);
  const max = node.max ?? Infinity;
  const filters = where.map((filter) => ({
    property: filter.property,
    matcher: buildValueMatcher(filter),
  }));
  const passesFilters = (properties: Record<string, unknown>): boolean => {
    for (const { property, matcher } of filters) {
      if (!matcher.test(properties[property])) return false;
    }
    return true;
  };
  const windowKey = withinDays === undefined ? 'total' : eventWindowKeys[withinDays];
  // Without property filters the features' pre-counted windows answer most conditions for free.
  const count =
    filters.length === 0 && windowKey !== undefined
      ? (context: RuleContext) => context.features.eventCounts[eventType]?.[windowKey] ?? 0
      : (context: RuleContext) => {
          const { asOfMs, asOfDay } = context.calendar;
          let matches = 0;
          for (const event of context.events) {
            if (event.type !== eventType) continue;
            const ms = parseInstant(event.at);
            if (!(ms < asOfMs)) continue;
            const tooOld =
              withinDays !== undefined && asOfDay - context.calendar.dayOfInstant(ms) > withinDays;
            if (tooOld) continue;
            if (passesFilters(event.properties)) matches += 1;
          }
          return matches;
        };
  const filterText =
    filters.length === 0
      ? ''
      : ` where ${where.map((f, i) => `${f.property} ${filters[i]?.matcher.text}`).join(' and ')}`;
  const windowText = withinDays === undefined ? 'ever' : `in last ${withinDays} days`;
  const boundText =
    max === Infinity
      ? `≥ ${min}`
      : min === 0
        ? `≤ ${max}`
        : min === max
          ? `= ${min}`
          : `between ${min} and ${max}`;
  const describe = (times: number) =>
    `${eventType}${filterText} ${times}× ${windowText} ${boundText}`;
  return {
    test: (context) => {
      const times = count(context);
      return times >= min && times <= max;
    },
    text: `${eventType}${filterText} ${windowText} ${boundText}`,
    actual: (context) => `${eventType} ${count(context)}× ${windowText}`,
    explain: (context) => [describe(count(context))],
  };
};

/** Compiles one node and its children; throws InvalidSegmentRuleError naming the bad node's path. */
export const compileRuleNode = ({
  node,
  path,
  segments,
}: {
  node: SegmentRuleNode;
  path: Path;
  segments: SegmentReferenceResolver;
}): CompiledClause => {
  switch (node.type) {
    case 'and': {
      const children = node.children.map((child, i) =>
        compileRuleNode({ node: child, path: [...path, 'children', i], segments }),
      );
      return {
        test: (context) => {
          for (const child of children) if (!child.test(context)) return false;
          return true;
        },
        explain: (context) => {
          // A loop, not flatMap: this runs for every customer an `and` segment admits.
          const reasons: string[] = [];
          for (const child of children) reasons.push(...child.explain(context));
          return reasons;
        },
        text: `(${children.map((child) => child.text).join(' and ')})`,
        actual: () => '',
      };
    }
    case 'or': {
      const children = node.children.map((child, i) =>
        compileRuleNode({ node: child, path: [...path, 'children', i], segments }),
      );
      return {
        test: (context) => {
          for (const child of children) if (child.test(context)) return true;
          return false;
        },
        explain: (context) => {
          for (const child of children) if (child.test(context)) return child.explain(context);
          return [];
        },
        text: `(${children.map((child) => child.text).join(' or ')})`,
        actual: () => '',
      };
    }
    case 'not': {
      const child = compileRuleNode({ node: node.child, path: [...path, 'child'], segments });
      return {
        test: (context) => !child.test(context),
        explain: (context) => {
          const actual = child.actual(context);
          return [actual ? `not ${child.text}: ${actual}` : `not ${child.text}`];
        },
        text: `not ${child.text}`,
        actual: () => '',
      };
    }
    case 'compare': {
      const field = fieldOf(node.field, path);
      const matcher = buildValueMatcher(node);
      const text = `${field.label} ${matcher.text}`;
      const shown = (context: RuleContext) => {
        const value = field.read(context);
        return `${formatValue(value)}${typeof value === 'number' ? field.unit : ''}`;
      };
      return {
        test: (context) => matcher.test(field.read(context)),
        explain: (context) => [
          node.op === 'exists' || node.op === 'missing'
            ? `${field.label} ${matcher.text}${node.op === 'exists' ? ` (${shown(context)})` : ''}`
            : `${field.label} ${shown(context)} ${matcher.text}`,
        ],
        text,
        actual: (context) => `${field.label} is ${shown(context)}`,
      };
    }
    case 'within_last':
    case 'before':
    case 'after':
      return compileDateCondition(node, path);
    case 'event':
      return compileEventCondition(node);
    case 'segment': {
      const { segmentId } = node;
      const name = segments.nameOf(segmentId);
      const index = segments.ruleIndexOf(segmentId);
      const test =
        index !== undefined
          ? (context: RuleContext) => context.matched[index] === 1
          : (context: RuleContext) =>
              context.rfm?.segmentId === segmentId ||
              context.lifecycleSegmentId === segmentId ||
              context.cluster?.segmentId === segmentId;
      return {
        test,
        explain: () => [`in segment ${name}`],
        text: `in segment ${name}`,
        actual: (context) => (test(context) ? `in segment ${name}` : `not in segment ${name}`),
      };
    }
    default:
      return assertNever(node);
  }
};
