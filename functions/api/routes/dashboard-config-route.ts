import { z } from 'zod';
import type { AdminDeps, DashboardLogin } from '../admin-deps';
import { defineRoute } from '../http-route';

export const DashboardConfig = z.discriminatedUnion('auth', [
  z.object({ auth: z.literal('key') }),
  z.object({
    auth: z.literal('cognito'),
    authorizeUrl: z.url(),
    tokenUrl: z.url(),
    logoutUrl: z.url(),
    clientId: z.string(),
    scopes: z.array(z.string()),
  }),
]);
export type DashboardConfig = z.infer<typeof DashboardConfig>;

/** The scopes the dashboard's app client allows (infra/constructs/api.ts). */
const SCOPES = ['openid', 'email', 'profile'];

/**
 * How the dashboard signs in: with the admin key on the local stack, or through the OAuth endpoints
 * of Cognito's managed login in AWS.
 */
export const dashboardConfig = (login: DashboardLogin | undefined): DashboardConfig =>
  login === undefined
    ? { auth: 'key' }
    : {
        auth: 'cognito',
        authorizeUrl: `${login.domainUrl}/oauth2/authorize`,
        tokenUrl: `${login.domainUrl}/oauth2/token`,
        logoutUrl: `${login.domainUrl}/logout`,
        clientId: login.clientId,
        scopes: SCOPES,
      };

/** Open, like the dashboard's files: it names public endpoints and a public client id, no data. */
export const dashboardConfigRoute = defineRoute({
  method: 'GET',
  path: '/dashboard-config.json',
  function: 'admin',
  auth: 'open',
  tag: 'dashboard',
  summary: 'How the dashboard signs in: the admin key, or Cognito’s managed login',
  responses: { 200: { description: 'The sign-in settings', schema: DashboardConfig } },
  handle: (_request, deps: AdminDeps) => ({
    body: dashboardConfig(deps.login),
    headers: { 'cache-control': 'no-cache' },
  }),
});
