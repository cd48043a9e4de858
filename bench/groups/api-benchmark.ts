import { join } from 'node:path';
import { generateDemoShop } from '../../core/demo/generate-demo-shop';
import { seedDemoShop } from '../../infra/local/seed-demo-shop';
import { startLocalStack } from '../../infra/local/start-local-stack';
import type { BenchmarkContext, BenchmarkGroup } from '../benchmark-group';
import { bundleFunctions, functionNames } from '../bundle-functions';
import { bestRound, type LoadPlan, type RoundResult } from '../load-plan';
import { runLoad } from '../measure-api-lookup';
import { linkNodeModules, measureHandlerInit, median } from '../measure-handler-init';
import { timeIt } from '../time-it';

/** The lookup reads one profile and one membership item whatever the shop's size: keep it small. */
const SHOP_CUSTOMERS = 100;
const AS_OF = '2026-01-01';
const INIT_RUNS = 5;
/**
 * The local adapter's per-key token bucket, raised far above what one machine serves so the
 * figure is the lookup's, not the throttle's; a 429 would still be reported.
 */
const LOCAL_THROTTLE = { ratePerSecond: 100_000, burst: 100_000 };
const LOAD: Omit<LoadPlan, 'url' | 'headers' | 'paths'> = {
  connections: 10,
  // DynamoDB Local is a JVM and the handler's first requests are cold: not measured.
  warmUpSeconds: 4,
  rounds: 3,
  roundSeconds: 5,
  maxRequestsPerRound: 5_000,
};

/** The shop's own customer ids, from the same deterministic generator the seed used. */
const demoCustomerIds = (customers: number): string[] => {
  const [header, ...rows] = generateDemoShop({ asOf: AS_OF, customers })
    .files.customers.content.split('\n')
    .filter(Boolean);
  if (!header?.startsWith('customer_id,')) {
    throw new Error(`the demo customers file no longer starts with customer_id: ${header}`);
  }
  return rows.map((row) => row.slice(0, row.indexOf(',')));
};

const describe = (round: RoundResult): string =>
  `${round.requests} requests in ${round.seconds.toFixed(1)} s, ${round.rps.toFixed(0)} req/s, ` +
  `p50 ${round.p50} ms, p99 ${round.p99} ms, max ${round.max} ms, non-2xx ${round.non2xx}, ` +
  `errors ${round.errors}, timeouts ${round.timeouts} ${JSON.stringify(round.statusCodes)}`;

