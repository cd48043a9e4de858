import type { SegmentKind } from '../segments';

/** What a storefront personalises with: segments and scores, never the reasons or features. */
export interface StorefrontSegments {
  customerId: string;
  /** Absent until the first segmentation run has completed. */
  runId?: string;
  asOf?: string;
  rfm?: { r: number; f: number; m: number; segmentId: string; segmentName: string };
  lifecycleStage?: string;
  segments: { segmentId: string; name: string; kind: SegmentKind; since: string }[];
}
