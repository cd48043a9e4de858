import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarkGroups } from './groups';
import type { Measurement } from './measurement';
import { BenchArgsError, parseBenchArgs } from './parse-bench-args';
import { measurementJson, measurementTable } from './print-measurements';

/**
 * `npm run bench -- [--only GROUP] [--size N] [--json]`: runs the benchmark groups and prints
 * their measurements. Progress goes to stderr so `--json` stdout is one measurement per line.
 */
const main = async (): Promise<number> => {
  let args;
  try {
    args = parseBenchArgs(
      process.argv.slice(2),
      benchmarkGroups.map((group) => group.name),
    );
  } catch (error) {
    if (!(error instanceof BenchArgsError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    return 2;
  }
  const { json, only, size } = args;
  const groups = benchmarkGroups.filter((group) => only === undefined || group.name === only);
  const measurements: Measurement[] = [];
  const workDir = await mkdtemp(join(tmpdir(), 'shoal-bench-'));
  const log = (message: string): void => {
    process.stderr.write(`${message}\n`);
  };
  try {
    for (const group of groups) {
      // Wall-clock figures mean little on a busy machine: say how busy it was.
      const load = loadavg()[0]?.toFixed(1);
      log(
        `== ${group.name}: ${group.description} (size ${size.toLocaleString('en')}, load ${load})`,
      );
      await group.run({
        size,
        workDir,
        log,
        record: (measurement) => {
          measurements.push(measurement);
          if (json) process.stdout.write(`${measurementJson(measurement)}\n`);
          else log(`  → ${measurement.name} ${measurementJson(measurement)}`);
        },
      });
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  if (!json) process.stdout.write(`${measurementTable(measurements)}\n`);
  return 0;
};

process.exitCode = await main();
