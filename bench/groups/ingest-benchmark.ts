import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { startLocalAws } from '../../infra/local/start-local-aws';
import type { BenchmarkContext, BenchmarkGroup } from '../benchmark-group';
import { bestOf } from '../best-of';
import { openDuckDb } from '../duckdb-session';
import { generateCustomerCsv } from '../generate-customer-csv';
import { generateOrdersCsv } from '../generate-orders-csv';
import { rateAgainst } from '../measurement';
import { measureCoreParse } from '../measure-core-parse';
import { measureDuckDbCsv } from '../measure-duckdb-csv';
import {
  measureEndToEndIngest,
  measureRawBatchWrites,
  sampleImportedProfile,
} from '../measure-dynamodb-ingest';

/** DynamoDB Local writes a few thousand items a second: more rows would take many minutes. */
const E2E_MAX_ROWS = 50_000;

/** Core and DuckDB runs per figure; the fastest counts. */
const REPEATS = 3;
const WARM_UP_ROWS = 5_000;

const KINDS = [
  { kind: 'customers', name: 'ingest.core', key: 'imports/customers/bench.csv' },
  { kind: 'orders', name: 'ingest.core.orders', key: 'imports/orders/bench.csv' },
] as const;

/** Core parse rate per file against DuckDB reading and aggregating the same file, both ways. */
const runCoreVersusDuckDb = async (
  { size, log, record }: BenchmarkContext,
  files: Record<(typeof KINDS)[number]['kind'], string>,
): Promise<void> => {
  const duck = await openDuckDb();
  try {
    for (const { kind, name, key } of KINDS) {
      log(`core: parsing ${size.toLocaleString('en')} ${kind} rows, best of ${REPEATS}`);
      const core = await bestOf(REPEATS, () => measureCoreParse({ path: files[kind], key }));
      log(
        `  ${core.rows} rows, ${core.rejected} rejected, ${core.warnings} warnings in ${core.seconds.toFixed(2)} s`,
      );
      const coreRate = core.records / core.seconds;
      if (kind === 'customers') {
        record({ name: 'ingest.core.rss', value: core.peakRssMb, unit: 'MB' });
      } else {
        record({ name: 'ingest.core.orders.rss', value: core.peakRssMb, unit: 'MB' });
      }
      const threads = await duck.query(`SELECT current_setting('threads') AS threads`);
      const defaultThreads = Number(threads[0]?.threads ?? 1);
      for (const [suffix, baseline, count] of [
        ['', 'duckdb', defaultThreads],
        ['.single-thread', 'duckdb-1-thread', 1],
      ] as const) {
        const { seconds } = await bestOf(REPEATS, async () => ({
          seconds: await measureDuckDbCsv({ duck, file: files[kind], kind, threads: count }),
        }));
        record(
          rateAgainst({
            name: `${name}${suffix}`,
            value: coreRate,
            unit: 'rows/s',
            baseline,
            baselineValue: size / seconds,
            note: `DuckDB ${count} thread(s), ${size} rows`,
          }),
        );
      }
      // Restore the default so the next file's first baseline uses every core again.
      await duck.query(`SET threads = ${defaultThreads}`);
    }
  } finally {
    duck.close();
  }
};

/** Import through DynamoDB Local against the same server's raw BatchWriteItem rate. */
const runEndToEnd = async ({ size, workDir, log, record }: BenchmarkContext): Promise<void> => {
  const rows = Math.min(size, E2E_MAX_ROWS);
  const dir = join(workDir, 'e2e');
  await mkdir(dir, { recursive: true });
  // The generator is seeded, so these rows are the first rows of the core benchmark's file.
  const path = await generateCustomerCsv({ dir, rows });
  log(`e2e: starting DynamoDB Local, importing ${rows.toLocaleString('en')} customers`);
  const aws = await startLocalAws();
  const clients = createAwsClients(aws.config.clients);
  try {
    const tableName = aws.config.tables.customers;
    const { documents } = clients;
    const template = await sampleImportedProfile(path);
    // DynamoDB Local is a JVM: its first thousands of writes are slow while it warms up, which
    // would count against whichever side ran first.
    log(`  warming DynamoDB Local up with ${WARM_UP_ROWS} rows of raw writes`);
    await measureRawBatchWrites({
      documents,
      tableName,
      rows: WARM_UP_ROWS,
      template,
      prefix: 'warm',
    });
    // Raw writes before and after the import: the server slows as its table grows, and the
    // mean of the two brackets that drift instead of handing it to one side.
    const before = await measureRawBatchWrites({
      documents,
      tableName,
      rows,
      template,
      prefix: 'rawa',
    });
    const e2e = await measureEndToEndIngest({ documents, tableName, path });
    const after = await measureRawBatchWrites({
      documents,
      tableName,
      rows,
      template,
      prefix: 'rawb',
    });
    log(
      `  import: ${JSON.stringify(e2e.counts)}, ${e2e.itemsWritten} items in ${e2e.seconds.toFixed(1)} s`,
    );
    const waits = Object.entries(e2e.storeSeconds).map(([call, s]) => `${call} ${s.toFixed(1)} s`);
    log(`  waiting on the store: ${waits.join(', ')}`);
    log(
      `  raw: ${rows * 3} items in ${before.seconds.toFixed(1)} s before, ${after.seconds.toFixed(1)} s after; ${before.failed + after.failed} failed`,
    );
    record(
      rateAgainst({
        name: 'ingest.e2e',
        value: rows / e2e.seconds,
        unit: 'rows/s',
        baseline: 'dynamodb-local-raw',
        baselineValue: rows / ((before.seconds + after.seconds) / 2),
        note: `${rows} rows; ${e2e.itemsWritten} items vs ${rows * 3} raw (mean of before/after)`,
      }),
    );
  } finally {
    clients.dynamodb.destroy();
    await aws.stop();
  }
};

export const ingestBenchmark: BenchmarkGroup = {
  name: 'ingest',
  description: 'parse+validate+normalise vs DuckDB; import into DynamoDB Local vs raw writes',
  run: async (context) => {
    const { size, workDir, log } = context;
    log(`generating ${size.toLocaleString('en')} customers and order lines in ${workDir}`);
    const [customers, orders] = await Promise.all([
      generateCustomerCsv({ dir: workDir, rows: size }),
      generateOrdersCsv({ dir: workDir, lines: size, customers: size }),
    ]);
    await runCoreVersusDuckDb(context, { customers, orders });
    await runEndToEnd(context);
  },
};
