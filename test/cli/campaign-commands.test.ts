import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { CampaignResults } from '../../core/campaigns/campaign-results';
import type { FakeRoutes } from './fake-shoal-server';
import { runShoal } from './run-shoal-in-process';
import { useFakeShoalApi, validationFailure } from './use-fake-shoal-api';

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
const api = useFakeShoalApi(routes);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  Object.assign(routes, {
    'GET /v1/config': { body: { currency: 'USD', locale: 'en-US', timeZone: 'UTC', local: true } },
    'GET /v1/segments': { body: { runId: 'run-1', segments } },
    'POST /v1/campaigns': { status: 201, body: campaign('draft') },
    'POST /v1/campaigns/c-1/send': { status: 202, body: campaign('sending') },
    'GET /v1/campaigns/c-1': { body: campaign('sent') },
    'GET /v1/campaigns/c-1/results': { body: results },
  } satisfies FakeRoutes);
});

/** `shoal campaign send` to Champions with a subject and the HTML file, plus what a test adds. */
const sendToChampions = (...extra: string[]) =>
  runShoal(
    'campaign',
    'send',
    '--segment',
    'Champions',
    '--subject',
    'x',
    '--html',
    html,
    ...extra,
  );

const bodyOf = (path: string) =>
  JSON.parse(api.server.requests.find((request) => request.path === path)!.body);

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
    expect(api.server.requests.map(({ method, path }) => `${method} ${path}`)).toContain(
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
    expect(api.server.requests.some(({ method }) => method === 'POST')).toBe(false);
  });

  it('names the flag behind a field the API rejects', async () => {
    routes['POST /v1/campaigns'] = validationFailure({
      path: 'holdoutPercent',
      message: 'Too big: expected ≤50',
    });

    const run = await sendToChampions('--holdout', '80');

    expect(run.stderr).toContain('--holdout (holdoutPercent): Too big: expected ≤50');
  });

  it('refuses a holdout that is not a number before calling the API', async () => {
    const run = await sendToChampions('--holdout', 'ten');

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('expected a percentage such as 10');
    expect(api.server.requests).toEqual([]);
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
