import type { TargetField } from './column-target';
import { CsvRecordSplitter, type CsvRecord } from './csv-record-splitter';
import { decodeExportBytes, type Compression, type TextEncoding } from './decode-export-bytes';
import { detectDelimiter, type Delimiter } from './detect-delimiter';
import type { ParseContext } from './field-parsers';
import { finishEventRow } from './finish-event-row';
import { finishOrderRow } from './finish-order-row';
import { finishProfileRow } from './finish-profile-row';
import type { ImportKind } from './import-kind';
import { kindFromKey } from './import-keys';
import type { DateFormat, ImportMapping, OrderRules } from './import-mapping';
import {
  flattenJsonObject,
  JsonArraySplitter,
  NdjsonSplitter,
  type JsonRecord,
} from './json-record-splitter';
import { DateOrderEvidence } from './parse-date';
import type { ParsedBatch } from './parsed-row';
import { resolveColumnMapping, type ColumnMapping } from './resolve-column-mapping';
import { RowReader, type RowDraft } from './row-reader';

export type ExportFormat = 'csv' | 'json' | 'ndjson';

/** What Shoal found out about a file before reading its rows; the import report shows it. */
export interface ExportDetection {
  kind: ImportKind;
  format: ExportFormat;
  delimiter?: Delimiter;
  encoding: TextEncoding;
  compression: Compression;
  dateFormat: DateFormat;
  /**
   * `inferred`: unambiguous values decided (`iso`: the sample had no `1/2/2024`-like dates; any
   * later ones are read d/m/y); `default`: only ambiguous ones, read d/m/y.
   */
  dateFormatSource: 'mapping' | 'inferred' | 'preset' | 'default';
  preset?: string;
  rules: OrderRules;
}

export interface ParsedExport {
  detection: ExportDetection;
  /** Header → field in the mapping notation; JSON keys first seen late join as they appear. */
  mappingUsed(): Record<string, string>;
  /** Parsed rows in file order, one batch per slice of input; each record is in exactly one batch. */
  batches: AsyncIterable<ParsedBatch>;
}

/** Enough text to sniff the format and the delimiter from the first lines. */
const HEAD_CHARS = 64 * 1024;
/** At least this many records are held back to detect kind, preset and date order before parsing. */
const SAMPLE_RECORDS = 1_000;
const MIN_BIRTH_YEAR = 1900;
/** Nobody under ten is a customer: later birth years are typos. */
const MIN_CUSTOMER_AGE = 10;

const DATE_FIELDS: ReadonlySet<TargetField> = new Set([
  'birthDate',
  'signupAt',
  'consentAt',
  'updatedAt',
  'orderedAt',
  'occurredAt',
]);

const FINISHERS: Record<
  ImportKind,
  (draft: RowDraft, reader: RowReader, batch: ParsedBatch) => void
> = {
  customers: finishProfileRow,
  orders: finishOrderRow,
  events: finishEventRow,
};

