import { startFakeShoalApi } from './fake-shoal-api';

/** A running Shoal the browser tests drive: the dashboard at `/` and the API under `/v1`. */
export interface DashboardTarget {
  baseUrl: string;
  adminKey: string;
  stop: () => Promise<void>;
}

/**
 * The one place that decides what the tests run against. Today a fake API (a test fixture);
 * once the local stack with the demo shop is on main, this starts that instead and every test
 * keeps working, because the tests compare the page with the API's own answers.
 */
export const startDashboardTarget = (): Promise<DashboardTarget> => startFakeShoalApi();

/** The tests' own API client, to read the figures the page must show. */
export const targetApi = ({ baseUrl, adminKey }: DashboardTarget) => {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    status: async (path: string) =>
      (await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${adminKey}` } }))
        .status,
  };
};
