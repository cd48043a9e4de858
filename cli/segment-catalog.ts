import type { ApiClient } from './api-client';

export interface SegmentSummary {
  segmentId: string;
  name: string;
  kind: string;
  customers: number;
  revenue: number;
  entered: number;
  left: number;
  inCurrentRun: boolean;
}

/** `GET /v1/segments`: every segment, sized by the current run. */
export interface SegmentCatalog {
  runId?: string;
  asOf?: string;
  segments: SegmentSummary[];
}

export const readSegmentCatalog = ({ api }: { api: ApiClient }): Promise<SegmentCatalog> =>
  api.request<SegmentCatalog>({ path: '/v1/segments' });
