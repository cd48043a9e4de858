import { z } from 'zod';
import { InvalidRfmSegmentTableError } from './segment-errors';
import type { RfmScores } from './score-rfm';

const ScoreRange = z
  .tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)])
  .refine(([min, max]) => min <= max, 'min must not exceed max');

export const RfmSegmentRule = z.object({
  name: z.string().trim().min(1),
  r: ScoreRange,
  f: ScoreRange,
  /** Absent means any monetary score. */
  m: ScoreRange.optional(),
});
export type RfmSegmentRule = z.infer<typeof RfmSegmentRule>;

/** Rules evaluated in order; the first whose ranges contain the (R, F, M) cell names it. */
export const RfmSegmentTable = z.array(RfmSegmentRule).min(1);
export type RfmSegmentTable = z.infer<typeof RfmSegmentTable>;

/**
 * The classic eleven RFM names, mostly decided by R and F; M only separates big spenders who
 * stopped coming ("Cannot Lose Them") from the rest of "At Risk". Data, so users can replace it.
 */
export const defaultRfmSegmentTable: RfmSegmentTable = [
  { name: 'Champions', r: [5, 5], f: [4, 5] },
  { name: 'Loyal', r: [3, 4], f: [4, 5] },
  { name: 'Cannot Lose Them', r: [1, 2], f: [4, 5], m: [4, 5] },
  { name: 'At Risk', r: [1, 2], f: [3, 5] },
  { name: 'Lost', r: [1, 1], f: [1, 2] },
  { name: 'Hibernating', r: [2, 2], f: [1, 2] },
  { name: 'About to Sleep', r: [3, 3], f: [1, 2] },
  { name: 'Need Attention', r: [3, 3], f: [3, 3] },
  { name: 'New Customers', r: [5, 5], f: [1, 1] },
  { name: 'Promising', r: [4, 4], f: [1, 1] },
  { name: 'Potential Loyalists', r: [4, 5], f: [2, 3] },
];

const inRange = (score: number, range: readonly [number, number] | undefined): boolean =>
  range === undefined || (score >= range[0] && score <= range[1]);

export const rfmSegmentNameOf = ({
  scores,
  table,
}: {
  scores: RfmScores;
  table: RfmSegmentTable;
}): string | undefined =>
  table.find(
    (rule) => inRange(scores.r, rule.r) && inRange(scores.f, rule.f) && inRange(scores.m, rule.m),
  )?.name;

/**
 * Validates a user's table: it must parse and name every one of the 125 cells, so no buyer is ever
 * left without an RFM segment.
 */
export const parseRfmSegmentTable = (input: unknown): RfmSegmentTable => {
  const parsed = RfmSegmentTable.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidRfmSegmentTableError(
      issue?.message ?? 'invalid',
      (issue?.path ?? []) as (string | number)[],
    );
  }
  for (let r = 1; r <= 5; r += 1) {
    for (let f = 1; f <= 5; f += 1) {
      for (let m = 1; m <= 5; m += 1) {
        if (rfmSegmentNameOf({ scores: { r, f, m }, table: parsed.data }) === undefined) {
          throw new InvalidRfmSegmentTableError(`no rule covers R=${r} F=${f} M=${m}`, []);
        }
      }
    }
  }
  return parsed.data;
};
