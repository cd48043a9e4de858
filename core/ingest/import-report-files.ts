import { toCsvLine } from '../shared/csv-cell';
import type { ImportRecord } from './import-record';
import { ORDER_RULES } from './order-rules';
import type { RejectedRow, RowWarning } from './row-issues';

export interface ImportReportFiles {
  summaryJson: string;
  rejectedCsv: string;
  warningsCsv: string;
}

/** The named order rules the import used, with what each means, so the summary explains itself. */
const rulesApplied = (record: ImportRecord) =>
  Object.entries(record.detection?.rules ?? {}).flatMap(([name, value]) =>
    value === undefined || value === false
      ? []
      : [{ name, value, meaning: ORDER_RULES[name as keyof typeof ORDER_RULES] }],
  );

/** Where an import's report files live, next to each other, named by import id. */
export const importReportKeys = (importId: string) => ({
  summary: `reports/imports/${importId}/summary.json`,
  rejected: `reports/imports/${importId}/rejected.csv`,
  warnings: `reports/imports/${importId}/warnings.csv`,
});

/**
 * Builds the files a user downloads after an import: the record as JSON, and the rejected rows
 * and warnings as CSV, escaped so a crafted cell cannot run as a spreadsheet formula.
 */
export const buildImportReportFiles = ({
  record,
  rejected,
  warnings,
}: {
  record: ImportRecord;
  rejected: readonly RejectedRow[];
  warnings: readonly RowWarning[];
}): ImportReportFiles => {
  const rejectedLines = rejected.map((row) =>
    toCsvLine([record.key, row.line, row.reason, row.column, row.value]),
  );
  const warningLines = warnings.map((warning) =>
    toCsvLine([record.key, warning.line, warning.column, warning.value, warning.reason]),
  );
  return {
    summaryJson: `${JSON.stringify({ ...record, rulesApplied: rulesApplied(record) }, null, 2)}\n`,
    rejectedCsv: [
      toCsvLine(['file', 'line', 'reason', 'column', 'value']),
      ...rejectedLines,
      '',
    ].join('\r\n'),
    warningsCsv: [
      toCsvLine(['file', 'line', 'column', 'value', 'reason']),
      ...warningLines,
      '',
    ].join('\r\n'),
  };
};
