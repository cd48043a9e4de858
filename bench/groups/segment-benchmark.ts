import { segmentCustomers } from '../../core/segments';
import type { BenchmarkContext, BenchmarkGroup } from '../benchmark-group';
import { benchSegmentRules } from '../bench-segment-rules';
import { bestOf } from '../best-of';
import { openDuckDb, type DuckDbSession } from '../duckdb-session';
import { duckDbRfmScores, timedRfmSql } from '../duckdb-rfm-scores';
import {
  syntheticCustomer,
  syntheticCustomerSource,
  writeSyntheticOrdersCsv,
} from '../generate-segment-customers';
import { measureCoreRfmCpu } from '../measure-core-rfm';
import { measureSegmentInvocation } from '../measure-segment-invocation';
import { durationAgainst, rateAgainst } from '../measurement';
import { trackPeakRss } from '../peak-rss';
import { timeIt } from '../time-it';

// A local calendar day: the run counts orders before its start in TIME_ZONE.
const AS_OF = '2026-01-01';
const TIME_ZONE = 'UTC';
/** Customers whose scores are compared one by one between the core and DuckDB. */
const CHECK_SIZE = 10_000;
/** DynamoDB Local writes a few thousand items a second; a night writes ~8 per customer. */
const INVOCATION_MAX_CUSTOMERS = 20_000;
/** What one Lambda invocation may run. */
const INVOCATION_LIMIT_SECONDS = 15 * 60;

const cpuSecondsOf = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

/** The core's scores for the first `count` customers, as `r,f,m` per buyer. */
const coreRfmScores = async (count: number): Promise<Map<string, string>> => {
  const scores = new Map<string, string>();
  await segmentCustomers({
    customers: syntheticCustomerSource(count),
    asOf: AS_OF,
    timeZone: TIME_ZONE,
    onCustomer: ({ customerId, rfm }) => {
      if (rfm) scores.set(customerId, `${rfm.r},${rfm.f},${rfm.m}`);
    },
  });
  return scores;
};

const sameScores = (core: Map<string, string>, duck: Map<string, string>): string | undefined => {
  if (core.size !== duck.size)
    return `${core.size} scored buyers in the core, ${duck.size} in DuckDB`;
  for (const [id, score] of core) {
    if (duck.get(id) !== score) return `${id}: core ${score}, DuckDB ${duck.get(id) ?? 'none'}`;
  }
  return undefined;
};

/** Proves the SQL reproduces the core's tie rule before its speed is worth comparing. */
const checkScoresMatch = async (
  duck: DuckDbSession,
  { workDir, log }: BenchmarkContext,
): Promise<boolean> => {
  const ordersCsv = await writeSyntheticOrdersCsv({ dir: workDir, count: CHECK_SIZE });
  const mismatch = sameScores(
    await coreRfmScores(CHECK_SIZE),
    await duckDbRfmScores({ duck, ordersCsv, asOf: AS_OF }),
  );
  log(
    mismatch === undefined
      ? `  RFM scores of ${CHECK_SIZE} customers: core and DuckDB match for every customer`
      : `  RFM scores DIFFER between core and DuckDB: ${mismatch}`,
  );
  return mismatch === undefined;
};

