import { emptyImportCounts, type ImportCounts } from './import-record';
import type { MergeOutcome } from './merge-profile';
import type { ParsedBatch } from './parsed-row';
import type { RejectedRow, RowWarning } from './row-issues';

/** How many rejections and warnings an import keeps in memory for its report; counts stay exact. */
export const MAX_KEPT_ISSUES = 10_000;

/** The running totals of one import, with the first rejections and warnings kept for the report. */
export class ImportTally {
  readonly counts: ImportCounts = emptyImportCounts();
  readonly rejected: RejectedRow[] = [];
  readonly warnings: RowWarning[] = [];
  truncated = false;

  addParsed(batch: ParsedBatch): void {
    this.counts.read += batch.read;
    this.counts.rejected += batch.rejected.length;
    this.counts.warnings += batch.warnings.length;
    this.keep(this.rejected, batch.rejected);
    this.keep(this.warnings, batch.warnings);
  }

  count(outcome: MergeOutcome, rows = 1): void {
    this.counts[outcome] += rows;
  }

  /** Accepted rows the store could not write: counted as failed and listed with the rejections. */
  fail(lines: readonly number[], reason: string): void {
    this.counts.failed += lines.length;
    this.keep(
      this.rejected,
      lines.map((line) => ({ line, reason: `write failed: ${reason}` })),
    );
  }

  private keep<T>(list: T[], items: readonly T[]): void {
    const room = MAX_KEPT_ISSUES - list.length;
    if (items.length > room) this.truncated = true;
    for (let i = 0; i < Math.min(room, items.length); i++) list.push(items[i] as T);
  }
}
