import { CsvRecordSplitter, type CsvRecord } from '../ingest/csv-record-splitter';
import { importReportKeys } from '../ingest/import-report-files';
import type { ObjectStore } from '../ports/object-store';
import { toCsvLine } from '../shared/csv-cell';

const REPORTS_PREFIX = 'reports/imports/';
/** Only these cells carry row content; `file` and `column` name the upload and its header. */
const CONTENT_COLUMNS = ['value', 'reason'];

/** One report CSV split into the rows that name the person and the rest. */
export interface ReportSplit {
  key: string;
  header: string[];
  kept: string[][];
  mentioning: string[][];
}

/** The rejected-rows and warnings CSVs of every import still in the bucket. */
export const listImportReportCsvKeys = async ({
  objects,
}: {
  objects: Pick<ObjectStore, 'list'>;
}): Promise<string[]> => {
  const keys = await objects.list(REPORTS_PREFIX);
  return keys.filter((key) => {
    const importId = key.slice(REPORTS_PREFIX.length).split('/')[0] ?? '';
    const { rejected, warnings } = importReportKeys(importId);
    return key === rejected || key === warnings;
  });
};

/**
 * Whether `text` names an identifier: case-insensitively, and not as part of a longer word or
 * number, so erasing customer `42` does not also drop a row whose value is `1420.50`.
 */
export const mentionsAny = (text: string, identifiers: readonly string[]): boolean => {
  const haystack = text.toLowerCase();
  return identifiers.some((identifier) => {
    const needle = identifier.toLowerCase();
    if (needle === '') return false;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      const before = haystack[at - 1];
      const after = haystack[at + needle.length];
      if (!isWordCharacter(before) && !isWordCharacter(after)) return true;
    }
    return false;
  });
};

const isWordCharacter = (character: string | undefined): boolean =>
  character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** Splits one report CSV on whether a row's value or reason names one of the identifiers. */
export const splitReport = ({
  key,
  text,
  identifiers,
}: {
  key: string;
  text: string;
  identifiers: readonly string[];
}): ReportSplit => {
  const records: CsvRecord[] = [];
  const splitter = new CsvRecordSplitter(','.charCodeAt(0));
  splitter.push(text, records);
  splitter.end(records);
  const [header, ...rows] = records.map((record) => record.values);
  const split: ReportSplit = { key, header: header ?? [], kept: [], mentioning: [] };
  const content = CONTENT_COLUMNS.map((name) => split.header.indexOf(name)).filter((i) => i >= 0);
  for (const row of rows) {
    const named = content.some((i) => mentionsAny(row[i] ?? '', identifiers));
    (named ? split.mentioning : split.kept).push(row);
  }
  return split;
};

/** The report as written by ingest: CRLF lines, formula-safe cells, a final line break. */
export const reportText = (split: ReportSplit): string =>
  [split.header, ...split.kept].map((row) => `${toCsvLine(row)}\r\n`).join('');
