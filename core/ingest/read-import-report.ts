import { CsvRecordSplitter, type CsvRecord } from './csv-record-splitter';
import type { ImportRecord } from './import-record';
import { importReportKeys } from './import-report-files';
import type { ImportStore } from '../ports/import-store';
import type { ObjectStore } from '../ports/object-store';
import { NotFoundError } from '../shared/errors';

export interface ReportedRow {
  file: string;
  line: number;
  reason: string;
  column?: string;
  value?: string;
}

/** Reads one of the report's CSVs back into rows by its header names. */
const parseReportCsv = (text: string | undefined): Record<string, string>[] => {
  if (text === undefined) return [];
  const records: CsvRecord[] = [];
  const splitter = new CsvRecordSplitter(','.charCodeAt(0));
  splitter.push(text, records);
  splitter.end(records);
  const [header, ...rows] = records;
  if (header === undefined) return [];
  return rows.map((row) =>
    Object.fromEntries(header.values.map((name, i) => [name, row.values[i] ?? ''])),
  );
};

const toReportedRow = (row: Record<string, string>): ReportedRow => ({
  file: row.file ?? '',
  line: Number(row.line),
  reason: row.reason ?? '',
  ...(row.column ? { column: row.column } : {}),
  ...(row.value ? { value: row.value } : {}),
});

/**
 * An import with its rejected rows and warnings, as the report files in the bucket list them
 * (the first 10,000 of each; the counts stay exact). NotFoundError for an unknown import.
 */
export const readImportReport = async ({
  importId,
  imports,
  objects,
}: {
  importId: string;
  imports: ImportStore;
  objects: ObjectStore;
}): Promise<{ import: ImportRecord; rejected: ReportedRow[]; warnings: ReportedRow[] }> => {
  const record = await imports.getImport(importId);
  if (record === undefined) throw new NotFoundError(`no import ${importId}`, { importId });
  const keys = importReportKeys(importId);
  const [rejected, warnings] = await Promise.all([
    objects.readText(keys.rejected),
    objects.readText(keys.warnings),
  ]);
  return {
    import: record,
    rejected: parseReportCsv(rejected).map(toReportedRow),
    warnings: parseReportCsv(warnings).map(toReportedRow),
  };
};
