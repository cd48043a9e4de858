import { parseArgs } from 'node:util';
import { z } from 'zod';

export const BenchArgs = z.object({
  json: z.boolean({ error: '--json takes no value' }),
  only: z.string().optional(),
  size: z.coerce
    .number({ error: '--size must be a number of rows, e.g. --size 200000' })
    .int('--size must be a whole number')
    .min(1_000, '--size must be at least 1000'),
});
export type BenchArgs = z.infer<typeof BenchArgs>;

export class BenchArgsError extends Error {
  override name = 'BenchArgsError';
}

/** The command line, checked: an unknown option or a bad value names the option at fault. */
export const parseBenchArgs = (argv: readonly string[], groups: readonly string[]): BenchArgs => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean', default: false },
        only: { type: 'string' },
        size: { type: 'string', default: '1000000' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchArgsError((error as Error).message);
  }
  const parsed = BenchArgs.extend({
    only: z
      .enum(groups as [string, ...string[]], {
        error: `--only must be one of: ${groups.join(', ')}`,
      })
      .optional(),
  }).safeParse({ ...values, size: String(values.size).replaceAll('_', '') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Every message names its option, so it is shown as it is.
    throw new BenchArgsError(issue?.message ?? 'invalid arguments');
  }
  return parsed.data;
};
