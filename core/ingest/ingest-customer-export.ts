import type { CustomerStore } from '../ports/customer-store';
import { assertNever } from '../shared/assert-never';
import type { Clock } from '../shared/clock';
import { OrderAssembler, type OrderDraft } from './assemble-orders';
import type { ImportKind } from './import-kind';
import { kindFromKey } from './import-keys';
import { parseImportMapping } from './import-mapping';
import type { ImportRecord, ImportStatus } from './import-record';
import { ImportTally } from './import-tally';
import type { EventRow, OrderRow, ParsedBatch, ParsedRow, ProfileRow } from './parsed-row';
import { parseExportRows, type ParsedExport } from './parse-export-rows';
import type { RejectedRow, RowWarning } from './row-issues';
import { writeEventRows } from './write-event-rows';
import { writeOrderDrafts, type WrittenOrders } from './write-order-drafts';
import { writeProfileRows } from './write-profile-rows';

/** Rows resolved, merged and written together: one identity look-up and one save per batch. */
export const INGEST_BATCH_ROWS = 500;

export interface IngestResult {
  record: ImportRecord;
  /** The first 10,000 rejected rows, then write failures; `record.counts` stays exact. */
  rejected: RejectedRow[];
  warnings: RowWarning[];
}

/** Consumes parsed rows in batches and writes them through the store, per kind. */
interface RowSink {
  add(rows: readonly ParsedRow[]): Promise<void>;
  finish(): Promise<void>;
}

const batchingSink = <T extends ParsedRow>(write: (rows: T[]) => Promise<void>): RowSink => {
  let pending: T[] = [];
  return {
    async add(rows) {
      for (const row of rows) pending.push(row as T);
      if (pending.length >= INGEST_BATCH_ROWS) {
        const batch = pending;
        pending = [];
        await write(batch);
      }
    },
    async finish() {
      if (pending.length > 0) await write(pending);
      pending = [];
    },
  };
};

const orderSink = (context: SinkContext, parsed: ParsedExport): RowSink => {
  const assembler = new OrderAssembler();
  const written: WrittenOrders = new Map();
  const write = async (drafts: OrderDraft[], final: boolean) => {
    for (let i = 0; i < drafts.length; i += INGEST_BATCH_ROWS) {
      await writeOrderDrafts({
        drafts: drafts.slice(i, i + INGEST_BATCH_ROWS),
        rules: parsed.detection.rules,
        written,
        final,
        hold: (draft) => assembler.hold(draft),
        ...context,
      });
    }
  };
  return {
    async add(rows) {
      for (const row of rows) assembler.add(row as OrderRow);
      await write(assembler.takeReady(INGEST_BATCH_ROWS), false);
    },
    async finish() {
      await write(assembler.takeAll(), true);
    },
  };
};

interface SinkContext {
  store: CustomerStore;
  sourceTime: string;
  now: string;
  tally: ImportTally;
}

const sinkFor = (kind: ImportKind, context: SinkContext, parsed: ParsedExport): RowSink => {
  switch (kind) {
    case 'customers':
      return batchingSink<ProfileRow>((rows) => writeProfileRows({ rows, ...context }));
    case 'orders':
      return orderSink(context, parsed);
    case 'events':
      return batchingSink<EventRow>((rows) => writeEventRows({ rows, ...context }));
    default:
      return assertNever(kind);
  }
};

const messageOf = (caught: unknown): string =>
  caught instanceof Error ? caught.message : String(caught);

const finalStatus = (tally: ImportTally): ImportStatus => {
  const { read, rejected, failed } = tally.counts;
  if (read > 0 && rejected + failed === read) return 'failed';
  return rejected + failed > 0 ? 'partially-failed' : 'succeeded';
};

/**
 * Imports one uploaded export into the customer store.
 * 1. Validates the optional mapping and takes the kind from the argument or the key prefix.
 * 2. Streams the file through parseExportRows (format, mapping and date order detected).
 * 3. Writes accepted rows in batches of 500: profiles merge field by field, order lines assemble
 *    into orders, events de-duplicate; nothing unchanged is written.
 * 4. Returns the import record with exact counts, plus the first rejected rows and warnings.
 * A file that cannot be read (bad mapping, corrupt gzip) ends the import as `failed` with the
 * counts so far: a report the user can act on. A store error is thrown instead, so the trigger
 * retries; writes are idempotent, so a retry cannot double-count.
 */
export const ingestCustomerExport = async ({
  source,
  key,
  sourceTime,
  store,
  clock,
  mapping,
  kind,
  importId,
}: {
  source: AsyncIterable<Uint8Array>;
  key: string;
  /** When the upload happened; values of rows without their own updated-at date are this old. */
  sourceTime: Date;
  store: CustomerStore;
  clock: Clock;
  /** A mapping document as uploaded (validated here). */
  mapping?: unknown;
  kind?: ImportKind;
  importId: string;
}): Promise<IngestResult> => {
  const started = clock();
  const requestedKind = kind ?? kindFromKey(key);
  const tally = new ImportTally();
  let parsed: ParsedExport | undefined;
  let error: string | undefined;
  try {
    parsed = await parseExportRows({
      source,
      key,
      kind: requestedKind,
      ...(mapping !== undefined ? { mapping: parseImportMapping(mapping) } : {}),
      now: started,
    });
  } catch (caught) {
    error = messageOf(caught);
  }
  if (parsed) {
    const sink = sinkFor(
      parsed.detection.kind,
      { store, sourceTime: sourceTime.toISOString(), now: started.toISOString(), tally },
      parsed,
    );
    const batches = parsed.batches[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<ParsedBatch>;
      try {
        next = await batches.next();
      } catch (caught) {
        // The file broke off (truncated gzip, stream error): what was read still gets written.
        error = messageOf(caught);
        break;
      }
      if (next.done) break;
      tally.addParsed(next.value);
      await sink.add(next.value.rows);
    }
    await sink.finish();
  }
  const finished = clock();
  const detection = parsed?.detection;
  const record: ImportRecord = {
    id: importId,
    key,
    ...(requestedKind || detection ? { kind: detection?.kind ?? requestedKind } : {}),
    status: error !== undefined ? 'failed' : finalStatus(tally),
    counts: tally.counts,
    ...(detection && parsed
      ? {
          detection: {
            format: detection.format,
            ...(detection.delimiter !== undefined ? { delimiter: detection.delimiter } : {}),
            encoding: detection.encoding,
            compression: detection.compression,
            dateFormat: detection.dateFormat,
            dateFormatSource: detection.dateFormatSource,
            ...(detection.preset !== undefined ? { preset: detection.preset } : {}),
            columns: parsed.mappingUsed(),
            rules: detection.rules,
          },
        }
      : {}),
    issuesTruncated: tally.truncated,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: Math.max(0, finished.getTime() - started.getTime()),
    ...(error !== undefined ? { error } : {}),
  };
  return { record, rejected: tally.rejected, warnings: tally.warnings };
};
