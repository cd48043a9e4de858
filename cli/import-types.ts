import type { ImportRecord } from '../core/ingest/import-record';

/** `GET /v1/imports`: newest first. */
export interface ImportsPage {
  items: ImportRecord[];
  cursor?: string;
}

export interface ReportedRow {
  file: string;
  line: number;
  reason: string;
  column?: string;
  value?: string;
}

/** `GET /v1/imports/{importId}`. */
export interface ImportReport {
  import: ImportRecord;
  rejected: ReportedRow[];
  warnings: ReportedRow[];
}
