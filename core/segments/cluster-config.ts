import { z } from 'zod';
import { InvalidSegmentationConfigError } from './segment-errors';

export const ClusterConfig = z
  .object({
    minK: z.number().int().min(2).default(3),
    maxK: z.number().int().min(2).max(20).default(6),
    /** Silhouette is quadratic, so k is chosen on a deterministic sample of at most this many buyers. */
    sampleSize: z.number().int().min(10).max(10_000).default(2000),
    seed: z.number().int().default(42),
    maxIterations: z.number().int().positive().default(100),
    /** k-means++ starts per k; the lowest within-cluster sum of squares wins. */
    restarts: z.number().int().positive().default(3),
  })
  .refine((config) => config.minK <= config.maxK, {
    message: 'minK must not exceed maxK',
    path: ['minK'],
  });
export type ClusterConfig = z.infer<typeof ClusterConfig>;

export const parseClusterConfig = (input: unknown = {}): ClusterConfig => {
  const parsed = ClusterConfig.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidSegmentationConfigError(issue?.message ?? 'invalid', [
      'clusterConfig',
      ...((issue?.path ?? []) as (string | number)[]),
    ]);
  }
  return parsed.data;
};
