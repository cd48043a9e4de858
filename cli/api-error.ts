/** One failing field as the API reports it: `path` like `content.subject` or `events.3.at`. */
export interface ApiIssue {
  path: string;
  message: string;
}

/** A response outside 2xx, kept with the status and the API's code so a command can react to it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor({
    message,
    status,
    code,
    issues,
  }: {
    message: string;
    status: number;
    code: string;
    issues: ApiIssue[];
  }) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

interface ErrorEnvelope {
  error?: { code?: unknown; message?: unknown; details?: { issues?: unknown } };
}

const issuesOf = (details: { issues?: unknown } | undefined): ApiIssue[] =>
  Array.isArray(details?.issues)
    ? details.issues.filter(
        (issue): issue is ApiIssue =>
          typeof issue?.path === 'string' && typeof issue?.message === 'string',
      )
    : [];

/** The CLI flag a body field came from, matching the longest field-path prefix. */
const flagFor = (path: string, flags: Record<string, string>): string | undefined =>
  Object.keys(flags)
    .filter((field) => path === field || path.startsWith(`${field}.`))
    .sort((a, b) => b.length - a.length)
    .map((field) => flags[field])[0];

const describeIssue = (issue: ApiIssue, flags: Record<string, string>): string => {
  const flag = flagFor(issue.path, flags);
  const field = issue.path || 'request';
  return `${flag ? `${flag} (${field})` : field}: ${issue.message}`;
};

/**
 * Turns an error response into one line a person can act on: the request, the status and code,
 * then each failing field, named by the CLI flag it came from when there is one.
 */
export const apiErrorFrom = ({
  request,
  status,
  body,
  flags = {},
  hint,
}: {
  /** `POST /v1/runs` */
  request: string;
  status: number;
  body: unknown;
  /** API field path → the CLI flag that filled it. */
  flags?: Record<string, string>;
  /** What the person can do about it, when the caller knows. */
  hint?: string;
}): ApiError => {
  const error = (body as ErrorEnvelope | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const issues = issuesOf(error?.details);
  const reason =
    issues.length > 0
      ? issues.map((issue) => describeIssue(issue, flags)).join('; ')
      : typeof error?.message === 'string'
        ? error.message
        : 'no error message in the response';
  return new ApiError({
    message: `${request} failed with ${status} ${code}: ${reason}${hint ? ` (${hint})` : ''}`,
    status,
    code,
    issues,
  });
};
