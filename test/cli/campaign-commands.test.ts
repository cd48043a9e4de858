import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CampaignResults } from '../../core/campaigns/campaign-results';
import { type FakeRoutes, type FakeShoalServer, startFakeShoalServer } from './fake-shoal-server';
import { runShoal } from './run-shoal-in-process';

const work = mkdtempSync(join(tmpdir(), 'shoal-campaign-'));
const html = join(work, 'mail.html');
writeFileSync(html, '<p>Hi {{ first_name }}</p>');

const segments = [
  { segmentId: 'rfm-champions', name: 'Champions', kind: 'rfm', customers: 120 },
  { segmentId: 'rfm-at-risk', name: 'At Risk', kind: 'rfm', customers: 80 },
];

const campaign = (status: string) => ({ campaignId: 'c-1', name: 'Spring', status });

const conversion = {
  recipients: 100,
  converted: 10,
  orders: 12,
  revenue: 1500,
  conversionRate: 0.1,
  revenuePerRecipient: 15,
};

const results: CampaignResults = {
  audience: 120,
  eligible: 110,
  heldOut: 10,
  postponed: { total: 0, frequencyCap: 0, quietHours: 0 },
  sent: 100,
  failed: 0,
  unknown: 0,
  delivered: 99,
  bounced: 1,
  complained: 0,
  opened: 40,
  clicked: 12,
  unsubscribed: 2,
  attributionWindowDays: 7,
  treatment: conversion,
  holdout: { ...conversion, recipients: 10, converted: 0, conversionRate: 0, revenue: 0 },
  uplift: {
    conversionRatePoints: 10,
    revenuePerRecipient: 15,
    incrementalConversions: 10,
    incrementalRevenue: 1500,
  },
};

const routes: FakeRoutes = {};
let server: FakeShoalServer;

beforeAll(async () => {
  server = await startFakeShoalServer(routes);
  vi.stubEnv('SHOAL_API_PORT', String(server.port));
  vi.stubEnv('SHOAL_ADMIN_KEY', 'test-key');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  server.requests.length = 0;
  Object.assign(routes, {
    'GET /v1/config': { body: { currency: 'USD', locale: 'en-US', timeZone: 'UTC', local: true } },
    'GET /v1/segments': { body: { runId: 'run-1', segments } },
    'POST /v1/campaigns': { status: 201, body: campaign('draft') },
    'POST /v1/campaigns/c-1/send': { status: 202, body: campaign('sending') },
    'GET /v1/campaigns/c-1': { body: campaign('sent') },
    'GET /v1/campaigns/c-1/results': { body: results },
  } satisfies FakeRoutes);
});

const bodyOf = (path: string) =>
  JSON.parse(server.requests.find((request) => request.path === path)!.body);

describe('shoal campaign send', () => {
  it('creates a campaign to the segment named, ignoring case, then sends it', async () => {
    const run = await runShoal(
      'campaign',
      'send',
      '--segment',
      'champions',
      '--subject',
      'Spring',
      '--html',
      html,
      '--holdout',
      '10',
    );

    expect(bodyOf('/v1/campaigns')).toEqual({
      name: 'Spring',
      audience: { segmentIds: ['rfm-champions'] },
      content: { subject: 'Spring', html: '<p>Hi {{ first_name }}</p>' },
      holdoutPercent: 10,
    });
    expect(server.requests.map(({ method, path }) => `${method} ${path}`)).toContain(
      'POST /v1/campaigns/c-1/send',
    );
    expect(run.stdout).toContain('Campaign c-1 to Champions (120 customers): sending');
  });

  it('waits with --wait and prints the results once sending ends', async () => {
    const run = await runShoal(
      'campaign',
      'send',
      '--segment',
      'rfm-at-risk',
      '--subject',
      'Back?',
      '--html',
      html,
      '--wait',
    );

    expect(bodyOf('/v1/campaigns').audience).toEqual({ segmentIds: ['rfm-at-risk'] });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Campaign c-1 to At Risk: sent');
    expect(run.stdout).toMatch(/sent\s+100/);
  });

  it('lists the segments when the one asked for does not exist', async () => {
    const run = await runShoal(
      'campaign',
      'send',
      '--segment',
      'VIP',
      '--subject',
      'x',
      '--html',
      html,
    );

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(
      '--segment "VIP" is neither a segment id nor a name; segments: Champions (rfm-champions), At Risk (rfm-at-risk)',
    );
    expect(server.requests.some(({ method }) => method === 'POST')).toBe(false);
  });

  it('names the flag behind a field the API rejects', async () => {
    routes['POST /v1/campaigns'] = {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'holdoutPercent: Too big',
          details: { issues: [{ path: 'holdoutPercent', message: 'Too big: expected ≤50' }] },
        },
      },
    };

    const run = await runShoal(
      'campaign',
      'send',
      '--segment',
      'Champions',
      '--subject',
      'x',
      '--html',
      html,
      '--holdout',
      '80',
    );

    expect(run.stderr).toContain('--holdout (holdoutPercent): Too big: expected ≤50');
  });

  it('refuses a holdout that is not a number before calling the API', async () => {
    const run = await runShoal(
      'campaign',
      'send',
      '--segment',
      'Champions',
      '--subject',
      'x',
      '--html',
      html,
      '--holdout',
      'ten',
    );

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('expected a percentage such as 10');
    expect(server.requests).toEqual([]);
  });
});

describe('shoal campaign results', () => {
  it('prints the funnel, both groups and the uplift', async () => {
    const { stdout } = await runShoal('campaign', 'results', 'c-1');

    expect(stdout).toMatch(/unsubscribed\s+2/);
    expect(stdout).toMatch(/treatment\s+100\s+10\s+10%\s+\$1,500\s+\$15/);
    expect(stdout).toContain(
      'Uplift: +10 points of conversion, 10 incremental conversions, $1,500 incremental revenue',
    );
  });

  it('prints the API’s JSON unchanged with --json', async () => {
    const { stdout } = await runShoal('campaign', 'results', 'c-1', '--json');

    expect(JSON.parse(stdout)).toEqual(results);
  });
});
