import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../cli/api-client';
import { ApiError } from '../../cli/api-error';
import type { ApiTarget } from '../../cli/resolve-api-target';
import { type FakeShoalServer, startFakeShoalServer } from './fake-shoal-server';
import { validationFailure } from './use-fake-shoal-api';

const targetAt = (baseUrl: string): ApiTarget => ({
  baseUrl,
  token: 'the-key',
  local: true,
  hints: { unreachable: 'start it with `npx shoal dev`', refused: 'use the right key' },
});

let server: FakeShoalServer;

beforeAll(async () => {
  server = await startFakeShoalServer({
    'GET /v1/segments': { body: { segments: [] } },
    'POST /v1/runs': validationFailure({ path: 'asOf', message: 'Invalid ISO date' }),
    'POST /v1/campaigns': validationFailure({ path: 'content.subject', message: 'Too small' }),
    'GET /v1/imports': {
      status: 401,
      body: { error: { code: 'unauthorized', message: 'send the admin key', details: {} } },
    },
    'GET /v1/overview': { status: 502, body: undefined },
  });
});

afterAll(() => server.stop());

describe('createApiClient', () => {
  it('returns the JSON body and sends the token as a bearer', async () => {
    // Prepare
    const api = createApiClient({ target: targetAt(server.url) });

    // Act
    const body = await api.request({ path: '/v1/segments' });

    // Assess
    expect(body).toEqual({ segments: [] });
    expect(server.requests.at(-1)?.authorization).toBe('Bearer the-key');
  });

  it('names the CLI flag behind a field the API rejects', async () => {
    const api = createApiClient({ target: targetAt(server.url) });

    const failure = api.request({
      method: 'POST',
      path: '/v1/runs',
      body: { asOf: 'tomorrow' },
      flags: { asOf: '--as-of' },
    });

    await expect(failure).rejects.toThrow(
      'POST /v1/runs failed with 400 validation_failed: --as-of (asOf): Invalid ISO date',
    );
    await expect(failure).rejects.toBeInstanceOf(ApiError);
  });

  it('matches a nested field to the flag of its parent path', async () => {
    const api = createApiClient({ target: targetAt(server.url) });

    const failure = api.request({
      method: 'POST',
      path: '/v1/campaigns',
      body: {},
      flags: { content: '--html', 'content.subject': '--subject' },
    });

    await expect(failure).rejects.toThrow('--subject (content.subject): Too small');
  });

  it('adds the target’s advice when the token is refused', async () => {
    const api = createApiClient({ target: targetAt(server.url) });

    const failure = api.request({ path: '/v1/imports' });

    await expect(failure).rejects.toThrow(
      'GET /v1/imports failed with 401 unauthorized: send the admin key (use the right key)',
    );
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('reports the status when the body is not an error envelope', async () => {
    const api = createApiClient({ target: targetAt(server.url) });

    await expect(api.request({ path: '/v1/overview' })).rejects.toThrow(
      'GET /v1/overview failed with 502 http_502: no error message in the response',
    );
  });

  it('says how to start the stack when nothing listens', async () => {
    const closed = await startFakeShoalServer({});
    await closed.stop();
    const api = createApiClient({ target: targetAt(closed.url) });

    await expect(api.request({ path: '/v1/segments' })).rejects.toThrow(
      'GET /v1/segments: start it with `npx shoal dev`',
    );
  });
});
