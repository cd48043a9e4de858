import { z } from 'zod';
import { getCustomerDetail } from '../../../core/customers/get-customer-detail';
import { listRfmCellCustomers } from '../../../core/insights/read-rfm-grid';
import { resolveCustomerId } from '../../../core/customers/resolve-customer-id';
import { searchCustomers } from '../../../core/customers/search-customers';
import { eraseCustomer } from '../../../core/privacy/erase-customer';
import { exportCustomerData } from '../../../core/privacy/export-customer-data';
import { NotFoundError } from '../../../core/shared/errors';
import type { AdminDeps } from '../admin-deps';
import { ErrorEnvelope } from '../api-schemas';
import { defineRoute } from '../http-route';

const CustomerParams = z.object({ customerId: z.string().min(1).max(256) });

/**
 * The shop's id when an alias knows it; otherwise the id as given, so a second erasure can still
 * clean up what a first one left when it was cut short after the profile went.
 */
const shoalIdOf = async (customerId: string, deps: AdminDeps): Promise<string> => {
  try {
    return await resolveCustomerId({ lookup: { customerId }, customers: deps.customers });
  } catch (error) {
    if (error instanceof NotFoundError) return customerId;
    throw error;
  }
};

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
    path: '/v1/customer-search',
    summary:
      'Customers by id or e-mail (exactly), or by a part of their name, e-mail or id; a bounded number of profiles per request, with a cursor to search further',
    query: z.object({
      q: z.string().trim().min(1).max(200),
      limit: z.coerce.number().int().min(1).max(100).default(25),
      cursor: z.string().max(2048).optional(),
    }),
    responses: {
      200: {
        description: 'The matches so far',
        schema: z.object({
          items: z.array(
            z.object({
              customerId: z.string(),
              email: z.string().optional(),
              firstName: z.string().optional(),
              lastName: z.string().optional(),
              matchedOn: z.enum(['id', 'email', 'text']),
            }),
          ),
          scanned: z.number().int(),
          cursor: z.string().optional(),
        }),
      },
    },
    handle: async ({ query }, deps: AdminDeps) => ({
      body: await searchCustomers({
        customers: deps.customers,
        query: query.q,
        limit: query.limit,
        ...(query.cursor !== undefined && { cursor: query.cursor }),
      }),
      headers: { 'cache-control': 'no-store' },
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
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/customers/{customerId}/export',
    summary: 'Everything Shoal holds about the person, as JSON (a subject access request)',
    params: CustomerParams,
    responses: {
      200: {
        description: 'The data',
        schema: z.looseObject({ customerId: z.string(), exportedAt: z.string() }),
      },
      404: { description: 'Shoal holds nothing under this id', schema: ErrorEnvelope },
    },
    handle: async ({ params }, deps: AdminDeps) => {
      const customerId = await shoalIdOf(params.customerId, deps);
      return {
        body: await exportCustomerData({ customerId, ...deps }),
        headers: {
          'content-disposition': `attachment; filename="customer-${customerId.replace(/[^A-Za-z0-9_-]/g, '_')}.json"`,
          'cache-control': 'no-store',
        },
      };
    },
  }),
  defineRoute({
    ...admin,
    method: 'DELETE',
    path: '/v1/customers/{customerId}',
    summary:
      'Erase the person everywhere Shoal keeps data, keeping only a hashed suppression entry',
    params: CustomerParams,
    responses: {
      200: {
        description: 'What was deleted, per store',
        schema: z.looseObject({ customerId: z.string() }),
      },
      404: { description: 'Shoal holds nothing under this id', schema: ErrorEnvelope },
    },
    handle: async ({ params }, deps: AdminDeps) => ({
      body: await eraseCustomer({ customerId: await shoalIdOf(params.customerId, deps), ...deps }),
    }),
  }),
];
