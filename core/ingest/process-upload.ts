import { isMappingKey, mappingKeyFor } from './import-keys';
import { buildImportReportFiles, importReportKeys } from './import-report-files';
import { emptyImportCounts, type ImportRecord, startImportRecord } from './import-record';
import { ingestCustomerExport, type IngestResult } from './ingest-customer-export';
import type { CustomerStore } from '../ports/customer-store';
import type { ImportStore, UploadRef } from '../ports/import-store';
import type { ObjectStore } from '../ports/object-store';
import type { Clock } from '../shared/clock';
import { importIdFor } from './import-id';

export const UPLOAD_PREFIX = 'imports/';
/** Longer than a Lambda can run, so a live worker never loses its claim. */
const CLAIM_LEASE_MS = 16 * 60 * 1000;

export interface UploadLimits {
  /** The largest object one invocation imports within its time limit (measured; see README). */
  maxBytes: number;
}

export type ProcessUploadResult =
  | { outcome: 'ignored'; reason: string }
  | { outcome: 'duplicate'; importId: string; status: ImportRecord['status'] }
  | { outcome: 'imported'; record: ImportRecord };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const tooLargeRecord = (
  record: ImportRecord,
  size: number,
  limits: UploadLimits,
  now: Date,
): ImportRecord => ({
  ...record,
  status: 'failed',
  counts: emptyImportCounts(),
  finishedAt: now.toISOString(),
  durationMs: 0,
  error:
    `The file is ${megabytes(size)}; one import handles up to ${megabytes(limits.maxBytes)}. ` +
    `Split it into parts of at most ${megabytes(limits.maxBytes)} (each with the header row, e.g. ` +
    `with \`split -C\`) and upload the parts.`,
});

/**
 * Turns one S3 upload notification into exactly one import.
 * 1. Ignores objects that are not exports: anything outside `imports/` and mapping files.
 * 2. Names the import after the object version and claims it; a duplicate delivery stops here.
 * 3. Refuses, with a failed record that says how to split, a file larger than one run handles.
 * 4. Reads the mapping uploaded next to the file (`<key>.mapping.json`) if there is one.
 * 5. Streams the file through ingestCustomerExport.
 * 6. Writes the report files under `reports/` (never under `imports/`, which would re-trigger),
 *    then the final import record. An unexpected failure leaves a failed record and rethrows so
 *    the trigger retries.
 */
export const processUpload = async ({
  upload,
  objects,
  imports,
  customers,
  clock,
  limits,
}: {
  upload: UploadRef;
  objects: ObjectStore;
  imports: ImportStore;
  customers: CustomerStore;
  clock: Clock;
  limits: UploadLimits;
}): Promise<ProcessUploadResult> => {
  if (!upload.key.startsWith(UPLOAD_PREFIX)) {
    return { outcome: 'ignored', reason: `${upload.key} is not under ${UPLOAD_PREFIX}` };
  }
  if (isMappingKey(upload.key)) {
    return {
      outcome: 'ignored',
      reason: `${upload.key} is a column mapping, read with its export`,
    };
  }

  const importId = importIdFor(upload);
  const started = clock();
  const running = startImportRecord({ id: importId, key: upload.key, startedAt: started });
  const claim = await imports.claimImport(
    running,
    new Date(started.getTime() + CLAIM_LEASE_MS).toISOString(),
    started.toISOString(),
  );
  if (!claim.claimed) return { outcome: 'duplicate', importId, status: claim.status };

  try {
    const result =
      upload.size !== undefined && upload.size > limits.maxBytes
        ? {
            record: tooLargeRecord(running, upload.size, limits, clock()),
            rejected: [],
            warnings: [],
          }
        : await ingest({ upload, running, objects, customers, clock });
    // The import started when it was claimed; keep that instant so the record stays one entry.
    const record = withClaimStart(result.record, running.startedAt);
    await writeReport(objects, { ...result, record });
    await imports.saveImport(record);
    return { outcome: 'imported', record };
  } catch (error) {
    // Leave a visible failed record (which a redelivery may claim again), then let the trigger retry.
    await imports.saveImport({
      ...running,
      status: 'failed',
      finishedAt: clock().toISOString(),
      error: `Import interrupted and will be retried: ${(error as Error).message}`,
    });
    throw error;
  }
};

const withClaimStart = (record: ImportRecord, startedAt: string): ImportRecord => {
  const finishedAt = record.finishedAt ?? startedAt;
  return {
    ...record,
    startedAt,
    durationMs: Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt)),
  };
};

const readMapping = async (
  objects: ObjectStore,
  key: string,
): Promise<{ mapping?: unknown; error?: string }> => {
  const mappingKey = mappingKeyFor(key);
  const text = await objects.readText(mappingKey);
  if (text === undefined) return {};
  try {
    return { mapping: JSON.parse(text) };
  } catch (error) {
    return { error: `${mappingKey} is not valid JSON: ${(error as Error).message}` };
  }
};

const writeReport = async (objects: ObjectStore, result: IngestResult): Promise<void> => {
  const files = buildImportReportFiles(result);
  const keys = importReportKeys(result.record.id);
  await objects.write(keys.summary, files.summaryJson, 'application/json');
  await objects.write(keys.rejected, files.rejectedCsv, 'text/csv; charset=utf-8');
  await objects.write(keys.warnings, files.warningsCsv, 'text/csv; charset=utf-8');
};

const ingest = async ({
  upload,
  running,
  objects,
  customers,
  clock,
}: {
  upload: UploadRef;
  running: ImportRecord;
  objects: ObjectStore;
  customers: CustomerStore;
  clock: Clock;
}): Promise<IngestResult> => {
  const { mapping, error } = await readMapping(objects, upload.key);
  return error
    ? {
        record: { ...running, status: 'failed' as const, finishedAt: clock().toISOString(), error },
        rejected: [],
        warnings: [],
      }
    : await ingestCustomerExport({
        source: await objects.read(upload.key),
        key: upload.key,
        sourceTime: upload.uploadedAt ? new Date(upload.uploadedAt) : new Date(running.startedAt),
        store: customers,
        clock,
        ...(mapping !== undefined && { mapping }),
        importId: running.id,
      });
};
