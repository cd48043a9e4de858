import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { type FakeRoutes, type FakeShoalServer, startFakeShoalServer } from './fake-shoal-server';

/**
 * Starts a fake API for the file's tests and points the CLI's local target at it through
 * SHOAL_API_PORT and SHOAL_ADMIN_KEY; each test starts with no recorded requests. Tests may
 * change `routes` (the server reads it on every request).
 */
export const useFakeShoalApi = (routes: FakeRoutes): { server: FakeShoalServer } => {
  const handle = {} as { server: FakeShoalServer };
  beforeAll(async () => {
    handle.server = await startFakeShoalServer(routes);
    vi.stubEnv('SHOAL_API_PORT', String(handle.server.port));
    vi.stubEnv('SHOAL_ADMIN_KEY', 'test-key');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await handle.server.stop();
  });
  beforeEach(() => {
    handle.server.requests.length = 0;
  });
  return handle;
};

/** The API's 400 for one failing field. */
export const validationFailure = ({ path, message }: { path: string; message: string }) => ({
  status: 400,
  body: {
    error: {
      code: 'validation_failed',
      message: `${path}: ${message}`,
      details: { issues: [{ path, message }] },
    },
  },
});