async function* withHead(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (head !== '') yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

const readHead = async (
  text: AsyncIterable<string>,
): Promise<{ head: string; rest: AsyncIterator<string> }> => {
  const rest = text[Symbol.asyncIterator]();
  let head = '';
  while (head.length < HEAD_CHARS) {
    const next = await rest.next();
    if (next.done) break;
    head += next.value;
  }
  return { head, rest };
};

const sniffFormat = (head: string): ExportFormat => {
  const first = head.trimStart().charAt(0);
  if (first === '[') return 'json';
  if (first === '{') return 'ndjson';
  return 'csv';
};

const emptyBatch = (read: number): ParsedBatch => ({ read, rows: [], rejected: [], warnings: [] });

/** Holds back the first records of a stream so the file can be understood before it is parsed. */
const takeSample = async <T>(
  batches: AsyncIterator<T[]>,
): Promise<{ sample: T[]; rest: AsyncIterator<T[]> }> => {
  const sample: T[] = [];
  while (sample.length <= SAMPLE_RECORDS) {
    const next = await batches.next();
    if (next.done) break;
    for (const record of next.value) sample.push(record);
  }
  return { sample, rest: batches };
};

const decideDateFormat = (
  mapping: ColumnMapping,
  sampleDates: Iterable<string>,
): Pick<ExportDetection, 'dateFormat' | 'dateFormatSource'> => {
  if (mapping.dateFormat?.source === 'mapping') {
    return { dateFormat: mapping.dateFormat.format, dateFormatSource: 'mapping' };
  }
  const evidence = new DateOrderEvidence();
  for (const value of sampleDates) evidence.observe(value.trim());
  const proven = evidence.conclusion();
  if (proven) return { dateFormat: proven, dateFormatSource: 'inferred' };
  if (mapping.dateFormat)
    return { dateFormat: mapping.dateFormat.format, dateFormatSource: 'preset' };
  return evidence.slashDates > 0
    ? { dateFormat: 'dmy', dateFormatSource: 'default' }
    : { dateFormat: 'iso', dateFormatSource: 'inferred' };
};

const parseContext = (
  { dateFormat, dateFormatSource }: Pick<ExportDetection, 'dateFormat' | 'dateFormatSource'>,
  now: Date,
): ParseContext => ({
  // A sample without d/m/y-style dates says nothing about later ones: read those day first
  // rather than dropping them; only a mapping that says "iso" means ISO only.
  dateOrder: dateFormat === 'iso' && dateFormatSource !== 'mapping' ? 'dmy' : dateFormat,
  minBirthYear: MIN_BIRTH_YEAR,
  maxBirthYear: now.getUTCFullYear() - MIN_CUSTOMER_AGE,
});

/** What the CSV, JSON-array and NDJSON splitters share: records out of text chunks as they come. */
interface RecordSplitter<Record> {
  push(chunk: string, out: Record[]): void;
  end(out: Record[]): void;
}

async function* recordBatches<Record>(
  text: AsyncIterable<string>,
  splitter: RecordSplitter<Record>,
): AsyncGenerator<Record[]> {
  for await (const chunk of text) {
    const records: Record[] = [];
    splitter.push(chunk, records);
    if (records.length > 0) yield records;
  }
  const last: Record[] = [];
  splitter.end(last);
  if (last.length > 0) yield last;
}

/** Trailing empty cells (a delimiter at the end of every data line) are not an extra column. */
const hasOnlyEmptyExtras = (values: readonly string[], width: number): boolean => {
  for (let i = width; i < values.length; i++) if (values[i] !== '') return false;
  return true;
};

const openCsv = async (
  text: AsyncIterable<string>,
  delimiter: Delimiter,
  options: ParseOptions,
  base: Pick<ExportDetection, 'encoding' | 'compression'>,
): Promise<ParsedExport> => {
  const { sample, rest } = await takeSample(
    recordBatches(text, new CsvRecordSplitter(delimiter.charCodeAt(0)))[Symbol.asyncIterator](),
  );
  const headerRecord = sample.shift();
  const headers = (headerRecord?.values ?? []).map(
    (header, i) => header.trim() || `column_${i + 1}`,
  );
  const mapping = resolveColumnMapping({ headers, ...options });
  const dateColumns = headers.flatMap((header, i) => {
    const target = mapping.resolve(header);
    return target.to === 'field' && DATE_FIELDS.has(target.field) ? [i] : [];
  });
  const dates = sample.flatMap((record) => dateColumns.map((i) => record.values[i] ?? ''));
  const dateDecision = decideDateFormat(mapping, dates);
  const reader = new RowReader(mapping, parseContext(dateDecision, options.now), headers);
  const finish = FINISHERS[mapping.kind];
  const width = headers.length;

  const parse = (records: readonly CsvRecord[]): ParsedBatch => {
    const batch = emptyBatch(records.length);
    for (const record of records) {
      const values = record.values;
      if (
        values.length !== width &&
        !(values.length > width && hasOnlyEmptyExtras(values, width))
      ) {
        batch.rejected.push({
          line: record.line,
          reason: `has ${values.length} columns, the header has ${width}`,
        });
        continue;
      }
      finish(reader.read(record.line, values), reader, batch);
    }
    return batch;
  };

  async function* batches(): AsyncGenerator<ParsedBatch> {
    if (sample.length > 0) yield parse(sample);
    sample.length = 0;
    for (let next = await rest.next(); !next.done; next = await rest.next())
      yield parse(next.value);
  }

  return {
    detection: {
      ...base,
      format: 'csv',
      delimiter,
      kind: mapping.kind,
      ...dateDecision,
      ...presetOf(mapping),
      rules: mapping.rules,
    },
    mappingUsed: () => reader.mappingUsed(),
    batches: batches(),
  };
};

const presetOf = (mapping: ColumnMapping): { preset?: string } =>
  mapping.preset ? { preset: mapping.preset } : {};

type FlatRecord =
  { line: number; object: Record<string, string> } | { line: number; error: string };

const flatten = (record: JsonRecord): FlatRecord => {
  if ('error' in record) return record;
  const value = record.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { line: record.line, error: 'not a JSON object' };
  }
  return { line: record.line, object: flattenJsonObject(value as Record<string, unknown>) };
};

