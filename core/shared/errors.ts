/**
 * The error taxonomy of Shoal. Core throws these; adapters at the edge (HTTP handlers, the import
 * report writer, the CLI) map them to a status code or a report reason in one place each.
 */
export abstract class ShoalError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that does not satisfy a schema; `path` names the field, row or parameter at fault. */
export class ValidationError extends ShoalError {
  readonly code = 'validation_failed';
  constructor(
    message: string,
    readonly path: (string | number)[] = [],
    details: Record<string, unknown> = {},
  ) {
    super(message, { path, ...details });
  }
}

export class NotFoundError extends ShoalError {
  readonly code = 'not_found';
}

/** A conditional write lost a race or the resource is in a state that forbids the operation. */
export class ConflictError extends ShoalError {
  readonly code = 'conflict';
}

export class UnauthorizedError extends ShoalError {
  readonly code = 'unauthorized';
}

export class ForbiddenError extends ShoalError {
  readonly code = 'forbidden';
}

export class PayloadTooLargeError extends ShoalError {
  readonly code = 'payload_too_large';
}

export class RateLimitedError extends ShoalError {
  readonly code = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

/** A dependency (DynamoDB, S3, SES) kept failing after the retries we allow ourselves. */
export class DependencyFailedError extends ShoalError {
  readonly code = 'dependency_failed';
}
