import { createReadStream } from 'node:fs';
import { parseExportRows } from '../core/ingest/parse-export-rows';
import { trackPeakRss } from './peak-rss';

export interface CoreParseResult {
  records: number;
  rows: number;
  rejected: number;
  warnings: number;
  seconds: number;
  peakRssMb: number;
}

/**
 * Parses, validates and normalises a file with the core, exactly as an import does before any
 * store is touched; batches are counted and dropped so memory shows the streaming cost only.
 */
export const measureCoreParse = async ({
  path,
  key,
}: {
  path: string;
  key: string;
}): Promise<CoreParseResult> => {
  const rss = trackPeakRss();
  const started = performance.now();
  const parsed = await parseExportRows({
    source: createReadStream(path),
    key,
    now: new Date('2026-01-01T00:00:00Z'),
  });
  let records = 0;
  let rows = 0;
  let rejected = 0;
  let warnings = 0;
  for await (const batch of parsed.batches) {
    records += batch.read;
    rows += batch.rows.length;
    rejected += batch.rejected.length;
    warnings += batch.warnings.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { records, rows, rejected, warnings, seconds, peakRssMb: rss.stop() };
};
