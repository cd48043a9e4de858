import { APIGatewayProxyEventV2Schema } from '@aws-lambda-powertools/parser/schemas';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../../core/shared/errors';
import { httpErrorResponse } from '../shared/http-error-response';
import { logger } from '../shared/logger';
import { type HttpResponse, type HttpRoute, routeKeyOf } from './http-route';

const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

const readBody = (
  route: HttpRoute<unknown>,
  body: string | undefined,
  isBase64Encoded: boolean,
): unknown => {
  if (route.body === undefined || body === undefined || body === '') return undefined;
  const bytes = Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8');
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (bytes.length > limit) {
    throw new PayloadTooLargeError(
      `the body is ${bytes.length} bytes; this route takes at most ${limit}`,
      {
        limit,
      },
    );
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new ValidationError(`the body is not valid JSON: ${(error as Error).message}`, ['body']);
  }
};

const toResult = (response: HttpResponse): APIGatewayProxyStructuredResultV2 => {
  const status = response.status ?? 200;
  if (response.text !== undefined) {
    return {
      statusCode: status,
      headers: {
        'content-type': response.contentType ?? 'text/plain; charset=utf-8',
        ...response.headers,
      },
      body: response.text,
    };
  }
  if (response.body === undefined) return { statusCode: status, headers: { ...response.headers } };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...response.headers },
    body: JSON.stringify(response.body),
  };
};

/**
 * One Lambda entry point for a set of routes. API Gateway has already matched the route (its key
 * is in the event) and, for admin routes, checked the JWT. Here:
 * 1. Parse the event, run the function's own authorisation, then the route's path, query and
 *    body schemas (a 400 names the field).
 * 2. Call the route with the function's dependencies.
 * 3. Map the result, or the error through `httpErrorResponse`, the one place statuses are chosen.
 */
export const createHttpHandler = <Deps>({
  routes,
  deps,
  authorize,
}: {
  routes: HttpRoute<Deps>[];
  deps: Deps;
  /** Checks the function does itself (API Gateway checks admin JWTs); throws to refuse. */
  authorize?: (route: HttpRoute<Deps>, headers: Record<string, string | undefined>) => void;
}) => {
  const byKey = new Map(routes.map((route) => [routeKeyOf(route), route]));
  return async (rawEvent: unknown): Promise<APIGatewayProxyStructuredResultV2> => {
    const event = APIGatewayProxyEventV2Schema.parse(rawEvent);
    const requestId = event.requestContext.requestId;
    try {
      const route = byKey.get(event.routeKey);
      if (route === undefined) {
        throw new NotFoundError(`no route ${event.requestContext.http.method} ${event.rawPath}`);
      }
      authorize?.(route, event.headers);
      const request = {
        params: route.params?.parse(event.pathParameters ?? {}),
        query: route.query?.parse(event.queryStringParameters ?? {}),
        body: route.body?.parse(readBody(route, event.body, event.isBase64Encoded)),
        headers: event.headers,
        requestId,
      };
      return toResult(await route.handle(request, deps));
    } catch (error) {
      const response = httpErrorResponse(error, requestId);
      if (response.statusCode !== undefined && response.statusCode >= 500) {
        logger.error('request failed', { routeKey: event.routeKey, requestId, error });
      } else {
        logger.info('request refused', {
          routeKey: event.routeKey,
          status: response.statusCode,
          ...(error instanceof Error && { reason: error.message }),
        });
      }
      return response;
    }
  };
};
