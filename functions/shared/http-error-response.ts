import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ZodError } from 'zod';
import {
  ConflictError,
  DependencyFailedError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  ShoalError,
  UnauthorizedError,
  ValidationError,
} from '../../core/shared/errors';

/** The body of every error response: `{ "error": { "code", "message", "details" } }`. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/** A zod path as clients name fields: `events.3.at`. */
export const issuePath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** Subclasses (InvalidTemplateError is a ValidationError) take their parent's status. */
const STATUS_BY_ERROR: [new (...args: never[]) => ShoalError, number][] = [
  [ValidationError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [PayloadTooLargeError, 413],
  [RateLimitedError, 429],
  [DependencyFailedError, 502],
];

export const statusOf = (error: ShoalError): number =>
  STATUS_BY_ERROR.find(([type]) => error instanceof type)?.[1] ?? 500;

const json = (
  status: number,
  envelope: ErrorEnvelope,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(envelope),
});

/**
 * The one place errors become HTTP responses. Shoal's own errors carry their status; a ZodError
 * from request parsing is a 400 naming every failing field; anything else is a 500 that shows the
 * request id, never the internals.
 */
export const httpErrorResponse = (
  error: unknown,
  requestId: string,
): APIGatewayProxyStructuredResultV2 => {
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({
      path: issuePath(issue.path),
      message: issue.message,
    }));
    const first = issues[0];
    return json(400, {
      error: {
        code: 'validation_failed',
        message: first ? `${first.path || 'request'}: ${first.message}` : 'invalid request',
        details: { issues },
      },
    });
  }
  if (error instanceof ShoalError) {
    const headers: Record<string, string> =
      error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    const details =
      error instanceof ValidationError
        ? {
            ...error.details,
            issues: [{ path: issuePath(error.path), message: error.message }],
          }
        : error.details;
    return json(
      statusOf(error),
      { error: { code: error.code, message: error.message, details } },
      headers,
    );
  }
  return json(500, {
    error: {
      code: 'internal',
      message: `Shoal failed to handle the request; quote request id ${requestId} when reporting it`,
      details: { requestId },
    },
  });
};
