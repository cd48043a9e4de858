import { beforeEach, describe, expect, it } from 'vitest';
import type { SegmentationRun } from '../../core/segmentation-runs/segmentation-run';
import type { FakeRoutes } from './fake-shoal-server';
import { runShoal } from './run-shoal-in-process';
import { useFakeShoalApi, validationFailure } from './use-fake-shoal-api';

const run = (status: SegmentationRun['status']): SegmentationRun => ({
  runId: 'run-2014-12-01',
  asOf: '2014-12-01',
  timeZone: 'UTC',
  status,
  startedAt: '2099-01-01T00:00:00.000Z',
  ...(status !== 'running' && { finishedAt: '2099-01-01T00:00:04.000Z' }),
  customers: 2240,
  segments: [
    {
      segmentId: 'rfm-champions',
      segmentName: 'Champions',
      kind: 'rfm',
      customers: 1204,
      revenue: 1e6,
      entered: 1204,
      left: 0,
    },
  ],
  rfmTransitions: {},
});

const routes: FakeRoutes = {};
const api = useFakeShoalApi(routes);

beforeEach(() => {
  let readings = 0;
  Object.assign(routes, {
    'POST /v1/runs': { status: 202, body: { runId: 'run-2014-12-01', asOf: '2014-12-01' } },
    // A later run exists, so the one asked for is never /v1/runs/latest.
    'GET /v1/runs?limit=100': () => ({
      body: {
        runs: [
          { ...run('complete'), runId: 'run-2015-01-01' },
          run((readings += 1) === 1 ? 'running' : 'complete'),
        ],
      },
    }),
  } satisfies FakeRoutes);
});

describe('shoal resegment', () => {
  it('starts a run as of the date given and says how to follow it', async () => {
    const result = await runShoal('resegment', '--as-of', '2014-12-01');

    expect(JSON.parse(api.server.requests[0]!.body)).toEqual({ asOf: '2014-12-01' });
    expect(result.stdout).toContain('Started run run-2014-12-01 as of 2014-12-01');
    expect(api.server.requests).toHaveLength(1);
  });

  it('waits with --wait for the run it started and prints its segments', async () => {
    const result = await runShoal('resegment', '--as-of', '2014-12-01', '--wait');

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      'Run run-2014-12-01 complete in 4 sec: 2,240 customers as of 2014-12-01 (UTC)',
    );
    expect(result.stdout).toMatch(/Champions\s+rfm\s+1,204\s+1,204\s+0/);
  });

  it('prints the finished run exactly as the API returned it with --wait --json', async () => {
    const result = await runShoal('resegment', '--as-of', '2014-12-01', '--wait', '--json');

    expect(JSON.parse(result.stdout)).toEqual(run('complete'));
  });

  it('exits with 2 when the run failed', async () => {
    routes['GET /v1/runs?limit=100'] = {
      body: { runs: [{ ...run('failed'), error: 'no customers' }] },
    };

    const result = await runShoal('resegment', '--wait');

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('no customers');
  });

  it('names --as-of when the API rejects the date', async () => {
    routes['POST /v1/runs'] = validationFailure({ path: 'asOf', message: 'Invalid ISO date' });

    const result = await runShoal('resegment', '--as-of', '1 Dec');

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'shoal: POST /v1/runs failed with 400 validation_failed: --as-of (asOf): Invalid ISO date',
    );
  });
});
