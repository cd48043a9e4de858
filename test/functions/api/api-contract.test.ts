import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Validator } from '@seriousme/openapi-schema-validator';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, type AwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbImportStore } from '../../../adapters/aws/dynamodb-import-store';
import { apiRoutes } from '../../../functions/api/api-routes';
import { mimeHeaders } from '../../../functions/api/mime-headers';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack';
import { waitUntil } from '../../../infra/local/wait-until';
import { oneClickUrlOf, postOneClick } from './one-click-unsubscribe';

const CUSTOMERS = [
  'customer_id,email,first_name,country,city,birth_year,income,accepts_marketing',
  ...Array.from({ length: 40 }, (_, i) =>
    [
      `c${i}`,
      `person${i}@example.com`,
      `Name${i}`,
      i % 2 ? 'SE' : 'AU',
      i % 2 ? 'Stockholm' : 'Sydney',
      1960 + i,
      20000 + i * 1500,
      i % 5 ? 'yes' : 'no',
    ].join(','),
  ),
].join('\n');
const ORDERS = [
  'order_id,customer_id,ordered_at,total,status',
  ...Array.from({ length: 40 }, (_, i) =>
    Array.from({ length: 1 + (i % 4) }, (_, k) =>
      [
        `o${i}-${k}`,
        `c${i}`,
        `2026-${String(1 + ((i + k * 3) % 10)).padStart(2, '0')}-1${k}T10:00:00Z`,
        (15 + i * 7 + k).toFixed(2),
        'completed',
      ].join(','),
    ),
  ).flat(),
].join('\n');

