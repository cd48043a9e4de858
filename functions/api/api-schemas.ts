import { z } from 'zod';

/** Shapes shared by several routes, named so the OpenAPI document can reference them. */
export const ErrorEnvelope = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .meta({ id: 'Error' });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).optional(),
});

export const SegmentKindSchema = z.enum(['rfm', 'lifecycle', 'cluster', 'rule']);

export const RfmCell = z.object({
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
  segmentId: z.string(),
  segmentName: z.string(),
});

export const StorefrontSegmentsSchema = z
  .object({
    customerId: z.string(),
    runId: z.string().optional(),
    asOf: z.string().optional(),
    rfm: RfmCell.optional(),
    lifecycleStage: z.string().optional(),
    segments: z.array(
      z.object({
        segmentId: z.string(),
        name: z.string(),
        kind: SegmentKindSchema,
        since: z.string(),
      }),
    ),
  })
  .meta({ id: 'StorefrontSegments' });
