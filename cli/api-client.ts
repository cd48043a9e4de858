import { apiErrorFrom } from './api-error';
import type { ApiTarget } from './resolve-api-target';

const REQUEST_TIMEOUT_MS = 30_000;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** From the API's root, e.g. `/v1/imports`. */
  path: string;
  body?: unknown;
  /** API field path → the CLI flag that filled it, so a 400 names what the person typed. */
  flags?: Record<string, string>;
}

export interface ApiClient {
  target: ApiTarget;
  /** The parsed JSON body of a 2xx response; anything else throws an ApiError. */
  request<T>(request: ApiRequest): Promise<T>;
}

const isConnectionFailure = (error: unknown): boolean =>
  error instanceof TypeError && error.message === 'fetch failed';

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A gateway in front of the API may answer with HTML; the status still says what happened.
    return undefined;
  }
};

/** The one way the CLI talks to Shoal: JSON over HTTP with the admin bearer token. */
export const createApiClient = ({ target }: { target: ApiTarget }): ApiClient => ({
  target,
  async request<T>({ method = 'GET', path, body, flags }: ApiRequest): Promise<T> {
    const described = `${method} ${path}`;
    let response: Response;
    try {
      response = await fetch(`${target.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${target.token}`,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      throw new Error(`${described}: ${target.hints.unreachable}`, { cause: error });
    }
    const parsed = await readJson(response);
    if (!response.ok) {
      throw apiErrorFrom({
        request: described,
        status: response.status,
        body: parsed,
        flags,
        ...(response.status === 401 && { hint: target.hints.refused }),
      });
    }
    return parsed as T;
  },
});
