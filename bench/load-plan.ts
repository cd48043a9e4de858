import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * What the load generator process is told to do, as JSON on its stdin: an unmeasured warm-up,
 * then `rounds` measured runs, each ending at `roundSeconds` or `maxRequestsPerRound` requests,
 * whichever comes first.
 */
export const LoadPlan = z.object({
  /** Must be a loopback address: the bench never sends load anywhere else. */
  url: z.url().refine((url) => LOOPBACK_HOSTS.has(new URL(url).hostname), {
    message: 'the load generator only targets loopback',
  }),
  headers: z.record(z.string(), z.string()),
  /** Request paths, taken in turn across all connections. */
  paths: z.array(z.string().startsWith('/')).min(1),
  connections: z.number().int().min(1).max(64),
  warmUpSeconds: z.number().min(0).max(30),
  rounds: z.number().int().min(1).max(5),
  roundSeconds: z.number().positive().max(30),
  maxRequestsPerRound: z.number().int().min(1),
});
export type LoadPlan = z.infer<typeof LoadPlan>;

/** One run's figures. Latencies in ms. */
export const RoundResult = z.object({
  requests: z.number(),
  seconds: z.number(),
  rps: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  max: z.number(),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
  statusCodes: z.record(z.string(), z.number()),
});
export type RoundResult = z.infer<typeof RoundResult>;

/** What the load generator reports back, as one JSON line on its stdout. */
export const LoadResult = z.object({
  warmUp: RoundResult.optional(),
  rounds: z.array(RoundResult).min(1),
});
export type LoadResult = z.infer<typeof LoadResult>;

/** Longest a plan can run, before the generator's own start-up. */
export const planSeconds = (plan: LoadPlan): number =>
  plan.warmUpSeconds + plan.rounds * plan.roundSeconds;

/**
 * The round that served the most requests a second, reported whole (its own latencies): on a
 * shared machine the slower rounds measure the neighbours.
 */
export const bestRound = (rounds: readonly RoundResult[]): RoundResult => {
  const [first, ...rest] = rounds;
  if (first === undefined) throw new Error('no rounds to choose from');
  return rest.reduce((best, round) => (round.rps > best.rps ? round : best), first);
};
