import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { ImportKind } from '../../core/ingest/import-kind';
import type { ImportRecord } from '../../core/ingest/import-record';
import type { ApiClient } from '../api-client';
import { apiClientFor, type ApiTargetOptions, withApiTarget } from '../api-target-option';
import { EXIT_CODES } from '../exit-codes';
import { formatCount, formatMegabytes, formatSeconds } from '../format-numbers';
import { formatTable } from '../format-table';
import type { ImportReport, ImportsPage } from '../import-types';
import { pollUntil } from '../poll-until';
import { printJson } from '../print-json';
import { type ProgressIndicator, startProgress } from '../progress-indicator';
import { putFile } from '../put-file';
import { paintStatus, terminalStyle, type TerminalStyle } from '../terminal-style';

/** Longer than the ingest function may run, so a slow import is waited for, not abandoned. */
const IMPORT_TIMEOUT_MS = 16 * 60_000;
const SHOWN_REJECTED_ROWS = 10;

interface UploadUrl {
  url: string;
  key: string;
  expiresAt: string;
  /** A presigned PUT for `<key>.mapping.json`, when asked for with `withMapping`. */
  mappingUrl?: string;
}

interface UploadOptions extends ApiTargetOptions {
  kind: ImportKind;
  mapping?: string;
  json?: boolean;
}

const assertFile = async ({ path, name }: { path: string; name: string }): Promise<void> => {
  const found = await stat(path).catch(() => undefined);
  if (!found?.isFile()) throw new Error(`${name} ${path}: no such file`);
};

