import type { BenchmarkGroup } from '../benchmark-group';
import { apiBenchmark } from './api-benchmark';
import { ingestBenchmark } from './ingest-benchmark';
import { segmentBenchmark } from './segment-benchmark';
import { sendBenchmark } from './send-benchmark';

/** Every group, in the order a full run takes them: a new group is one line here. */
export const benchmarkGroups: readonly BenchmarkGroup[] = [
  ingestBenchmark,
  segmentBenchmark,
  sendBenchmark,
  apiBenchmark,
];
