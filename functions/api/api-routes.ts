import { z } from 'zod';
import type { AdminDeps } from './admin-deps';
import { defineRoute, type HttpRoute } from './http-route';
import { buildOpenApiDocument } from './openapi-document';
import { customerRoutes } from './routes/customer-routes';
import { importRoutes } from './routes/import-routes';
import { insightRoutes } from './routes/insight-routes';
import { runRoutes } from './routes/run-routes';
import { segmentRoutes } from './routes/segment-routes';
import { storefrontRoutes } from './routes/storefront-routes';

/** The version of the `/v1` contract the OpenAPI document describes. */
export const API_VERSION = '1.0.0';

const openRoutes = [
  defineRoute({
    method: 'GET',
    path: '/health',
    function: 'admin',
    auth: 'open',
    tag: 'meta',
    summary: 'Liveness: answers without touching any store',
    responses: {
      200: {
        description: 'Up',
        schema: z.object({ status: z.literal('ok'), version: z.string() }),
      },
    },
    handle: () => ({ body: { status: 'ok', version: API_VERSION } }),
  }),
  defineRoute({
    method: 'GET',
    path: '/openapi.json',
    function: 'admin',
    auth: 'open',
    tag: 'meta',
    summary:
      'This API’s OpenAPI 3.1 document, generated from the schemas the handlers validate with',
    responses: { 200: { description: 'The document' } },
    handle: () => ({
      body: openApiDocument(),
      headers: { 'cache-control': 'public, max-age=300' },
    }),
  }),
];

/** The admin function's routes (admin auth, plus the open ones). */
export const adminRoutes: HttpRoute<AdminDeps>[] = [
  ...insightRoutes,
  ...segmentRoutes,
  ...runRoutes,
  ...importRoutes,
  ...customerRoutes,
  ...openRoutes,
];

/** Every route, as API Gateway (CDK), the local adapter and the OpenAPI document see them. */
export const apiRoutes: readonly HttpRoute<never>[] = [...storefrontRoutes, ...adminRoutes];

let document: ReturnType<typeof buildOpenApiDocument> | undefined;
const openApiDocument = () =>
  (document ??= buildOpenApiDocument({ routes: apiRoutes, version: API_VERSION }));