/** A mapping that is not JSON would fail the whole import; say so before anything is uploaded. */
const checkMapping = async ({ path }: { path: string }): Promise<void> => {
  await assertFile({ path, name: '--mapping' });
  try {
    JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`--mapping ${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
};

const requestUploadUrl = async ({
  api,
  fileName,
  kind,
  withMapping,
}: {
  api: ApiClient;
  fileName: string;
  kind: ImportKind;
  withMapping: boolean;
}): Promise<UploadUrl> => {
  const upload = await api.request<UploadUrl>({
    method: 'POST',
    path: '/v1/imports/upload-url',
    body: { fileName, kind, ...(withMapping && { withMapping: true }) },
    flags: { fileName: 'FILE', kind: '--kind' },
  });
  // The mapping must sit at exactly `<key>.mapping.json` (core/ingest/import-keys.ts), a key only
  // the API can sign; an API that ignores `withMapping` cannot take a mapping.
  if (withMapping && upload.mappingUrl === undefined) {
    throw new Error(
      'this API does not hand out an upload URL for a mapping (POST /v1/imports/upload-url returned no mappingUrl); upload without --mapping, or put the mapping beside the export in the bucket as <key>.mapping.json',
    );
  }
  return upload;
};

const waitForImport = ({
  api,
  key,
  progress,
}: {
  api: ApiClient;
  key: string;
  progress: ProgressIndicator;
}): Promise<ImportRecord> =>
  pollUntil({
    read: async () =>
      (await api.request<ImportsPage>({ path: '/v1/imports' })).items.find(
        (record) => record.key === key,
      ),
    isDone: (record): record is ImportRecord => record !== undefined && record.status !== 'running',
    onRead: (record, elapsed) =>
      progress.update({
        label: `${record ? 'importing' : 'waiting for the import to start'} (${formatSeconds(elapsed)})`,
      }),
    waitingFor: `the import of ${key}`,
    timeoutMs: IMPORT_TIMEOUT_MS,
  });

/** Uploads the mapping (first: the export's upload starts the import, which reads it), then the export, then waits. */
const sendAndFollow = async ({
  api,
  upload,
  file,
  mapping,
  progress,
}: {
  api: ApiClient;
  upload: UploadUrl;
  file: string;
  mapping?: string;
  progress: ProgressIndicator;
}): Promise<ImportRecord> => {
  if (mapping !== undefined && upload.mappingUrl !== undefined) {
    await putFile({ url: upload.mappingUrl, path: mapping });
  }
  await putFile({
    url: upload.url,
    path: file,
    onProgress: (sent, total) =>
      progress.update({
        label: `uploading ${basename(file)}: ${formatMegabytes(sent)} of ${formatMegabytes(total)}`,
        fraction: total === 0 ? 1 : sent / total,
      }),
  });
  return waitForImport({ api, key: upload.key, progress });
};

/** The outcome, every count, and the first rejected rows with their line, column and reason. */
export const formatImportReport = ({
  report,
  style,
}: {
  report: ImportReport;
  style: TerminalStyle;
}): string => {
  const record = report.import;
  const status = paintStatus({ style, status: record.status })(record.status);
  const took = record.durationMs === undefined ? '' : ` in ${formatSeconds(record.durationMs)}`;
  const lines = [`Import ${record.id} ${status}${took}: ${record.key}`];
  if (record.error) lines.push(style.red(record.error));
  const counts = record.counts;
  lines.push(
    '',
    formatTable({
      columns: [{ header: 'ROWS' }, { header: '', align: 'right' }],
      rows: [
        ['read', formatCount(counts.read)],
        ['inserted', formatCount(counts.inserted)],
        ['updated', formatCount(counts.updated)],
        ['unchanged', formatCount(counts.unchanged)],
        ['rejected', formatCount(counts.rejected)],
        ['failed', formatCount(counts.failed)],
        ['warnings', formatCount(counts.warnings)],
        ['profiles created', formatCount(counts.profilesCreated)],
      ],
    }),
  );
  if (report.rejected.length > 0) {
    const shown = report.rejected.slice(0, SHOWN_REJECTED_ROWS);
    lines.push(
      '',
      `Rejected rows (first ${formatCount(shown.length)} of ${formatCount(counts.rejected)}):`,
      formatTable({
        columns: [
          { header: 'LINE', align: 'right' },
          { header: 'COLUMN' },
          { header: 'VALUE' },
          { header: 'REASON' },
        ],
        rows: shown.map((row) => [String(row.line), row.column ?? '', row.value ?? '', row.reason]),
      }),
    );
  }
  return lines.join('\n');
};

/** `shoal upload FILE`: the same path an export takes in production, followed to its report. */
export const uploadCommand = (): Command =>
  withApiTarget(
    new Command('upload')
      .description(
        'Upload an export through a presigned URL into the import folder and follow the import to its report (exit code 2 when it is partially-failed or failed)',
      )
      .argument('<file>', 'a customer, order or event export (CSV, JSON, NDJSON, optionally .gz)')
      .addOption(
        new Option('--kind <kind>', 'what the file holds')
          .choices(ImportKind.options)
          .default('customers'),
      )
      .option('--mapping <file>', 'a column mapping (JSON), uploaded beside the export first')
      .option('--json', 'print the API’s import report as JSON'),
  ).action(async (file: string, options: UploadOptions) => {
    await assertFile({ path: file, name: 'FILE' });
    if (options.mapping) await checkMapping({ path: options.mapping });
    const api = await apiClientFor(options);
    const upload = await requestUploadUrl({
      api,
      fileName: basename(file),
      kind: options.kind,
      withMapping: options.mapping !== undefined,
    });
    const progress = startProgress();
    const finished = await sendAndFollow({
      api,
      upload,
      file,
      mapping: options.mapping,
      progress,
    }).finally(progress.stop);
    const report = await api.request<ImportReport>({
      path: `/v1/imports/${encodeURIComponent(finished.id)}`,
    });
    if (options.json) printJson(report);
    else console.log(formatImportReport({ report, style: terminalStyle() }));
    if (report.import.status !== 'succeeded') process.exitCode = EXIT_CODES.outcomeNotSucceeded;
  });
