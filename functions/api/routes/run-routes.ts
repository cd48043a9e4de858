import { z } from 'zod';
import { runIdFor } from '../../../core/segmentation-runs/segmentation-run';
import { NotFoundError } from '../../../core/shared/errors';
import { localDateOf } from '../../../core/shared/local-date';
import type { AdminDeps } from '../admin-deps';
import { ErrorEnvelope } from '../api-schemas';
import { defineRoute } from '../http-route';

const RunSchema = z
  .object({
    runId: z.string(),
    asOf: z.string(),
    timeZone: z.string(),
    status: z.enum(['running', 'complete', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    customers: z.number().int(),
    segments: z.array(
      z.object({
        segmentId: z.string(),
        segmentName: z.string(),
        kind: z.string(),
        customers: z.number().int(),
        revenue: z.number(),
        entered: z.number().int(),
        left: z.number().int(),
      }),
    ),
    rfmTransitions: z.record(z.string(), z.record(z.string(), z.number().int())),
    previousRunId: z.string().optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'SegmentationRun' });

const admin = { function: 'admin', auth: 'admin', tag: 'runs' } as const;

export const runRoutes = [
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/runs',
    summary: 'Segmentation runs, newest first: sizes, who entered and left, RFM transitions',
    query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(30) }),
    responses: { 200: { description: 'History', schema: z.object({ runs: z.array(RunSchema) }) } },
    handle: async ({ query }, deps: AdminDeps) => ({
      body: { runs: await deps.segments.listRuns({ limit: query.limit }) },
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/runs/latest',
    summary: 'The newest run, whatever its status',
    responses: {
      200: { description: 'The run', schema: RunSchema },
      404: { description: 'No run yet', schema: ErrorEnvelope },
    },
    handle: async (_request, deps: AdminDeps) => {
      const [latest] = await deps.segments.listRuns({ limit: 1 });
      if (latest === undefined) throw new NotFoundError('no segmentation run yet');
      return { body: latest };
    },
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/runs',
    summary:
      'Start a run now (as of today in the shop’s time zone unless given); a run for a date already done is a no-op',
    body: z.object({ asOf: z.iso.date().optional() }).default({}),
    responses: {
      202: {
        description: 'Started; poll GET /v1/runs/latest',
        schema: z.object({ runId: z.string(), asOf: z.string() }),
      },
    },
    handle: async ({ body }, deps: AdminDeps) => {
      const asOf = body.asOf ?? localDateOf(deps.clock(), deps.settings.timeZone);
      await deps.runs.startRun({ asOf });
      return { status: 202, body: { runId: runIdFor(asOf), asOf } };
    },
  }),
];
