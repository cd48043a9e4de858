import { z } from 'zod';
import { buildOverview } from '../../../core/insights/build-overview';
import { describeClusters } from '../../../core/insights/describe-clusters';
import { readRfmGrid } from '../../../core/insights/read-rfm-grid';
import type { AdminDeps } from '../admin-deps';
import { ErrorEnvelope } from '../api-schemas';
import { defineRoute } from '../http-route';

const admin = { function: 'admin', auth: 'admin', tag: 'insights' } as const;
const noRun = { description: 'No segmentation run has completed yet', schema: ErrorEnvelope };

export const insightRoutes = [
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/config',
    summary: 'The shop’s currency, locale and time zone, for formatting',
    responses: {
      200: {
        description: 'Settings',
        schema: z.object({
          currency: z.string(),
          locale: z.string(),
          timeZone: z.string(),
          local: z.boolean(),
        }),
      },
    },
    handle: (_request, deps: AdminDeps) => ({ body: deps.settings }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/overview',
    summary: 'Customers, buyers, revenue, the last import and run, segment sizes and their trend',
    responses: {
      200: { description: 'The overview', schema: z.looseObject({ customers: z.number().int() }) },
    },
    handle: async (_request, deps: AdminDeps) => ({
      body: {
        ...(await buildOverview(deps)),
        currency: deps.settings.currency,
        locale: deps.settings.locale,
      },
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/rfm/grid',
    summary:
      'The R × F grid of the current run: customers, mean M score, average spend and the main segment per cell',
    responses: {
      200: {
        description: 'The cells that have customers',
        schema: z.object({
          runId: z.string(),
          asOf: z.string(),
          cells: z.array(
            z.object({
              r: z.number().int(),
              f: z.number().int(),
              customers: z.number().int(),
              meanM: z.number(),
              averageSpend: z.number(),
              segmentName: z.string(),
            }),
          ),
        }),
      },
      404: noRun,
    },
    handle: async (_request, deps: AdminDeps) => ({ body: await readRfmGrid(deps) }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/clusters',
    summary: 'Each cluster in words, with the mean and z-score of every clustering dimension',
    responses: {
      200: {
        description: 'The clusters of the current run',
        schema: z.object({
          runId: z.string(),
          clusters: z.array(
            z.object({
              segmentId: z.string(),
              name: z.string(),
              customers: z.number().int(),
              revenue: z.number(),
              description: z.string(),
              features: z.array(
                z.object({
                  feature: z.string(),
                  label: z.string(),
                  format: z.enum(['integer', 'decimal', 'money', 'share', 'text']),
                  mean: z.number(),
                  z: z.number(),
                }),
              ),
            }),
          ),
        }),
      },
      404: noRun,
    },
    handle: async (_request, deps: AdminDeps) => ({ body: await describeClusters(deps) }),
  }),
];
