import { z } from 'zod';
import { DateFormat, OrderRules } from './import-mapping';
import { ImportKind } from './import-kind';

export const ImportStatus = z.enum(['running', 'succeeded', 'partially-failed', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/**
 * Row counts of an import. Every record read is exactly one of inserted, updated, unchanged,
 * failed (accepted but the store could not write it) or rejected; warnings count dropped values
 * on accepted rows.
 */
export const ImportCounts = z.object({
  read: z.number().int().nonnegative(),
  inserted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  /** Minimal profiles created for orders or events whose customer was not known yet. */
  profilesCreated: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** How the file was read, so a user can see (and correct with a mapping) what Shoal assumed. */
export const ImportDetection = z.object({
  format: z.enum(['csv', 'json', 'ndjson']),
  delimiter: z.string().optional(),
  encoding: z.string(),
  compression: z.enum(['gzip', 'none']),
  dateFormat: DateFormat,
  dateFormatSource: z.enum(['mapping', 'inferred', 'preset', 'default']),
  preset: z.string().optional(),
  /** Header → field, `attributes.<name>` or `ignore`. */
  columns: z.record(z.string(), z.string()),
  rules: OrderRules,
});
export type ImportDetection = z.infer<typeof ImportDetection>;

export const ImportRecord = z.object({
  id: z.string(),
  key: z.string(),
  kind: ImportKind.optional(),
  status: ImportStatus,
  counts: ImportCounts,
  detection: ImportDetection.optional(),
  /** The rejected rows and warnings lists keep the first 10,000 of each; counts stay exact. */
  issuesTruncated: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  durationMs: z.number().int().nonnegative().optional(),
  error: z.string().optional(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const emptyImportCounts = (): ImportCounts => ({
  read: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  failed: 0,
  warnings: 0,
  profilesCreated: 0,
});

/** The record an adapter stores when an upload is picked up, before any row is read. */
export const startImportRecord = ({
  id,
  key,
  startedAt,
}: {
  id: string;
  key: string;
  startedAt: Date;
}): ImportRecord => ({
  id,
  key,
  status: 'running',
  counts: emptyImportCounts(),
  issuesTruncated: false,
  startedAt: startedAt.toISOString(),
});
