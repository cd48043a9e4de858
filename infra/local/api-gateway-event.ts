import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

// HTTP APIs pass these content types as text and base64-encode every other body.
const TEXT_TYPES = /^(text\/|application\/(json|x-www-form-urlencoded|xml|[a-z.+-]*\+json))/i;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's `requestContext.time`: `22/Nov/2026:11:38:52 +0000`. */
const gatewayTime = (at: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`;
};

/** Repeated query parameters arrive comma-joined in `queryStringParameters`, as in AWS. */
const queryParameters = (rawQueryString: string): Record<string, string> | undefined => {
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return Object.keys(parameters).length > 0 ? parameters : undefined;
};

/**
 * The payload format 2.0 event API Gateway gives a Lambda integration, built from a request on
 * the local server: lower-cased headers with repeats comma-joined, cookies apart, decoded path
 * parameters, text bodies as text and others base64.
 */
export const apiGatewayEvent = ({
  method,
  url,
  headers,
  body,
  routeKey,
  pathParameters,
  sourceIp,
  authorizer,
  at,
}: {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  routeKey: string;
  pathParameters: Record<string, string>;
  sourceIp: string;
  authorizer?: { jwt: { claims: Record<string, string>; scopes: string[] } };
  at: Date;
}): APIGatewayProxyEventV2 => {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || name === 'cookie') continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const cookieHeader = headers.cookie;
  const cookies =
    typeof cookieHeader === 'string'
      ? cookieHeader.split(';').map((cookie) => cookie.trim())
      : undefined;
  const rawQueryString = url.search.replace(/^\?/, '');
  const isText = TEXT_TYPES.test(flat['content-type'] ?? 'text/plain');
  const queryStringParameters = queryParameters(rawQueryString);
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString,
    ...(cookies && { cookies }),
    headers: flat,
    ...(queryStringParameters && { queryStringParameters }),
    ...(Object.keys(pathParameters).length > 0 && { pathParameters }),
    ...(body.length > 0 && { body: isText ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: body.length > 0 && !isText,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: flat.host ?? '127.0.0.1',
      domainPrefix: (flat.host ?? '127.0.0.1').split('.')[0] ?? 'local',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp,
        userAgent: flat['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: gatewayTime(at),
      timeEpoch: at.getTime(),
      ...(authorizer && { authorizer }),
    },
  } as APIGatewayProxyEventV2;
};
