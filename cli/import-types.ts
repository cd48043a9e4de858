import type { ReportedRow } from '../core/ingest/read-import-report';
import type { ImportRecord } from '../core/ingest/import-record';

/** `GET /v1/imports`: newest first. */
export interface ImportsPage {
  items: ImportRecord[];
  cursor?: string;
}

/** `GET /v1/imports/{importId}`. */
export interface ImportReport {
  import: ImportRecord;
  rejected: ReportedRow[];
  warnings: ReportedRow[];
}