/** One pass of building the synthetic records alone, to take it out of the core's CPU time. */
const generationCpuSeconds = (count: number): number => {
  const start = process.cpuUsage();
  let orders = 0;
  for (let i = 0; i < count; i += 1) orders += syntheticCustomer(i).orders.length;
  if (orders < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  return cpuSecondsOf(start);
};

/** One resegment invocation through DynamoDB Local, extrapolated to the Lambda's 15 minutes. */
const runInvocation = async ({ size, log, record }: BenchmarkContext): Promise<void> => {
  const customers = Math.min(size, INVOCATION_MAX_CUSTOMERS);
  log(`invocation: runResegmentation with the DynamoDB adapters, ${customers} customers`);
  const { first, steady, items, shards } = await measureSegmentInvocation({ customers, log });
  const describe = ({ seconds, cpuSeconds }: { seconds: number; cpuSeconds: number }) =>
    `${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU here`;
  log(`  first night ${describe(first)}; next night ${describe(steady)} (${items} items loaded)`);
  const rate = customers / steady.seconds;
  log(
    `  → ~${Math.floor(rate * INVOCATION_LIMIT_SECONDS).toLocaleString('en')} customers in 15 minutes, measured against DynamoDB Local (much slower than DynamoDB)`,
  );
  record({
    name: 'segment.invocation',
    value: rate,
    unit: 'customers/s',
    note: `DynamoDB Local, ${customers} customers, 2nd night, ${shards} shards; ≈ ${Math.floor(rate * INVOCATION_LIMIT_SECONDS)} per 15 min`,
  });
  const cpuRate = customers / steady.cpuSeconds;
  record({
    name: 'segment.invocation.cpu',
    value: cpuRate,
    unit: 'customers/CPU s',
    note: `this process only (core, SDK, marshalling); ≈ ${Math.floor(cpuRate * INVOCATION_LIMIT_SECONDS)} per 15 min of CPU`,
  });
};

export const segmentBenchmark: BenchmarkGroup = {
  name: 'segment',
  description:
    'features, RFM, lifecycle, 20 rules and k-means vs DuckDB computing RFM scores; one invocation',
  run: async (context) => {
    const { size, workDir, log, record } = context;
    const duck = await openDuckDb();
    try {
      const match = await checkScoresMatch(duck, context);

      log(`segmenting ${size.toLocaleString('en')} customers (records built on demand, twice)`);
      const generation = generationCpuSeconds(size);
      const rss = trackPeakRss();
      let seen = 0;
      const cpuStart = process.cpuUsage();
      const { seconds: wall } = await timeIt(() =>
        segmentCustomers({
          customers: syntheticCustomerSource(size),
          asOf: AS_OF,
          timeZone: TIME_ZONE,
          rules: benchSegmentRules,
          onCustomer: () => {
            seen += 1;
            // The passes are synchronous loops that starve the sampling timer.
            if (seen % 10_000 === 0) rss.sample();
          },
        }),
      );
      const grossCpu = cpuSecondsOf(cpuStart);
      const peakRss = rss.stop();
      // Both passes rebuild every record; that work is the benchmark's, not the core's.
      const coreCpu = Math.max(0.001, grossCpu - 2 * generation);
      log(
        `  ${grossCpu.toFixed(1)} s CPU in ${wall.toFixed(1)} s wall, of which ~${(2 * generation).toFixed(1)} s building records`,
      );
      log('core: features and R/F/M scores alone, the part the DuckDB query does');
      const rfm = measureCoreRfmCpu({
        size,
        asOf: AS_OF,
        timeZone: TIME_ZONE,
        generationSeconds: generation,
      });
      log(`  ${rfm.cpuSeconds.toFixed(1)} s CPU, ${rfm.scored} buyers scored`);

      log(`DuckDB: R/F/M and scores from the same ${size.toLocaleString('en')} customers' orders`);
      const ordersCsv = await writeSyntheticOrdersCsv({ dir: workDir, count: size });
      const threads = Number(
        (await duck.query(`SELECT current_setting('threads') AS t`))[0]?.t ?? 1,
      );
      const duckSeconds: Record<string, number> = {};
      for (const [label, count] of [
        ['duckdb', threads],
        ['duckdb-1-thread', 1],
      ] as const) {
        await duck.query(`SET threads = ${count}`);
        duckSeconds[label] = (
          await bestOf(3, () => timeIt(() => duck.query(timedRfmSql({ ordersCsv, asOf: AS_OF }))))
        ).seconds;
      }
      await duck.query(`SET threads = ${threads}`);

      const matchNote = match ? 'scores match on 10k' : 'SCORES DIFFER on 10k';
      record(
        durationAgainst({
          name: 'segment.core',
          value: coreCpu,
          unit: 's CPU',
          baseline: 'duckdb',
          baselineValue: duckSeconds.duckdb ?? 0,
          note: `${size} customers, 20 rules; ${matchNote}; DuckDB wall time, ${threads} threads`,
        }),
      );
      record(
        durationAgainst({
          name: 'segment.core.single-thread',
          value: coreCpu,
          unit: 's CPU',
          baseline: 'duckdb-1-thread',
          baselineValue: duckSeconds['duckdb-1-thread'] ?? 0,
          note: 'DuckDB with SET threads = 1',
        }),
      );
      record(
        rateAgainst({
          name: 'segment.rate',
          value: size / coreCpu,
          unit: 'customers/s',
          baseline: 'duckdb',
          baselineValue: size / (duckSeconds.duckdb ?? 1),
        }),
      );
      record({
        name: 'segment.core.gross',
        value: grossCpu,
        unit: 's CPU',
        note: 'with record building',
      });
      record({ name: 'segment.rss', value: peakRss, unit: 'MB' });
      for (const [suffix, baseline] of [
        ['', 'duckdb'],
        ['.single-thread', 'duckdb-1-thread'],
      ] as const) {
        record(
          durationAgainst({
            name: `segment.core.rfm${suffix}`,
            value: rfm.cpuSeconds,
            unit: 's CPU',
            baseline,
            baselineValue: duckSeconds[baseline] ?? 0,
            note: 'pass 1 + thresholds + order features and scores; no lifecycle, rules, clusters',
          }),
        );
      }
    } finally {
      duck.close();
    }
    await runInvocation(context);
  },
};
