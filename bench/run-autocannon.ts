import autocannon from 'autocannon';
import { LoadPlan, type LoadResult, type RoundResult } from './load-plan';

/**
 * The load generator, run as its own process so it shares no event loop with the server it
 * measures. Reads a `LoadPlan` as JSON on stdin (keeping the storefront key out of the process
 * list) and writes a `LoadResult` as one JSON line on stdout.
 */
const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const plan = LoadPlan.parse(JSON.parse(await readStdin()));
let next = 0;

const runRound = async (seconds: number): Promise<RoundResult> => {
  const result = await autocannon({
    url: plan.url,
    headers: plan.headers,
    connections: plan.connections,
    duration: seconds,
    maxOverallRequests: plan.maxRequestsPerRound,
    requests: [
      {
        method: 'GET',
        // Each request asks for the next customer, so the server reads a different item each time.
        setupRequest: (request) => {
          const path = plan.paths[next % plan.paths.length] ?? '/';
          next += 1;
          return { ...request, path };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
  );
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requests,
    seconds: result.duration,
    rps: result.duration > 0 ? requests / result.duration : 0,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
};

const warmUp = plan.warmUpSeconds > 0 ? await runRound(plan.warmUpSeconds) : undefined;
const rounds: RoundResult[] = [];
for (let round = 0; round < plan.rounds; round += 1) rounds.push(await runRound(plan.roundSeconds));
const out: LoadResult = { ...(warmUp && { warmUp }), rounds };
process.stdout.write(`${JSON.stringify(out)}\n`);
