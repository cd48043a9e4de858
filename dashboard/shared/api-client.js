// @ts-check

/** An error the API reported in its `{ error: { code, message, details } }` envelope. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {unknown} [details]
   */
  constructor(status, code, message, details) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The API could not be reached at all: the local stack is stopped or the network is down. */
export class ApiUnreachableError extends Error {
  /** @param {unknown} cause */
  constructor(cause) {
    super('The Shoal API cannot be reached.', { cause });
    this.name = 'ApiUnreachableError';
  }
}

/**
 * @typedef {object} ApiClient
 * @property {<T>(path: string, signal?: AbortSignal) => Promise<T>} get
 * @property {<T>(path: string, body?: unknown, signal?: AbortSignal) => Promise<T>} post
 * @property {<T>(path: string) => Promise<T | undefined>} remove the answer's JSON; undefined for a 204
 * @property {(path: string) => Promise<Blob>} blob
 */

/**
 * Every call sends the bearer token (the admin key locally, a Cognito access token in AWS); a 401
 * calls `onUnauthorized` (the app shows the sign-in) before it is thrown, so pages need no auth
 * handling of their own.
 * Paths are relative (`v1/overview`) so the dashboard also works under an API Gateway stage prefix.
 * @param {{ getToken: () => Promise<string | null>, onUnauthorized: () => void }} options
 * @returns {ApiClient}
 */
export const createApiClient = ({ getToken, onUnauthorized }) => {
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} body
   * @param {AbortSignal | undefined} signal
   */
  const send = async (method, path, body, signal) => {
    /** @type {Record<string, string>} */
    const headers = { authorization: `Bearer ${(await getToken()) ?? ''}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response;
    try {
      response = await fetch(new URL(path, document.baseURI), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiUnreachableError(error);
    }
    if (response.ok) return response;
    if (response.status === 401) onUnauthorized();
    const envelope = await response.json().catch(() => undefined);
    const error = envelope?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? 'http-error',
      error.message ?? `The API answered ${response.status} ${response.statusText}.`,
      error.details,
    );
  };
  return {
    get: async (path, signal) => (await send('GET', path, undefined, signal)).json(),
    post: async (path, body, signal) => {
      const response = await send('POST', path, body ?? {}, signal);
      return response.status === 204 ? undefined : response.json();
    },
    remove: async (path) => {
      const response = await send('DELETE', path, undefined, undefined);
      return response.status === 204 ? undefined : response.json();
    },
    blob: async (path) => (await send('GET', path, undefined, undefined)).blob(),
  };
};

/**
 * The field errors of a 400 as `path → message`, for showing next to the inputs they concern.
 * @param {unknown} error
 * @returns {{ path: string, message: string }[]}
 */
export const validationIssues = (error) => {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const details = /** @type {{ issues?: { path: string, message: string }[] } | undefined} */ (
    error.details
  );
  return details?.issues ?? [];
};