/** Size of what `cdk deploy` uploads per function, and the cold import of it in a fresh `node`. */
const runBundles = async ({ workDir, log, record }: BenchmarkContext): Promise<void> => {
  const names = await functionNames();
  log(`bundling ${names.join(', ')} through ShoalFunction (CDK's local esbuild)`);
  const bundles = bundleFunctions({ names, outdir: join(workDir, 'cdk.out') });
  for (const bundle of bundles) {
    record({
      name: `bundle.${bundle.name}`,
      value: bundle.bytes / 1024,
      unit: 'KB',
      note: `index.mjs; source map ${Math.round(bundle.mapBytes / 1024)} KB more`,
    });
  }
  await linkNodeModules(bundles.map((bundle) => bundle.file));
  for (const bundle of bundles) {
    log(`importing ${bundle.name} in ${INIT_RUNS} fresh processes`);
    const times = await measureHandlerInit({
      file: bundle.file,
      environment: bundle.environment,
      runs: INIT_RUNS,
    });
    log(`  ${times.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    record({
      name: `init.${bundle.name}`,
      value: median(times),
      unit: 'ms',
      note: `median of ${INIT_RUNS} fresh processes, import() only; Node ${process.versions.node}`,
    });
  }
};

/** GET /v1/customers/{id}/segments through the local adapter, loaded from a second process. */
const runLookup = async ({ workDir, log, record }: BenchmarkContext): Promise<void> => {
  // The handlers log every upload and run as JSON on stdout, which `--json` keeps for figures.
  const logLevel = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
  log('starting the local stack');
  const { seconds: startSeconds, result: stack } = await timeIt(() =>
    startLocalStack({ dataDir: join(workDir, 'api-stack'), fresh: true, throttle: LOCAL_THROTTLE }),
  );
  try {
    log(
      `  up in ${startSeconds.toFixed(1)} s; seeding a ${SHOP_CUSTOMERS}-customer demo shop as of ${AS_OF}`,
    );
    const { seconds: seedSeconds, result: seeded } = await timeIt(() =>
      seedDemoShop({
        stack,
        asOf: AS_OF,
        customers: SHOP_CUSTOMERS,
        onProgress: (message) => log(`  ${message}`),
      }),
    );
    log(`  seeded and segmented in ${seedSeconds.toFixed(1)} s`);
    const failed = seeded.imports.filter((item) => item.status !== 'succeeded');
    if (failed.length > 0 || seeded.runOutcome !== 'completed') {
      throw new Error(`seeding failed: ${JSON.stringify(seeded)}`);
    }
    const ids = demoCustomerIds(SHOP_CUSTOMERS);
    const paths = ids.map((id) => `/v1/customers/${encodeURIComponent(id)}/segments`);
    const headers = { 'x-shoal-storefront-key': stack.secrets.storefrontKey };
    const probe = await fetch(`${stack.api.url}${paths[0]}`, { headers });
    const body = (await probe.json()) as { segments?: unknown[] };
    if (probe.status !== 200 || !Array.isArray(body.segments)) {
      throw new Error(`GET ${paths[0]} answered ${probe.status}: ${JSON.stringify(body)}`);
    }
    log(`  GET ${paths[0]}: 200 with ${body.segments.length} segments`);

    const { connections, warmUpSeconds, rounds, roundSeconds, maxRequestsPerRound } = LOAD;
    log(
      `load from a second process: ${connections} connections over ${ids.length} customers, ` +
        `${warmUpSeconds} s warm-up, then ${rounds} rounds of ${roundSeconds} s ` +
        `(at most ${maxRequestsPerRound} requests each)`,
    );
    const result = await runLoad({ ...LOAD, url: stack.api.url, headers, paths });
    if (result.warmUp) log(`  warm-up: ${describe(result.warmUp)}`);
    result.rounds.forEach((round, i) => log(`  round ${i + 1}: ${describe(round)}`));

    const measured = result.rounds;
    const throttled = measured.reduce((sum, round) => sum + (round.statusCodes['429'] ?? 0), 0);
    const otherFailures = measured.reduce(
      (sum, round) => sum + round.non2xx - (round.statusCodes['429'] ?? 0) + round.errors,
      0,
    );
    if (otherFailures > 0) {
      throw new Error(`${otherFailures} lookups failed other than by throttling; see the rounds`);
    }
    const best = bestRound(measured);
    // With the bucket full at a round's start, the most a round can average without any 429.
    const ceiling = LOCAL_THROTTLE.ratePerSecond + LOCAL_THROTTLE.burst / roundSeconds;
    const limit = `the adapter's ${LOCAL_THROTTLE.ratePerSecond} rps per-key throttle`;
    const throttleNote = `THROTTLED: ${throttled} × 429 from ${limit}`;
    log(`  non-2xx in the measured rounds: ${throttled} throttled (429), 0 other`);
    if (throttled > 0 || best.rps > LOCAL_THROTTLE.ratePerSecond) {
      log(`  the rate reached ${limit}: the lookup itself may be faster than reported`);
    }
    const latencyNote =
      throttled > 0
        ? throttleNote
        : `non-2xx 0; best of ${rounds} × ${roundSeconds} s, ${connections} connections`;
    record({ name: 'api.lookup.p50', value: best.p50, unit: 'ms', note: latencyNote });
    record({ name: 'api.lookup.p99', value: best.p99, unit: 'ms', note: latencyNote });
    record({
      name: 'api.lookup.rps',
      value: best.rps,
      unit: 'req/s',
      note:
        throttled > 0
          ? throttleNote
          : best.rps > LOCAL_THROTTLE.ratePerSecond
            ? `above ${limit} (≤ ${ceiling} in ${roundSeconds} s): a floor`
            : `${ids.length} customers in turn, loopback, DynamoDB Local`,
    });
  } finally {
    await stack.stop();
    if (logLevel === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = logLevel;
  }
};

export const apiBenchmark: BenchmarkGroup = {
  name: 'api',
  description: 'storefront lookup under load through the local adapter; bundle size and cold init',
  run: async (context) => {
    // Bundling and cold imports first, before DynamoDB Local's JVM competes for the CPU.
    await runBundles(context);
    await runLookup(context);
  },
};
