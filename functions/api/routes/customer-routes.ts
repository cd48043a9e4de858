import { z } from 'zod';
import { getCustomerDetail } from '../../../core/admin/get-customer-detail';
import { listRfmCellCustomers } from '../../../core/admin/read-rfm-grid';
import type { AdminDeps } from '../admin-deps';
import { ErrorEnvelope } from '../api-schemas';
import { defineRoute } from '../http-route';

const Score = z.coerce.number().int().min(1).max(5);
const admin = { function: 'admin', auth: 'admin', tag: 'customers' } as const;

export const customerRoutes = [
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/customers',
    summary: 'Customers of one R × F cell of the current run (the RFM grid’s drill-down)',
    query: z.object({
      r: Score,
      f: Score,
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    responses: {
      200: {
        description: 'The cell’s customers and how many there are',
        schema: z.object({
          total: z.number().int(),
          items: z.array(
            z.object({
              customerId: z.string(),
              email: z.string().optional(),
              rfmSegment: z.string(),
              r: z.number().int(),
              f: z.number().int(),
              m: z.number().int(),
              monetary: z.number(),
              lifecycleStage: z.string(),
            }),
          ),
        }),
      },
    },
    handle: async ({ query }, deps: AdminDeps) => ({
      body: await listRfmCellCustomers({ segments: deps.segments, ...query }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/customers/{customerId}',
    summary: 'A customer’s profile, features, segments with reasons, orders and recent events',
    params: z.object({ customerId: z.string().min(1).max(256) }),
    responses: {
      200: {
        description: 'The customer',
        schema: z.looseObject({ profile: z.looseObject({ customerId: z.string() }) }),
      },
      404: { description: 'No such customer', schema: ErrorEnvelope },
    },
    handle: async ({ params }, deps: AdminDeps) => ({
      body: await getCustomerDetail({ customerId: params.customerId, ...deps }),
    }),
  }),
];
