import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../core/ingest/import-record';
import type { FakeRoutes } from './fake-shoal-server';
import { runShoal } from './run-shoal-in-process';
import { useFakeShoalApi } from './use-fake-shoal-api';

const KEY = 'imports/orders/2026-05-01T12-00-00-000Z-orders.csv';
const work = mkdtempSync(join(tmpdir(), 'shoal-upload-'));
const exportFile = join(work, 'orders.csv');
const mappingFile = join(work, 'mapping.json');
writeFileSync(exportFile, 'order_id,customer_id,total\n1,c1,10\n2,,5\n');
writeFileSync(mappingFile, JSON.stringify({ columns: { total: 'total' } }));

const record = (status: ImportRecord['status']): ImportRecord => ({
  id: 'imp-1',
  key: KEY,
  kind: 'orders',
  status,
  counts: {
    read: 2240,
    inserted: 2239,
    updated: 0,
    unchanged: 0,
    rejected: 1,
    failed: 0,
    warnings: 0,
    profilesCreated: 0,
  },
  issuesTruncated: false,
  startedAt: '2026-05-01T12:00:01.000Z',
  finishedAt: '2026-05-01T12:00:03.500Z',
  durationMs: 2500,
});

const partialReport = {
  import: record('partially-failed'),
  rejected: [
    { file: KEY, line: 3, reason: 'no customer id or e-mail', column: 'customer_id', value: '' },
  ],
  warnings: [],
};

const routes: FakeRoutes = {};
const api = useFakeShoalApi(routes);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  let listings = 0;
  Object.assign(routes, {
    'POST /v1/imports/upload-url': ({ body }) => ({
      body: {
        url: `${api.server.url}/bucket/${KEY}?signed`,
        key: KEY,
        expiresAt: '2026-05-01T12:15:00.000Z',
        ...(JSON.parse(body).withMapping && {
          mappingUrl: `${api.server.url}/bucket/${KEY}.mapping.json?signed`,
        }),
      },
    }),
    [`PUT /bucket/${KEY}?signed`]: { status: 200 },
    [`PUT /bucket/${KEY}.mapping.json?signed`]: { status: 200 },
    // The import appears only once the trigger has claimed the upload.
    'GET /v1/imports': () => ({
      body: { items: (listings += 1) === 1 ? [] : [record('partially-failed')] },
    }),
    'GET /v1/imports/imp-1': { body: partialReport },
  } satisfies FakeRoutes);
});

const paths = () => api.server.requests.map(({ method, path }) => `${method} ${path}`);

describe('shoal upload', () => {
  it('puts the file through the presigned URL, follows the import and prints its report', async () => {
    const run = await runShoal('upload', exportFile, '--kind', 'orders');

    expect(JSON.parse(api.server.requests[0]!.body)).toEqual({
      fileName: 'orders.csv',
      kind: 'orders',
    });
    const put = api.server.requests.find(({ method }) => method === 'PUT')!;
    expect(put.body).toBe('order_id,customer_id,total\n1,c1,10\n2,,5\n');
    expect(put.contentLength).toBe(String(put.body.length));
    expect(put.authorization).toBeUndefined();
    expect(run.stdout).toContain(`Import imp-1 partially-failed in 2.5 sec: ${KEY}`);
    expect(run.stdout).toMatch(/read\s+2,240/);
    expect(run.stdout).toContain('Rejected rows (first 1 of 1):');
    expect(run.stdout).toMatch(/3\s+customer_id\s+no customer id or e-mail/);
  });

  it('exits with 2 when the import did not fully succeed, and 0 when it did', async () => {
    expect((await runShoal('upload', exportFile)).exitCode).toBe(2);

    routes['GET /v1/imports'] = { body: { items: [record('succeeded')] } };
    routes['GET /v1/imports/imp-1'] = {
      body: { import: record('succeeded'), rejected: [], warnings: [] },
    };
    expect((await runShoal('upload', exportFile)).exitCode).toBe(0);
  });

  it('prints the API’s report unchanged with --json', async () => {
    const run = await runShoal('upload', exportFile, '--json');

    expect(JSON.parse(run.stdout)).toEqual(partialReport);
  });

  it('puts the mapping beside the export before the export itself', async () => {
    await runShoal('upload', exportFile, '--mapping', mappingFile);

    expect(JSON.parse(api.server.requests[0]!.body)).toMatchObject({ withMapping: true });
    expect(paths().filter((path) => path.startsWith('PUT'))).toEqual([
      `PUT /bucket/${KEY}.mapping.json?signed`,
      `PUT /bucket/${KEY}?signed`,
    ]);
  });

  it('uploads nothing when the API cannot sign a mapping URL', async () => {
    routes['POST /v1/imports/upload-url'] = {
      body: { url: `${api.server.url}/bucket/${KEY}?signed`, key: KEY, expiresAt: 'x' },
    };

    const run = await runShoal('upload', exportFile, '--mapping', mappingFile);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('returned no mappingUrl');
    expect(paths().some((path) => path.startsWith('PUT'))).toBe(false);
  });

  it('names --mapping when the mapping is not JSON, before any request', async () => {
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{ columns: ');

    const run = await runShoal('upload', exportFile, '--mapping', broken);

    expect(run.stderr).toContain(`shoal: --mapping ${broken} is not valid JSON`);
    expect(api.server.requests).toEqual([]);
  });

  it('refuses a kind the API does not know', async () => {
    const run = await runShoal('upload', exportFile, '--kind', 'products');

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("argument 'products' is invalid");
  });
});
