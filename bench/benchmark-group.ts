import type { Measurement } from './measurement';

export interface BenchmarkContext {
  /** Rows or customers the group should work on. */
  size: number;
  /** Where generated files go; removed after the run. */
  workDir: string;
  /** Progress for a human (stderr), so `--json` output on stdout stays machine-readable. */
  log: (message: string) => void;
  /** Each measurement as soon as it exists, so a long run shows figures before it ends. */
  record: (measurement: Measurement) => void;
}

/** One capability's benchmarks; adding a group is one file plus one line in `groups/index.ts`. */
export interface BenchmarkGroup {
  name: string;
  description: string;
  run: (context: BenchmarkContext) => Promise<void>;
}
