import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { createTokenBucket, type TokenBucket } from '../../core/campaigns/token-bucket';
import type { ApiFunctionName, HttpMethod, RouteAuth } from '../../functions/api/http-route';
import { apiGatewayEvent } from './api-gateway-event';
import { createRouteMatcher } from './route-matcher';

/** API Gateway's own payload limit; larger requests never reach a function. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export type LambdaHttpHandler = (
  event: unknown,
  context: unknown,
) => Promise<APIGatewayProxyResultV2>;

export interface LocalRoute {
  method: HttpMethod;
  path: string;
  function: ApiFunctionName;
  auth: RouteAuth;
}

/** A response the server makes itself, for what API Gateway would serve without a function. */
export interface LocalResponse {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export interface LocalOnlyRoute {
  method: HttpMethod;
  path: string;
  handle(): Promise<LocalResponse>;
}

export interface LocalHttpApi {
  url: string;
  stop(): Promise<void>;
}

export interface ThrottleSettings {
  ratePerSecond: number;
  burst: number;
}

const envelope = (
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): LocalResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify({ error: { code, message, details: {} } }),
});

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const readBody = async (request: IncomingMessage): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const write = (response: ServerResponse, local: LocalResponse): void => {
  response.writeHead(local.status, local.headers);
  response.end(local.body);
};

/**
 * What API Gateway does in front of Shoal's API functions, on 127.0.0.1: match the route, check
 * the admin key where AWS checks the JWT, throttle per caller with a token bucket where AWS
 * throttles per stage, answer CORS preflights, build the payload 2.0 event and turn the
 * function's result into the response. The functions are the same handlers Lambda runs.
 */
export const startLocalHttpApi = async ({
  routes,
  functions,
  adminKey,
  port = 0,
  corsOrigins = [],
  throttle = { ratePerSecond: 200, burst: 400 },
  localRoutes = [],
  clock = () => new Date(),
}: {
  routes: readonly LocalRoute[];
  functions: Record<ApiFunctionName, LambdaHttpHandler>;
  adminKey: string;
  port?: number;
  corsOrigins?: readonly string[];
  throttle?: ThrottleSettings;
  /**
   * Admin routes only the local stack has (the SES outbox), answered without a function and
   * matched before the API's routes, whose greedy dashboard route would otherwise take them.
   */
  localRoutes?: readonly LocalOnlyRoute[];
  clock?: () => Date;
}): Promise<LocalHttpApi> => {
  const matcher = createRouteMatcher(routes);
  const buckets = new Map<string, TokenBucket>();
  const bucketFor = (caller: string): TokenBucket => {
    let bucket = buckets.get(caller);
    if (bucket === undefined) {
      bucket = createTokenBucket({ ...throttle, clock, sleep: () => Promise.resolve() });
      buckets.set(caller, bucket);
    }
    return bucket;
  };
  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin !== undefined && (corsOrigins.includes('*') || corsOrigins.includes(origin))
      ? {
          'access-control-allow-origin': corsOrigins.includes('*') ? '*' : origin,
          'access-control-allow-headers':
            'authorization,content-type,x-shoal-storefront-key,if-none-match',
          'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
          'access-control-expose-headers': 'etag,retry-after',
          'access-control-max-age': '600',
          vary: 'origin',
        }
      : {};

  const respond = async (request: IncomingMessage): Promise<LocalResponse> => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = request.headers.origin;
    if (method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined) {
      return { status: 204, headers: corsHeaders(origin), body: '' };
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const authorised = bearer !== undefined && sameSecret(bearer, adminKey);
    const caller =
      bearer ??
      (request.headers['x-shoal-storefront-key'] as string | undefined) ??
      request.socket.remoteAddress ??
      '';
    const wait = bucketFor(caller).tryTake();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      return envelope(429, 'rate_limited', `too many requests; retry in ${seconds} s`, {
        'retry-after': String(seconds),
        ...corsHeaders(origin),
      });
    }
    const local = localRoutes.find(
      (route) => route.method === method && route.path === url.pathname,
    );
    const match = local ? undefined : matcher.match(method, url.pathname);
    if ((local !== undefined || match?.route.auth === 'admin') && !authorised) {
      return envelope(
        401,
        'unauthorized',
        'send the admin key as "Authorization: Bearer <key>"',
        corsHeaders(origin),
      );
    }
    if (local !== undefined) return local.handle();
    if (match === undefined) {
      return matcher.hasPath(url.pathname)
        ? envelope(405, 'method_not_allowed', `${method} is not allowed on ${url.pathname}`)
        : envelope(404, 'not_found', `no route ${method} ${url.pathname}`);
    }
    const body = await readBody(request);
    if (body === undefined) {
      return envelope(
        413,
        'payload_too_large',
        `requests are limited to ${MAX_PAYLOAD_BYTES} bytes`,
      );
    }
    const event = apiGatewayEvent({
      method,
      url,
      headers: request.headers,
      body,
      routeKey: match.routeKey,
      pathParameters: match.pathParameters,
      sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      ...(match.route.auth === 'admin' && {
        authorizer: { jwt: { claims: { sub: 'local-admin' }, scopes: [] } },
      }),
      at: clock(),
    });
    const result = await functions[match.route.function](event, {});
    if (typeof result === 'string') {
      return {
        status: 200,
        headers: { 'content-type': 'application/json', ...corsHeaders(origin) },
        body: result,
      };
    }
    const headers: Record<string, string> = { ...corsHeaders(origin) };
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
    const payload = result.body ?? '';
    return {
      status: result.statusCode ?? 200,
      headers,
      body: result.isBase64Encoded ? Buffer.from(payload, 'base64') : payload,
    };
  };

  const server: Server = createServer((request, response) => {
    respond(request).then(
      (local) => write(response, local),
      (error: unknown) =>
        write(
          response,
          envelope(500, 'internal', `the local API failed: ${(error as Error).message}`),
        ),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
