import { z } from 'zod';

export const CompareOperator = z.enum([
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'exists',
  'missing',
]);
export type CompareOperator = z.infer<typeof CompareOperator>;

export const RuleScalar = z.union([z.string(), z.number(), z.boolean()]);
export type RuleScalar = z.infer<typeof RuleScalar>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date');

/** Which `value` each operator needs; checked per operator so the error points at `value`. */
const valueShapes: Readonly<Record<CompareOperator, z.ZodType | undefined>> = {
  eq: RuleScalar,
  neq: RuleScalar,
  lt: z.union([z.number(), z.string()]),
  lte: z.union([z.number(), z.string()]),
  gt: z.union([z.number(), z.string()]),
  gte: z.union([z.number(), z.string()]),
  between: z
    .union([z.tuple([z.number(), z.number()]), z.tuple([z.string(), z.string()])])
    .refine(([low, high]) => low <= high, 'the first bound must not exceed the second'),
  in: z.array(RuleScalar).min(1),
  not_in: z.array(RuleScalar).min(1),
  contains: RuleScalar,
  starts_with: z.string(),
  exists: undefined,
  missing: undefined,
};

const checkValue = (
  condition: { op: CompareOperator; value?: unknown },
  context: z.RefinementCtx,
): void => {
  const shape = valueShapes[condition.op];
  if (!shape) {
    if (condition.value !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${condition.op} takes no value`,
      });
    }
    return;
  }
  const parsed = shape.safeParse(condition.value);
  if (!parsed.success) {
    const detail = parsed.error.issues[0]?.message ?? 'invalid';
    context.addIssue({
      code: 'custom',
      path: ['value'],
      message: `value for ${condition.op}: ${detail}`,
    });
  }
};

/**
 * `field` is a dotted path: `features.recencyDays`, `profile.country`, `attributes.MntWines`,
 * `rfm.r` / `rfm.f` / `rfm.m` / `rfm.segment`, `lifecycle.stage`, `cluster.number`.
 * String comparisons ignore case; a missing value satisfies only `missing` (use `not` for
 * "not equal or unknown"); on a list field (tags) eq/in mean "any element", neq/not_in "none".
 */
export const CompareCondition = z
  .object({
    type: z.literal('compare'),
    field: z.string().min(1),
    op: CompareOperator,
    value: z.unknown().optional(),
  })
  .superRefine(checkValue);

/** A condition on a date field, relative to the run's as-of date: the last N local days. */
export const WithinLastCondition = z.object({
  type: z.literal('within_last'),
  field: z.string().min(1),
  days: z.number().int().positive(),
});

export const BeforeCondition = z.object({
  type: z.literal('before'),
  field: z.string().min(1),
  date: IsoDate,
});
export const AfterCondition = z.object({
  type: z.literal('after'),
  field: z.string().min(1),
  date: IsoDate,
});

export const EventPropertyFilter = z
  .object({ property: z.string().min(1), op: CompareOperator, value: z.unknown().optional() })
  .superRefine(checkValue);
export type EventPropertyFilter = z.infer<typeof EventPropertyFilter>;

/** Performed `eventType` between `min` and `max` times (default at least once) in the window. */
export const EventCondition = z
  .object({
    type: z.literal('event'),
    eventType: z.string().min(1),
    min: z.number().int().nonnegative().optional(),
    max: z.number().int().nonnegative().optional(),
    /** The last N local days before the as-of date; absent means ever. */
    withinDays: z.number().int().positive().optional(),
    where: z.array(EventPropertyFilter).optional(),
  })
  .refine(
    (condition) =>
      condition.min === undefined || condition.max === undefined || condition.min <= condition.max,
    {
      message: 'min must not exceed max',
      path: ['min'],
    },
  );

/** Membership of another segment: a rule segment's id, or a built-in one such as `rfm:champions`. */
export const SegmentReferenceCondition = z.object({
  type: z.literal('segment'),
  segmentId: z.string().min(1),
});

export type SegmentRuleNode =
  | z.infer<typeof CompareCondition>
  | z.infer<typeof WithinLastCondition>
  | z.infer<typeof BeforeCondition>
  | z.infer<typeof AfterCondition>
  | z.infer<typeof EventCondition>
  | z.infer<typeof SegmentReferenceCondition>
  | { type: 'and'; children: SegmentRuleNode[] }
  | { type: 'or'; children: SegmentRuleNode[] }
  | { type: 'not'; child: SegmentRuleNode };

const AndNode = z.object({
  type: z.literal('and'),
  get children() {
    return z.array(SegmentRuleNode).min(1);
  },
});
const OrNode = z.object({
  type: z.literal('or'),
  get children() {
    return z.array(SegmentRuleNode).min(1);
  },
});
const NotNode = z.object({
  type: z.literal('not'),
  get child() {
    return SegmentRuleNode;
  },
});

export const SegmentRuleNode: z.ZodType<SegmentRuleNode> = z.discriminatedUnion('type', [
  AndNode,
  OrNode,
  NotNode,
  CompareCondition,
  WithinLastCondition,
  BeforeCondition,
  AfterCondition,
  EventCondition,
  SegmentReferenceCondition,
]);

export const SegmentCategory = z.enum([
  'demographic',
  'geographic',
  'psychographic',
  'behavioural',
  'journey',
]);
export type SegmentCategory = z.infer<typeof SegmentCategory>;

export const SegmentDefinition = z.object({
  /** Lower-case, no colon: colons belong to the built-in `rfm:`, `lifecycle:` and `cluster:` ids. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _'),
  name: z.string().trim().min(1),
  description: z.string().optional(),
  category: SegmentCategory.optional(),
  rule: SegmentRuleNode,
});
export type SegmentDefinition = z.infer<typeof SegmentDefinition>;
