import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalHttpApi, startLocalHttpApi } from '../../../infra/local/local-http-api';

describe('the local API Gateway adapter', () => {
  let api: LocalHttpApi;
  const received: Record<string, unknown>[] = [];

  beforeAll(async () => {
    api = await startLocalHttpApi({
      routes: [
        {
          method: 'GET',
          path: '/v1/customers/{customerId}/segments',
          function: 'storefront',
          auth: 'storefront',
        },
        {
          method: 'GET',
          path: '/v1/customers/by-email/{email}/segments',
          function: 'storefront',
          auth: 'storefront',
        },
        { method: 'POST', path: '/v1/things', function: 'admin', auth: 'admin' },
      ],
      functions: {
        storefront: async (event) => {
          received.push(event as Record<string, unknown>);
          return {
            statusCode: 200,
            headers: { 'content-type': 'application/json' },
            body: '{"ok":true}',
          };
        },
        admin: async (event) => {
          received.push(event as Record<string, unknown>);
          return { statusCode: 201, body: '' };
        },
      },
      adminKey: 'the-admin-key',
      corsOrigins: ['https://shop.example'],
      throttle: { ratePerSecond: 1, burst: 3 },
    });
  });

  afterAll(() => api.stop());

  it('builds the payload 2.0 event API Gateway would: route key, decoded parameters, comma-joined repeats', async () => {
    const response = await fetch(
      `${api.url}/v1/customers/by-email/a%40example.com/segments?x=1&x=2`,
      {
        headers: { 'x-shoal-storefront-key': 'k1', cookie: 'a=1; b=2' },
      },
    );
    expect(response.status).toBe(200);
    const event = received.at(-1) as {
      routeKey: string;
      pathParameters: Record<string, string>;
      queryStringParameters: Record<string, string>;
      rawQueryString: string;
      cookies: string[];
      headers: Record<string, string>;
      requestContext: { http: { method: string; sourceIp: string }; stage: string };
    };
    expect(event.routeKey).toBe('GET /v1/customers/by-email/{email}/segments');
    expect(event.pathParameters).toEqual({ email: 'a@example.com' });
    expect(event.queryStringParameters).toEqual({ x: '1,2' });
    expect(event.rawQueryString).toBe('x=1&x=2');
    expect(event.cookies).toEqual(['a=1', 'b=2']);
    expect(event.headers['x-shoal-storefront-key']).toBe('k1');
    expect(event.requestContext).toMatchObject({
      http: { method: 'GET', sourceIp: '127.0.0.1' },
      stage: '$default',
    });
  });

  it('checks the admin key before the function runs, as the JWT authorizer does in AWS', async () => {
    const before = received.length;
    const refused = await fetch(`${api.url}/v1/things`, {
      method: 'POST',
      headers: { 'x-shoal-storefront-key': 'k2' },
    });
    expect(refused.status).toBe(401);
    expect(received.length).toBe(before);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const allowed = await fetch(`${api.url}/v1/things`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'x-shoal-storefront-key': 'k3',
      },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const other = await fetch(`${api.url}/v1/things`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'x-shoal-storefront-key': 'k4',
      },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('throttles each caller with a token bucket: 429 with Retry-After in the error envelope', async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${api.url}/v1/customers/c1/segments`, {
        headers: { 'x-shoal-storefront-key': 'flood' },
      });
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses).toContain(429);
    expect(limited?.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    const body = (await limited?.json()) as { error: { code: string } };
    expect(body.error.code).toBe('rate_limited');
    const otherCaller = await fetch(`${api.url}/v1/customers/c1/segments`, {
      headers: { 'x-shoal-storefront-key': 'calm' },
    });
    expect(otherCaller.status).toBe(200);
  });
});
