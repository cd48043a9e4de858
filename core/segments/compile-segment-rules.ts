import { compileRuleNode, type CompiledClause } from './compile-rule-node';
import type { RuleContext } from './rule-context';
import { InvalidSegmentRuleError, SegmentCycleError } from './segment-errors';
import { SegmentDefinition, type SegmentRuleNode } from './segment-rule';

export interface BuiltInSegment {
  id: string;
  name: string;
}

export interface CompiledSegmentRules {
  /** The parsed definitions, in the order given; `matched` and `explain` use these indexes. */
  definitions: SegmentDefinition[];
  /**
   * Tests every rule for one customer, writing 1/0 per definition into `context.matched`; segments
   * are tested after the segments they reference.
   */
  evaluate: (context: RuleContext) => void;
  /** The reasons the definition at `index` matched; call only when it did. */
  explain: (index: number, context: RuleContext) => string[];
}

const CLUSTER_ID = /^cluster:[1-9]\d*$/;

const parseDefinition = (input: unknown, index: number): SegmentDefinition => {
  const parsed = SegmentDefinition.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const id = (input as { id?: unknown } | null)?.id;
  throw new InvalidSegmentRuleError(
    issue?.message ?? 'invalid',
    (issue?.path ?? []) as (string | number)[],
    typeof id === 'string' ? id : `#${index}`,
  );
};

const referencesOf = (
  node: SegmentRuleNode,
  path: (string | number)[],
  found: [string, (string | number)[]][],
) => {
  if (node.type === 'and' || node.type === 'or') {
    node.children.forEach((child, i) => referencesOf(child, [...path, 'children', i], found));
  } else if (node.type === 'not') {
    referencesOf(node.child, [...path, 'child'], found);
  } else if (node.type === 'segment') {
    found.push([node.segmentId, [...path, 'segmentId']]);
  }
  return found;
};

/** Depth-first topological order; a reference back into the current path is a cycle. */
const evaluationOrder = (
  definitions: readonly SegmentDefinition[],
  dependencies: ReadonlyMap<string, string[]>,
): number[] => {
  const indexById = new Map(definitions.map((definition, index) => [definition.id, index]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: number[] = [];
  const visit = (id: string, trail: string[]): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new SegmentCycleError([...trail.slice(trail.indexOf(id)), id]);
    state.set(id, 'visiting');
    for (const dependency of dependencies.get(id) ?? []) visit(dependency, [...trail, id]);
    state.set(id, 'done');
    const index = indexById.get(id);
    if (index !== undefined) order.push(index);
  };
  for (const definition of definitions) visit(definition.id, []);
  return order;
};

/**
 * Validates and compiles marketers' segment definitions once per run.
 * 1. Parse each definition with the schema; the first issue becomes an InvalidSegmentRuleError
 *    naming the node's path (`rule.children[2].value`).
 * 2. Reject duplicate ids and references to segments that do not exist.
 * 3. Order segments so references are evaluated first; a reference loop is a SegmentCycleError.
 * 4. Compile each rule into closures; unknown fields fail here, with their path.
 */
export const compileSegmentRules = ({
  definitions,
  builtInSegments = [],
}: {
  definitions: readonly unknown[];
  builtInSegments?: readonly BuiltInSegment[];
}): CompiledSegmentRules => {
  const parsed = definitions.map(parseDefinition);
  const names = new Map<string, string>(builtInSegments.map(({ id, name }) => [id, name]));
  parsed.forEach((definition) => {
    if (names.has(definition.id)) {
      throw new InvalidSegmentRuleError('duplicate segment id', ['id'], definition.id);
    }
    names.set(definition.id, definition.name);
  });
  const ruleIds = new Set(parsed.map(({ id }) => id));
  const dependencies = new Map<string, string[]>();
  for (const definition of parsed) {
    const references = referencesOf(definition.rule, ['rule'], []);
    for (const [segmentId, path] of references) {
      if (!names.has(segmentId) && !CLUSTER_ID.test(segmentId)) {
        throw new InvalidSegmentRuleError(`unknown segment "${segmentId}"`, path, definition.id);
      }
    }
    dependencies.set(
      definition.id,
      references.map(([segmentId]) => segmentId).filter((segmentId) => ruleIds.has(segmentId)),
    );
  }
  const order = evaluationOrder(parsed, dependencies);
  const indexById = new Map(parsed.map((definition, index) => [definition.id, index]));
  const segments = {
    ruleIndexOf: (segmentId: string) => indexById.get(segmentId),
    nameOf: (segmentId: string) =>
      names.get(segmentId) ?? `Cluster ${segmentId.slice('cluster:'.length)}`,
  };
  const clauses: CompiledClause[] = parsed.map((definition) => {
    try {
      return compileRuleNode({ node: definition.rule, path: ['rule'], segments });
    } catch (error) {
      if (error instanceof InvalidSegmentRuleError) {
        throw new InvalidSegmentRuleError(error.problem, error.path, definition.id);
      }
      throw error;
    }
  });
  return {
    definitions: parsed,
    evaluate: (context) => {
      for (const index of order) context.matched[index] = clauses[index]?.test(context) ? 1 : 0;
    },
    explain: (index, context) => clauses[index]?.explain(context) ?? [],
  };
};
