import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportRecord } from '../../core/ingest/import-record';
import { type FakeRoutes, type FakeShoalServer, startFakeShoalServer } from './fake-shoal-server';
import { runShoal } from './run-shoal-in-process';

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
  let listings = 0;
  Object.assign(routes, {
    'POST /v1/imports/upload-url': ({ body }) => ({
      body: {
        url: `${server.url}/bucket/${KEY}?signed`,
        key: KEY,
        expiresAt: '2026-05-01T12:15:00.000Z',
        ...(JSON.parse(body).withMapping && {
          mappingUrl: `${server.url}/bucket/${KEY}.mapping.json?signed`,
        }),
      },
    }),
    [`PUT /bucket/${KEY}?signed`]: { status: 200 },
    [`PUT /bucket/${KEY}.mapping.json?signed`]: { status: 200 },
    // The import appears only once the trigger has claimed the upload.
    'GET /v1/imports': () => ({
      body: { items: (listings += 1) === 1 ? [] : [record('partially-failed')] },
    }),
    'GET /v1/imports/imp-1': {
      body: {
        import: record('partially-failed'),
        rejected: [
          {
            file: KEY,
            line: 3,
            reason: 'no customer id or e-mail',
            column: 'customer_id',
            value: '',
          },
        ],
        warnings: [],
      },
    },
  } satisfies FakeRoutes);
});

const paths = () => server.requests.map(({ method, path }) => `${method} ${path}`);

describe('shoal upload', () => {
  it('puts the file through the presigned URL, follows the import and prints its report', async () => {
    const run = await runShoal('upload', exportFile, '--kind', 'orders');

    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      fileName: 'orders.csv',
      kind: 'orders',
    });
    const put = server.requests.find(({ method }) => method === 'PUT')!;
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

    expect(JSON.parse(run.stdout)).toEqual({
      import: record('partially-failed'),
      rejected: [
        {
          file: KEY,
          line: 3,
          reason: 'no customer id or e-mail',
          column: 'customer_id',
          value: '',
        },
      ],
      warnings: [],
    });
  });

  it('puts the mapping beside the export before the export itself', async () => {
    await runShoal('upload', exportFile, '--mapping', mappingFile);

    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({ withMapping: true });
    expect(paths().filter((path) => path.startsWith('PUT'))).toEqual([
      `PUT /bucket/${KEY}.mapping.json?signed`,
      `PUT /bucket/${KEY}?signed`,
    ]);
  });

  it('uploads nothing when the API cannot sign a mapping URL', async () => {
    routes['POST /v1/imports/upload-url'] = {
      body: { url: `${server.url}/bucket/${KEY}?signed`, key: KEY, expiresAt: 'x' },
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
    expect(server.requests).toEqual([]);
  });

  it('refuses a kind the API does not know', async () => {
    const run = await runShoal('upload', exportFile, '--kind', 'products');

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain("argument 'products' is invalid");
  });
});
