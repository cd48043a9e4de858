import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiGatewayEvent } from '../../../infra/local/api-gateway-event';
import { localLambdaContext } from '../../../infra/local/local-lambda-context';

/** What the admin function needs to start; the config route touches none of these resources. */
const ADMIN_ENV = {
  AWS_REGION: 'eu-west-1',
  CUSTOMERS_TABLE: 'customers',
  SEGMENTS_TABLE: 'segments',
  CAMPAIGNS_TABLE: 'campaigns',
  IMPORTS_TABLE: 'imports',
  UPLOADS_BUCKET: 'uploads',
  CAMPAIGN_WORK_BUCKET: 'uploads',
  RESEGMENT_FUNCTION: 'resegment',
  SENDER_FROM: 'Shop <news@shop.example>',
  SES_CONFIGURATION_SET: 'shoal',
  UNSUBSCRIBE_BASE_URL: 'https://api.shop.example',
  UNSUBSCRIBE_MAILBOX: 'unsubscribe@shop.example',
  POSTAL_ADDRESS: '1 Harbour Road, Bristol',
  MESSAGE_ID_DOMAIN: 'shop.example',
  UNSUBSCRIBE_KEYS: JSON.stringify({ current: 'k1', k1: 'a-test-key-of-enough-length' }),
};

/** The admin function as the deploy configures it, asked for the dashboard's sign-in settings. */
const askAdminFunction = async (env: Record<string, string>) => {
  for (const [name, value] of Object.entries({ ...ADMIN_ENV, ...env })) vi.stubEnv(name, value);
  vi.resetModules();
  const { handler } = await import('../../../functions/api-admin/handler');
  const result = await handler(
    apiGatewayEvent({
      method: 'GET',
      url: new URL('https://api.example.com/dashboard-config.json'),
      headers: {},
      body: Buffer.alloc(0),
      routeKey: 'GET /dashboard-config.json',
      pathParameters: {},
      sourceIp: '127.0.0.1',
      at: new Date('2026-11-02T09:00:00Z'),
    }),
    localLambdaContext('admin'),
  );
  return { status: result.statusCode, body: JSON.parse(result.body ?? 'null') };
};

describe('GET /dashboard-config.json', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('tells the dashboard to sign in with the admin key when no login is configured, as on the local stack', async () => {
    expect(await askAdminFunction({})).toEqual({ status: 200, body: { auth: 'key' } });
  });

  it('gives the managed login’s OAuth endpoints and the public client id when the deploy configured them', async () => {
    const domainUrl = 'https://shoal-1a2b3c4d.auth.eu-west-1.amazoncognito.com';
    const answer = await askAdminFunction({
      DASHBOARD_LOGIN_DOMAIN_URL: domainUrl,
      DASHBOARD_LOGIN_CLIENT_ID: 'client-123',
    });
    expect(answer).toEqual({
      status: 200,
      body: {
        auth: 'cognito',
        authorizeUrl: `${domainUrl}/oauth2/authorize`,
        tokenUrl: `${domainUrl}/oauth2/token`,
        logoutUrl: `${domainUrl}/logout`,
        clientId: 'client-123',
        scopes: ['openid', 'email', 'profile'],
      },
    });
  });
});