describe('the HTTP API on the local stack', () => {
  let dataDir: string;
  let stack: LocalStack;
  let clients: AwsClients;
  let base: string;
  const admin = () => ({ authorization: `Bearer ${stack.secrets.adminKey}` });
  const storefront = () => ({ 'x-shoal-storefront-key': stack.secrets.storefrontKey });
  const call = async (
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    const json =
      response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, text, json };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoal-api-'));
    process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
    // Two campaigns go to the same people below; a cap of two makes the audience estimate's
    // frequency-cap count observable afterwards without holding back the second campaign.
    process.env.MAX_EMAILS_PER_WEEK = '2';
    stack = await startLocalStack({ dataDir, timeZone: 'UTC' });
    base = stack.api.url;
    clients = createAwsClients(stack.aws.config.clients);
    const { bucket, tables } = stack.aws.config;
    const imports = new DynamoDbImportStore(clients.documents, tables.imports);
    await clients.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'imports/customers/shop.csv', Body: CUSTOMERS }),
    );
    await waitUntil(
      async () =>
        (await imports.listImports({ limit: 5 })).imports.some((i) => i.status !== 'running'),
      {
        timeoutMs: 60_000,
        what: 'the customer import',
      },
    );
    await clients.s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'imports/orders/orders.csv', Body: ORDERS }),
    );
    await waitUntil(
      async () =>
        (await imports.listImports({ limit: 5 })).imports.filter((i) => i.status !== 'running')
          .length === 2,
      { timeoutMs: 60_000, what: 'the order import' },
    );
  }, 120_000);

  afterAll(async () => {
    delete process.env.MAX_EMAILS_PER_WEEK;
    clients.dynamodb.destroy();
    clients.s3.destroy();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves health and an OpenAPI 3.1 document that validates and covers every route', async () => {
    expect((await call('GET', '/health')).json).toEqual({
      status: 'ok',
      version: expect.any(String),
    });
    const { json: document } = await call('GET', '/openapi.json');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of apiRoutes.filter((r) => r.tag !== 'dashboard')) {
      expect(
        document.paths[route.path]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
  });

  it('refuses admin routes without the admin key, and storefront routes without a storefront key', async () => {
    const noKey = await call('GET', '/v1/segments');
    expect(noKey.status).toBe(401);
    expect(noKey.json.error.code).toBe('unauthorized');
    expect(
      (await call('GET', '/v1/segments', { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const storefrontNoKey = await call('GET', '/v1/customers/c1/segments');
    expect(storefrontNoKey.status).toBe(401);
    expect(storefrontNoKey.json.error.message).toMatch(/x-shoal-storefront-key/);
    expect(
      (
        await call('GET', '/v1/customers/c1/segments', {
          headers: { 'x-shoal-storefront-key': 'nope' },
        })
      ).status,
    ).toBe(401);
  });

  it('serves the dashboard’s files without a key, and 404s for files it does not have', async () => {
    const page = await call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await call('GET', '/assets/chart.umd.min.js')).status).toBe(200);
    expect((await call('GET', '/../package.json')).status).toBe(404);
  });

  it('answers unknown routes with 404 and wrong methods with 405, in the error envelope', async () => {
    const missing = await call('GET', '/v1/nothing', { headers: admin() });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      error: { code: 'not_found', message: expect.any(String), details: {} },
    });
    expect((await call('PATCH', '/v1/segments', { headers: admin() })).status).toBe(405);
  });

  it('lists imports and shows one with its report', async () => {
    const list = await call('GET', '/v1/imports', { headers: admin() });
    expect(list.status).toBe(200);
    expect(list.json.items).toHaveLength(2);
    const customersImport = list.json.items.find((i: { kind: string }) => i.kind === 'customers');
    expect(customersImport.counts.inserted).toBe(40);
    const one = await call('GET', `/v1/imports/${encodeURIComponent(customersImport.id)}`, {
      headers: admin(),
    });
    expect(one.status).toBe(200);
    expect(one.json.import.id).toBe(customersImport.id);
    expect(one.json.rejected).toEqual([]);
    expect((await call('GET', '/v1/imports/nope', { headers: admin() })).status).toBe(404);
    expect(
      (await call('GET', '/v1/imports?limit=0', { headers: admin() })).json.error.details.issues[0]
        .path,
    ).toBe('limit');
  });

  it('hands out a presigned upload URL that starts an import', async () => {
    const { json } = await call('POST', '/v1/imports/upload-url', {
      headers: admin(),
      body: { fileName: 'late.csv', kind: 'customers' },
    });
    expect(json.key).toMatch(/^imports\/customers\/.+-late\.csv$/);
    const put = await fetch(json.url, {
      method: 'PUT',
      body: 'customer_id,email\nlate1,late1@example.com\n',
    });
    expect(put.status).toBe(200);
    const bad = await call('POST', '/v1/imports/upload-url', {
      headers: admin(),
      body: { fileName: '../x.csv' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues[0].path).toBe('fileName');
  });

  it(
    'starts a run, then serves segments, members, the grid, clusters and the overview',
    { timeout: 120_000 },
    async () => {
      expect((await call('GET', '/v1/runs/latest', { headers: admin() })).status).toBe(404);
      const started = await call('POST', '/v1/runs', {
        headers: admin(),
        body: { asOf: '2026-11-01' },
      });
      expect(started.status).toBe(202);
      expect(started.json).toEqual({ runId: 'run-2026-11-01', asOf: '2026-11-01' });
      await stack.runsIdle();
      const latest = await call('GET', '/v1/runs/latest', { headers: admin() });
      expect(latest.json).toMatchObject({ runId: 'run-2026-11-01', status: 'complete' });
      expect((await call('GET', '/v1/runs', { headers: admin() })).json.runs).toHaveLength(1);

      const catalog = (await call('GET', '/v1/segments', { headers: admin() })).json;
      expect(catalog.runId).toBe('run-2026-11-01');
      const rfm = catalog.segments.filter((s: { kind: string }) => s.kind === 'rfm');
      expect(rfm.reduce((sum: number, s: { customers: number }) => sum + s.customers, 0)).toBe(40);
      const biggest = [...rfm].sort((a, b) => b.customers - a.customers)[0];
      const detail = (
        await call('GET', `/v1/segments/${encodeURIComponent(biggest.segmentId)}`, {
          headers: admin(),
        })
      ).json;
      expect(detail).toMatchObject({ segmentId: biggest.segmentId, customers: biggest.customers });
      expect(detail.trend).toEqual([
        { asOf: '2026-11-01', customers: biggest.customers, revenue: biggest.revenue },
      ]);

      const firstPage = await call(
        'GET',
        `/v1/segments/${encodeURIComponent(biggest.segmentId)}/members?limit=2`,
        { headers: admin() },
      );
      expect(firstPage.json.items).toHaveLength(Math.min(2, biggest.customers));
      expect(firstPage.json.items[0].reason[0]).toMatch(/R=\d F=\d M=\d/);
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(
          'GET',
          `/v1/segments/${encodeURIComponent(biggest.segmentId)}/members?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          { headers: admin() },
        );
        ids.push(...page.json.items.map((m: { customerId: string }) => m.customerId));
        cursor = page.json.cursor;
      } while (cursor);
      expect(new Set(ids).size).toBe(biggest.customers);
      expect((await call('GET', '/v1/segments/nope/members', { headers: admin() })).status).toBe(
        404,
      );
      expect(
        (
          await call('GET', `/v1/segments/${biggest.segmentId}/members?cursor=garbage`, {
            headers: admin(),
          })
        ).status,
      ).toBe(400);

      const grid = (await call('GET', '/v1/rfm/grid', { headers: admin() })).json;
      expect(
        grid.cells.reduce((sum: number, c: { customers: number }) => sum + c.customers, 0),
      ).toBe(40);
      const cell = grid.cells[0];
      const inCell = (
        await call('GET', `/v1/customers?r=${cell.r}&f=${cell.f}`, { headers: admin() })
      ).json;
      expect(inCell.total).toBe(cell.customers);
      expect((await call('GET', '/v1/customers?r=9&f=1', { headers: admin() })).status).toBe(400);

      const clusters = (await call('GET', '/v1/clusters', { headers: admin() })).json.clusters;
      expect(clusters.length).toBeGreaterThanOrEqual(2);
      expect(clusters[0].features.map((f: { feature: string }) => f.feature)).toContain('monetary');

      const overview = (await call('GET', '/v1/overview', { headers: admin() })).json;
      expect(overview).toMatchObject({
        customersWithOrders: 40,
        currentRunId: 'run-2026-11-01',
        currency: 'USD',
      });
      expect(overview.lastImport).toBeDefined();
    },
  );

  it('serves a customer’s segments to the storefront with an ETag, by id and by e-mail', async () => {
    const byId = await call('GET', '/v1/customers/c7/segments', { headers: storefront() });
    expect(byId.status).toBe(200);
    expect(byId.json.segments.length).toBeGreaterThan(0);
    expect(byId.json.rfm).toMatchObject({ r: expect.any(Number), segmentName: expect.any(String) });
    expect(byId.headers.get('cache-control')).toMatch(/max-age/);
    const etag = byId.headers.get('etag') ?? '';
    expect(
      (
        await call('GET', '/v1/customers/c7/segments', {
          headers: { ...storefront(), 'if-none-match': etag },
        })
      ).status,
    ).toBe(304);
    const byEmail = await call(
      'GET',
      `/v1/customers/by-email/${encodeURIComponent(' Person7@Example.com ')}/segments`,
      { headers: storefront() },
    );
    expect(byEmail.json).toEqual(byId.json);
    const unknown = await call('GET', '/v1/customers/nobody/segments', { headers: storefront() });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('not_found');
  });

  it('accepts a batch of events, reporting each invalid one by index and field', async () => {
    const response = await call('POST', '/v1/events', {
      headers: storefront(),
      body: {
        events: [
          {
            customerId: 'c1',
            type: 'Add to cart',
            at: '2026-10-30T10:00:00Z',
            properties: { sku: 'MUG-1' },
          },
          { email: 'new.visitor@example.com', type: 'product_viewed', at: '2026-10-30T11:00:00Z' },
          { customerId: 'c2', type: 'purchased', at: 'yesterday' },
          { type: 'viewed', at: '2026-10-30T10:00:00Z' },
        ],
      },
    });
    expect(response.status).toBe(202);
    expect(response.json.accepted).toBe(2);
    expect(
      response.json.errors.map((e: { index: number; path: string }) => [e.index, e.path]),
    ).toEqual([
      [2, '2.at'],
      [3, '3.customerId'],
    ]);
    const detail = (await call('GET', '/v1/customers/c1', { headers: admin() })).json;
    expect(detail.events.some((e: { type: string }) => e.type === 'added_to_cart')).toBe(true);
    const tooMany = await call('POST', '/v1/events', {
      headers: storefront(),
      body: { events: Array.from({ length: 101 }, () => ({})) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.details.issues[0].path).toBe('events');
    const notJson = await fetch(`${base}/v1/events`, {
      method: 'POST',
      headers: { ...storefront(), 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('creates, previews, updates, exports and deletes a rule segment', async () => {
    const rule = { type: 'compare', field: 'profile.country', op: 'eq', value: 'SE' };
    const preview = (
      await call('POST', '/v1/segments/preview', { headers: admin(), body: { rule } })
    ).json;
    expect(preview.count).toBe(20);
    expect(preview.sample[0].reason.join(' ')).toMatch(/SE/i);
    const invalid = await call('POST', '/v1/segments/preview', {
      headers: admin(),
      body: {
        rule: {
          type: 'and',
          children: [{ type: 'compare', field: 'x', op: 'between', value: [5, 1] }],
        },
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details.issues[0].path).toBe('rule.children.0.value');

    const created = await call('POST', '/v1/segments', {
      headers: admin(),
      body: { name: 'Swedes', rule },
    });
    expect(created.status).toBe(201);
    expect(created.json.id).toBe('swedes');
    expect(
      (await call('POST', '/v1/segments', { headers: admin(), body: { name: 'Swedes', rule } }))
        .status,
    ).toBe(409);
    const listed = (await call('GET', '/v1/segments', { headers: admin() })).json.segments.find(
      (s: { segmentId: string }) => s.segmentId === 'swedes',
    );
    expect(listed).toMatchObject({ inCurrentRun: false, definitionText: 'country is “SE”' });
    const updated = await call('PUT', '/v1/segments/swedes', {
      headers: admin(),
      body: { name: 'Swedes', rule: { ...rule, value: 'AU' } },
    });
    expect(updated.json.rule.value).toBe('AU');
    expect(
      (await call('PUT', '/v1/segments/nope', { headers: admin(), body: { name: 'x', rule } }))
        .status,
    ).toBe(404);
    expect((await call('DELETE', '/v1/segments/rfm:champions', { headers: admin() })).status).toBe(
      409,
    );
    expect((await call('DELETE', '/v1/segments/swedes', { headers: admin() })).status).toBe(204);
    expect((await call('DELETE', '/v1/segments/swedes', { headers: admin() })).status).toBe(404);

    const catalog = (await call('GET', '/v1/segments', { headers: admin() })).json;
    const some = catalog.segments.find((s: { customers: number }) => s.customers > 0);
    const csv = await call(
      'GET',
      `/v1/segments/${encodeURIComponent(some.segmentId)}/export?hashEmails=true`,
      { headers: admin() },
    );
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const [header, first] = csv.text.split('\r\n');
    expect(header).toBe('customer_id,email_sha256,since,reason');
    expect(first?.split(',')[1]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows a customer’s profile with segments and reasons, and 404s for strangers', async () => {
    const detail = await call('GET', '/v1/customers/c3', { headers: admin() });
    expect(detail.status).toBe(200);
    expect(detail.json.profile.email).toBe('person3@example.com');
    expect(detail.json.orders).toHaveLength(4);
    expect(detail.json.segments.memberships.length).toBeGreaterThan(0);
    expect((await call('GET', '/v1/customers/nobody', { headers: admin() })).status).toBe(404);
  });

  it('exports everything about a person, then erases them so nothing answers for them again', async () => {
    const exported = await call('GET', '/v1/customers/c5/export', { headers: admin() });
    expect(exported.status).toBe(200);
    expect(exported.json.profile.email).toBe('person5@example.com');
    expect(exported.json.orders.length).toBeGreaterThan(0);
    const erased = await call('DELETE', '/v1/customers/c5', { headers: admin() });
    expect(erased.status).toBe(200);
    expect(erased.json.customers.profiles).toBe(1);
    expect(erased.json.suppressedAddresses).toBe(1);
    expect((await call('GET', '/v1/customers/c5', { headers: admin() })).status).toBe(404);
    expect((await call('GET', '/v1/customers/c5/segments', { headers: storefront() })).status).toBe(
      404,
    );
    expect((await call('DELETE', '/v1/customers/c5', { headers: admin() })).status).toBe(404);
  });

  it(
    'sends a campaign to a segment once per consenting recipient, honours one-click unsubscribe, and skips them next time',
    { timeout: 120_000 },
    async () => {
      stack.aws.ses.clearOutbox();
      const catalog = (await call('GET', '/v1/segments', { headers: admin() })).json;
      const buyers = catalog.segments.filter(
        (s: { kind: string; customers: number }) => s.kind === 'rfm' && s.customers > 0,
      );
      const audience = { segmentIds: buyers.map((s: { segmentId: string }) => s.segmentId) };
      const content = {
        subject: 'Hello {{ first_name | default: "there" }}',
        html: '<p>Hi {{ first_name }}</p>',
      };
      const badTemplate = await call('POST', '/v1/campaigns', {
        headers: admin(),
        body: { name: 'Broken', audience, content: { subject: 'Hi', html: '{{ shoe_size }}' } },
      });
      expect(badTemplate.status).toBe(400);
      expect(badTemplate.json.error.message).toMatch(/shoe_size/);

      const created = await call('POST', '/v1/campaigns', {
        headers: admin(),
        body: { name: 'Autumn', audience, content },
      });
      expect(created.status).toBe(201);
      const sending = await call('POST', `/v1/campaigns/${created.json.campaignId}/send`, {
        headers: admin(),
      });
      expect(sending.status).toBe(202);
      await stack.campaigns.idle();
      const outbox = (await call('GET', '/v1/outbox', { headers: admin() })).json.items;
      const recipients = outbox.map((m: { to: string[] }) => m.to[0]).sort();
      // c5 was erased above; of the other 39 buyers, every fifth (c0, c10…) declined marketing.
      const expected = Array.from({ length: 40 }, (_, i) => i)
        .filter((i) => i % 5 !== 0)
        .map((i) => `person${i}@example.com`)
        .sort();
      expect(recipients).toEqual(expected);
      expect(new Set(recipients).size).toBe(recipients.length);
      const message = outbox[0];
      expect(message.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      const url = oneClickUrlOf(message.headers['list-unsubscribe']);
      expect(url.startsWith(`${base}/v1/unsubscribe?token=`)).toBe(true);

      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<form method="post"/);
      expect((await postOneClick(`${url.slice(0, -2)}xx`)).status).toBe(401);
      const unsubscribed = await postOneClick(url);
      expect(unsubscribed.status).toBe(200);
      expect(unsubscribed.redirected).toBe(false);

      const results = (
        await call('GET', `/v1/campaigns/${created.json.campaignId}/results`, { headers: admin() })
      ).json;
      expect(results).toMatchObject({ sent: expected.length, unsubscribed: 1 });

      stack.aws.ses.clearOutbox();
      const second = await call('POST', '/v1/campaigns', {
        headers: admin(),
        body: { name: 'Winter', audience, content },
      });
      await call('POST', `/v1/campaigns/${second.json.campaignId}/send`, { headers: admin() });
      await stack.campaigns.idle();
      const secondRecipients = (
        await call('GET', '/v1/outbox', { headers: admin() })
      ).json.items.map((m: { to: string[] }) => m.to[0]);
      expect(secondRecipients).toHaveLength(expected.length - 1);
      expect(secondRecipients).not.toContain(message.to[0]);
      expect(
        (await call('POST', `/v1/campaigns/${second.json.campaignId}/cancel`, { headers: admin() }))
          .status,
      ).toBe(409);
    },
  );

  it('estimates a campaign’s reach on the current run, with why the others would not be mailed', async () => {
    const catalog = (await call('GET', '/v1/segments', { headers: admin() })).json;
    const buyers = catalog.segments
      .filter((s: { kind: string; customers: number }) => s.kind === 'rfm' && s.customers > 0)
      .map((s: { segmentId: string }) => s.segmentId);
    const estimate = await call('POST', '/v1/campaigns/audience-estimate', {
      headers: admin(),
      body: { audience: { segmentIds: buyers }, holdoutPercent: 10 },
    });
    expect(estimate.status).toBe(200);
    // 39 buyers after c5's erasure; 7 declined marketing, one unsubscribed above; the other 31
    // got both campaigns above, which is the cap of two a week.
    expect(estimate.json).toEqual({
      audience: 39,
      eligible: 31,
      ineligible: { missingEmail: 0, invalidEmail: 0, noConsent: 7, suppressed: 1 },
      suppressedByReason: { unsubscribed: 1 },
      heldOut: 3,
      postponed: 31,
    });
    const invalid = await call('POST', '/v1/campaigns/audience-estimate', {
      headers: admin(),
      body: { audience: { segmentIds: [] } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details.issues[0].path).toBe('audience.segmentIds');
    expect(
      (
        await call('POST', '/v1/campaigns/audience-estimate', {
          body: { audience: { segmentIds: buyers } },
        })
      ).status,
    ).toBe(401);
  });

  it('lists a customer’s recent sends, newest first, with the campaign’s name', async () => {
    const sent = (await call('GET', '/v1/customers/c3', { headers: admin() })).json.sends;
    expect(sent.map((s: { campaignName: string }) => s.campaignName)).toEqual(['Winter', 'Autumn']);
    expect(sent[0]).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    const declined = (await call('GET', '/v1/customers/c10', { headers: admin() })).json.sends;
    expect(declined[0]).toMatchObject({ status: 'ineligible', reason: 'no-consent' });
  });

  it('previews a draft as one customer would receive it, with the headers the send would carry', async () => {
    const catalog = (await call('GET', '/v1/segments', { headers: admin() })).json;
    const created = await call('POST', '/v1/campaigns', {
      headers: admin(),
      body: {
        name: 'Draft',
        audience: { segmentIds: [catalog.segments[0].segmentId] },
        content: { subject: 'For {{ first_name }}', preheader: 'Psst', html: '<p>Hello</p>' },
      },
    });
    const path = `/v1/campaigns/${created.json.campaignId}/preview`;
    const preview = await call('POST', path, { headers: admin(), body: { customerId: 'c3' } });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ subject: 'For Name3', preheader: 'Psst' });
    expect(preview.json.html).toContain('Hello');
    expect(preview.json.headers).toMatchObject({
      to: 'person3@example.com',
      'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
      'x-ses-configuration-set': 'shoal-local',
      'x-shoal-campaign': created.json.campaignId,
    });
    expect(preview.json.headers['list-unsubscribe']).toContain(`${base}/v1/unsubscribe?token=`);
    expect((await simpleParser(preview.json.raw)).subject).toBe('For Name3');
    // The link in a preview is inert: pressing it unsubscribes nobody.
    expect(
      (await postOneClick(oneClickUrlOf(preview.json.headers['list-unsubscribe']))).status,
    ).toBe(404);

    const stranger = await call('POST', path, { headers: admin(), body: { customerId: 'nobody' } });
    expect(stranger.status).toBe(404);
    expect(
      (
        await call('POST', '/v1/campaigns/cmp-nope/preview', {
          headers: admin(),
          body: { customerId: 'c3' },
        })
      ).status,
    ).toBe(404);
    const noCustomer = await call('POST', path, { headers: admin(), body: {} });
    expect(noCustomer.status).toBe(400);
    expect(noCustomer.json.error.details.issues[0].path).toBe('customerId');
    expect((await call('POST', path, { body: { customerId: 'c3' } })).status).toBe(401);
  });

  it(
    'test-sends a sent campaign to colleagues without touching its outbox, and its unsubscribe link unsubscribes nobody',
    { timeout: 60_000 },
    async () => {
      const campaigns = (await call('GET', '/v1/campaigns', { headers: admin() })).json.items;
      const autumn = campaigns.find((c: { name: string }) => c.name === 'Autumn');
      const path = `/v1/campaigns/${autumn.campaignId}`;
      const resultsBefore = (await call('GET', `${path}/results`, { headers: admin() })).json;
      const sendsBefore = (await call('GET', '/v1/customers/c3', { headers: admin() })).json.sends;
      stack.aws.ses.clearOutbox();

      const testSend = await call('POST', `${path}/test-send`, {
        headers: admin(),
        body: { to: ['qa@example.com', 'boss@example.com'], customerId: 'c3' },
      });
      expect(testSend.status).toBe(202);
      expect(testSend.json.sent.map((s: { to: string }) => s.to)).toEqual([
        'qa@example.com',
        'boss@example.com',
      ]);
      const mail = stack.aws.ses.outbox();
      expect(mail.map((m) => m.destinations)).toEqual([['qa@example.com'], ['boss@example.com']]);
      const parsed = await Promise.all(mail.map((m) => simpleParser(m.raw)));
      expect(parsed.map((m) => m.subject)).toEqual(['[Test] Hello Name3', '[Test] Hello Name3']);
      expect(parsed[0]?.html).toContain('Hi Name3');
      expect(parsed[0]?.messageId).not.toBe(parsed[1]?.messageId);
      const oneClick = oneClickUrlOf(mimeHeaders(mail[0]?.raw ?? '')['list-unsubscribe']);
      expect(oneClick.startsWith(`${base}/v1/unsubscribe?token=`)).toBe(true);
      expect((await postOneClick(oneClick)).status).toBe(404);

      expect((await call('GET', `${path}/results`, { headers: admin() })).json).toEqual(
        resultsBefore,
      );
      expect((await call('GET', '/v1/customers/c3', { headers: admin() })).json.sends).toEqual(
        sendsBefore,
      );
      const stillReachable = (
        await call('POST', '/v1/campaigns/audience-estimate', {
          headers: admin(),
          body: { audience: autumn.audience },
        })
      ).json;
      expect(stillReachable.suppressedByReason).toEqual({ unsubscribed: 1 });

      stack.aws.ses.clearOutbox();
      const sample = await call('POST', `${path}/test-send`, {
        headers: admin(),
        body: { to: ['qa@example.com'] },
      });
      expect(sample.status).toBe(202);
      const [sampleMail] = stack.aws.ses.outbox();
      expect((await simpleParser(sampleMail?.raw ?? '')).subject).toBe('[Test] Hello Sample');

      const badAddress = await call('POST', `${path}/test-send`, {
        headers: admin(),
        body: { to: ['qa@example.com', 'not an address'] },
      });
      expect(badAddress.status).toBe(400);
      expect(badAddress.json.error.details.issues[0].path).toBe('to.1');
      const tooMany = await call('POST', `${path}/test-send`, {
        headers: admin(),
        body: { to: Array.from({ length: 6 }, (_, i) => `qa${i}@example.com`) },
      });
      expect(tooMany.json.error.details.issues[0].path).toBe('to');
      expect(
        (
          await call('POST', `${path}/test-send`, {
            headers: admin(),
            body: { to: ['qa@example.com'], customerId: 'nobody' },
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await call('POST', '/v1/campaigns/cmp-nope/test-send', {
            headers: admin(),
            body: { to: ['qa@example.com'] },
          })
        ).status,
      ).toBe(404);
      expect(
        (await call('POST', `${path}/test-send`, { body: { to: ['qa@example.com'] } })).status,
      ).toBe(401);
      expect(stack.aws.ses.outbox()).toHaveLength(1);
    },
  );
});
