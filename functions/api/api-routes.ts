import { z } from 'zod';
import type { AdminDeps } from './admin-deps';
import { NotFoundError } from '../../core/shared/errors';
import { defineRoute, type HttpResponse, type HttpRoute } from './http-route';
import { buildOpenApiDocument } from './openapi-document';
import { campaignRoutes } from './routes/campaign-routes';
import { catalogRoutes } from './routes/catalog-routes';
import { customerRoutes } from './routes/customer-routes';
import { dashboardConfigRoute } from './routes/dashboard-config-route';
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

const serveAsset = (deps: AdminDeps, path: string): HttpResponse => {
  const asset = deps.dashboard(path);
  if (asset === undefined) throw new NotFoundError(`no such page or file: ${path}`);
  return {
    text: asset.body.toString('utf8'),
    contentType: asset.contentType,
    headers: { 'cache-control': asset.cacheControl, 'x-content-type-options': 'nosniff' },
  };
};

/**
 * The dashboard's static files and its sign-in settings. Open because they hold no data: the page
 * signs in and sends its token with every API call, which the admin routes check.
 */
export const dashboardRoutes = [
  dashboardConfigRoute,
  defineRoute({
    method: 'GET',
    path: '/',
    function: 'admin',
    auth: 'open',
    tag: 'dashboard',
    summary: 'The dashboard',
    responses: { 200: { description: 'HTML', contentType: 'text/html' } },
    handle: (_request, deps: AdminDeps) => serveAsset(deps, '/'),
  }),
  defineRoute({
    method: 'GET',
    path: '/{asset+}',
    function: 'admin',
    auth: 'open',
    tag: 'dashboard',
    summary: 'The dashboard’s scripts, styles and Chart.js',
    params: z.object({ asset: z.string().min(1).max(300) }),
    responses: { 200: { description: 'A file' }, 404: { description: 'No such file' } },
    handle: ({ params }, deps: AdminDeps) => serveAsset(deps, `/${params.asset}`),
  }),
];

/** The admin function's routes (admin auth, plus the open ones). */
export const adminRoutes: HttpRoute<AdminDeps>[] = [
  ...insightRoutes,
  ...segmentRoutes,
  ...catalogRoutes,
  ...runRoutes,
  ...importRoutes,
  ...customerRoutes,
  ...campaignRoutes,
  ...openRoutes,
  ...dashboardRoutes,
];

/** Every route, as API Gateway (CDK), the local adapter and the OpenAPI document see them. */
export const apiRoutes: readonly HttpRoute<never>[] = [...storefrontRoutes, ...adminRoutes];

let document: ReturnType<typeof buildOpenApiDocument> | undefined;
const openApiDocument = () =>
  (document ??= buildOpenApiDocument({ routes: apiRoutes, version: API_VERSION }));
