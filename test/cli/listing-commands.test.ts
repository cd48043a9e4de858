import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../core/ingest/import-record';
import { runShoal } from './run-shoal-in-process';
import { useFakeShoalApi } from './use-fake-shoal-api';

const anImport: ImportRecord = {
  id: 'imp-1',
  key: 'imports/customers/2026-05-01T12-00-00-000Z-crm.csv',
  status: 'succeeded',
  counts: {
    read: 2240,
    inserted: 2240,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    failed: 0,
    warnings: 12,
    profilesCreated: 0,
  },
  issuesTruncated: false,
  startedAt: '2026-05-01T12:00:01.000Z',
};

const catalog = {
  runId: 'run-2014-12-01',
  asOf: '2014-12-01',
  segments: [
    {
      segmentId: 'rfm-champions',
      name: 'Champions',
      kind: 'rfm',
      customers: 1204,
      revenue: 654321.5,
      entered: 3,
      left: 1,
      inCurrentRun: true,
    },
  ],
};

const customer = {
  profile: {
    customerId: '5524',
    firstName: 'Ada',
    email: 'ada@example.org',
    country: 'ES',
    consent: { state: 'granted' },
    attributes: {},
    sourceTimes: {},
    createdAt: 'x',
    updatedAt: 'x',
    version: 1,
  },
  segments: {
    customerId: '5524',
    runId: 'run-2014-12-01',
    asOf: '2014-12-01',
    rfm: { r: 5, f: 4, m: 5, segmentId: 'rfm-champions', segmentName: 'Champions' },
    lifecycleStage: 'active',
    memberships: [
      {
        segmentId: 'rfm-champions',
        segmentName: 'Champions',
        kind: 'rfm',
        reason: ['R5 F4 M5'],
        since: '2014-11-01',
      },
    ],
    features: { frequency: 25, monetary: 1617, recencyDays: 58 },
  },
  orders: [],
  events: [],
};

const message = {
  messageId: 'm-1',
  receivedAt: '2026-05-01T12:00:00.000Z',
  to: ['ada@example.org'],
  subject: 'Hello',
  headers: {
    from: 'Shop <shop@example.com>',
    to: 'ada@example.org',
    subject: 'Hello',
    'list-unsubscribe': '<http://127.0.0.1/v1/unsubscribe?token=t>',
  },
  html: '<p>Hi</p>',
  raw: 'From: …',
};

useFakeShoalApi({
  'GET /v1/config': { body: { currency: 'EUR', locale: 'es-ES', timeZone: 'UTC', local: true } },
  'GET /v1/imports': { body: { items: [anImport] } },
  'GET /v1/segments': { body: catalog },
  'GET /v1/customers/5524': { body: customer },
  'GET /v1/outbox': { body: { items: [message] } },
});

describe('shoal imports', () => {
  it('lists each import with its status and counts under aligned headers', async () => {
    const { stdout } = await runShoal('imports');

    const [header, row] = stdout.split('\n');
    expect(header).toMatch(/^STARTED \(UTC\)\s+STATUS\s+KIND\s+READ\s+INSERTED/);
    expect(row).toMatch(
      /^2026-05-01 12:00\s+succeeded\s+customers\s+2,240\s+2,240\s+0\s+0\s+12\s+imports\//,
    );
    expect(header!.indexOf('READ') + 'READ'.length).toBe(row!.indexOf('2,240') + '2,240'.length);
  });
});

describe('shoal segments', () => {
  it('prints the API’s JSON unchanged with --json', async () => {
    const { stdout } = await runShoal('segments', '--json');

    expect(JSON.parse(stdout)).toEqual(catalog);
  });

  it('prints sizes and revenue in the shop’s currency', async () => {
    const { stdout } = await runShoal('segments');

    expect(stdout).toContain('Segments of run run-2014-12-01 (as of 2014-12-01)');
    expect(stdout).toMatch(/Champions\s+rfm-champions\s+rfm\s+1,204\s+€654,322\s+3\s+1/);
  });
});

describe('shoal customer', () => {
  it('shows scores and each segment with why the customer is in it', async () => {
    const { stdout } = await runShoal('customer', '5524');

    expect(stdout).toContain('Customer 5524  Ada  ada@example.org');
    expect(stdout).toContain('RFM        R5 F4 M5  Champions');
    expect(stdout).toContain('purchases  25, €1,617, last 58 days ago');
    expect(stdout).toMatch(/Champions\s+rfm\s+2014-11-01\s+R5 F4 M5/);
  });

  it('says which customer is unknown', async () => {
    const { stderr, exitCode } = await runShoal('customer', 'nobody');

    expect(exitCode).toBe(1);
    expect(stderr).toContain('GET /v1/customers/nobody failed with 404 not_found');
  });
});

describe('shoal outbox', () => {
  it('shows each message’s raw headers and flags a missing one-click header', async () => {
    const { stdout } = await runShoal('outbox');

    expect(stdout.split('\n')).toEqual([
      '1 message, newest first',
      '',
      '2026-05-01T12:00:00.000Z  m-1',
      '  From:                  Shop <shop@example.com>',
      '  To:                    ada@example.org',
      '  Subject:               Hello',
      '  List-Unsubscribe:      <http://127.0.0.1/v1/unsubscribe?token=t>',
      '  List-Unsubscribe-Post: (missing)',
    ]);
  });

  it('refuses --stack, since only the local stack has an outbox', async () => {
    const { exitCode, stderr } = await runShoal('outbox', '--stack', 'prod');

    expect(exitCode).toBe(1);
    expect(stderr).toContain("unknown option '--stack'");
  });
});
