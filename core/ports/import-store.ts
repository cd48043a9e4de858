import type { ImportRecord } from '../ingest/import-record';

/** One uploaded object version, as S3 identifies it. */
export interface UploadRef {
  bucket: string;
  key: string;
  /** Present on versioned buckets; the ETag stands in for it otherwise. */
  versionId?: string;
  eTag?: string;
  size?: number;
  /** When S3 says the object was created; the source time of its rows. */
  uploadedAt?: string;
}

export type UploadClaim = { claimed: true } | { claimed: false; status: ImportRecord['status'] };

/**
 * Import records, and the claims that turn S3's at-least-once, possibly concurrent event delivery
 * into exactly one import per object version.
 */
export interface ImportStore {
  /**
   * Atomically claims an import: succeeds when no record exists, when a previous attempt failed
   * (re-running an import is harmless: every write is keyed by identity), or when a previous claim
   * is still `running` but its lease expired (the worker that held it died). Otherwise reports the
   * status of the import that holds it.
   */
  claimImport(record: ImportRecord, leaseUntil: string, now: string): Promise<UploadClaim>;
  saveImport(record: ImportRecord): Promise<void>;
  getImport(importId: string): Promise<ImportRecord | undefined>;
  /** Newest first. */
  listImports(options: {
    limit: number;
    cursor?: string;
  }): Promise<{ imports: ImportRecord[]; cursor?: string }>;
}