const openJson = async (
  text: AsyncIterable<string>,
  format: ExportFormat,
  options: ParseOptions,
  base: Pick<ExportDetection, 'encoding' | 'compression'>,
): Promise<ParsedExport> => {
  const { sample: rawSample, rest } = await takeSample(
    recordBatches<JsonRecord>(
      text,
      format === 'json' ? new JsonArraySplitter() : new NdjsonSplitter(),
    )[Symbol.asyncIterator](),
  );
  const sample = rawSample.map(flatten);
  const headers = [
    ...new Set(sample.flatMap((record) => ('object' in record ? Object.keys(record.object) : []))),
  ];
  const mapping = resolveColumnMapping({ headers, ...options });
  const dateKeys = headers.filter((header) => {
    const target = mapping.resolve(header);
    return target.to === 'field' && DATE_FIELDS.has(target.field);
  });
  const dates = sample.flatMap((record) =>
    'object' in record ? dateKeys.map((key) => record.object[key] ?? '') : [],
  );
  const dateDecision = decideDateFormat(mapping, dates);
  const reader = new RowReader(mapping, parseContext(dateDecision, options.now), headers);
  const finish = FINISHERS[mapping.kind];

  const parse = (records: readonly FlatRecord[]): ParsedBatch => {
    const batch = emptyBatch(records.length);
    for (const record of records) {
      if ('error' in record) batch.rejected.push({ line: record.line, reason: record.error });
      else finish(reader.readObject(record.line, record.object), reader, batch);
    }
    return batch;
  };

  async function* batches(): AsyncGenerator<ParsedBatch> {
    if (sample.length > 0) yield parse(sample);
    sample.length = 0;
    for (let next = await rest.next(); !next.done; next = await rest.next())
      yield parse(next.value.map(flatten));
  }

  return {
    detection: {
      ...base,
      format,
      kind: mapping.kind,
      ...dateDecision,
      ...presetOf(mapping),
      rules: mapping.rules,
    },
    mappingUsed: () => reader.mappingUsed(),
    batches: batches(),
  };
};

interface ParseOptions {
  kind?: ImportKind;
  mapping?: ImportMapping;
  /** The import's start: bounds plausible birth years. */
  now: Date;
}

/**
 * Parses, validates and normalises an export without touching any store (the benchmark measures
 * exactly this).
 * 1. Decodes the bytes (gzip, BOM, encoding) as a stream.
 * 2. Takes the kind from the argument or the key prefix (`imports/orders/…`), else headers decide.
 * 3. Sniffs the format from the first character (`[` JSON array, `{` NDJSON, else CSV) and the
 *    CSV delimiter from the first lines.
 * 4. Holds back the records of the first 64 KB (at least 1,000) to resolve the column mapping
 *    (preset, synonyms, kind) and the file's date order.
 * 5. Compiles one reader per column, then yields parsed batches: rows, rejections and warnings.
 */
export const parseExportRows = async ({
  source,
  key,
  ...options
}: ParseOptions & { source: AsyncIterable<Uint8Array>; key: string }): Promise<ParsedExport> => {
  options.kind ??= kindFromKey(key);
  const decoded = await decodeExportBytes({ source, key });
  const { head, rest } = await readHead(decoded.text);
  const text = withHead(head, rest);
  const base = { encoding: decoded.encoding, compression: decoded.compression };
  const format = sniffFormat(head);
  return format === 'csv'
    ? openCsv(text, detectDelimiter(head), options, base)
    : openJson(text, format, options, base);
};
