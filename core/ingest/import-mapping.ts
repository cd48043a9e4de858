import { z } from 'zod';
import { ValidationError } from '../shared/errors';
import { parseColumnTarget } from './column-target';

export const DateFormat = z.enum(['dmy', 'mdy', 'iso']);
export type DateFormat = z.infer<typeof DateFormat>;

export const OrderRules = z.object({
  /**
   * An order number starting with this prefix is a cancellation invoice (UCI "Online Retail":
   * `C536379`); `false` turns a preset's rule off.
   */
  cancellationPrefix: z.union([z.string().min(1), z.literal(false)]).optional(),
});
export type OrderRules = z.infer<typeof OrderRules>;

const ColumnTargetText = z.string().refine((text) => parseColumnTarget(text) !== undefined, {
  error: (issue) =>
    `"${String(issue.input)}" is not a Shoal field, "attributes.<name>" or "ignore"`,
});

/** What a user may upload next to an export (or pass to the CLI) to say how to read it. */
export const ImportMapping = z.strictObject({
  preset: z.string().min(1).optional(),
  columns: z.record(z.string(), ColumnTargetText).optional(),
  dateFormat: DateFormat.optional(),
  rules: OrderRules.optional(),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

/** Validates a mapping; the ValidationError's path names the offending key, e.g. `columns.Email`. */
export const parseImportMapping = (input: unknown): ImportMapping => {
  const result = ImportMapping.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map((part) => (typeof part === 'number' ? part : String(part)));
  throw new ValidationError(
    `invalid import mapping at ${path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    path,
  );
};
