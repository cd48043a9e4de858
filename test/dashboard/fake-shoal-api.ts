import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultRfmSegmentTable } from '../../core/segments/rfm-segment-table';
import { rfmSegmentId } from '../../core/segments/segment-ids';
import { createDashboardAssets } from '../../dashboard/dashboard-assets';
import { type FakeCustomer, makeFakeCustomers } from './fake-shop-data';

/**
 * TEST FIXTURE, not Shoal's API: a stand-in serving docs/api.md-shaped JSON from a small in-memory
 * shop, so the dashboard can be built and tested before the real handlers land on main. It serves
 * the dashboard through the same `createDashboardAssets` the lead mounts, and checks the bearer key.
 */

type Json = Record<string, unknown>;
type Rule = {
  type: string;
  children?: Rule[];
  field?: string;
  op?: string;
  value?: unknown;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Json = {},
  ) {
    super(message);
  }
}

const CONFIG = { currency: 'EUR', locale: 'de-DE', timeZone: 'Europe/Berlin', local: true };
const AS_OF = '2026-11-01';
const PREVIOUS_AS_OF = '2026-10-01';

const fieldOf = (customer: FakeCustomer, field: string): unknown =>
  ({
    'rfm.r': customer.r,
    'rfm.f': customer.f,
    'rfm.m': customer.m,
    'rfm.segment': customer.rfmSegment,
    'lifecycle.stage': customer.lifecycleStage,
    'features.frequency': customer.frequency,
    'features.monetary': customer.monetary,
    'features.recencyDays': customer.recencyDays,
    'profile.country': customer.country,
  })[field];

const compare = (actual: unknown, op: string, value: unknown): boolean => {
  const text = (v: unknown) => String(v).toLowerCase();
  if (op === 'exists') return actual !== undefined;
  if (op === 'missing') return actual === undefined;
  if (actual === undefined) return false;
  const [a, b] = [actual as number, value as number];
  switch (op) {
    case 'eq':
      return text(actual) === text(value);
    case 'neq':
      return text(actual) !== text(value);
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'between':
      return a >= (value as number[])[0]! && a <= (value as number[])[1]!;
    case 'in':
      return (value as unknown[]).map(text).includes(text(actual));
    case 'contains':
      return text(actual).includes(text(value));
    case 'starts_with':
      return text(actual).startsWith(text(value));
    default:
      throw new HttpError(400, 'validation-failed', 'invalid rule', {
        issues: [{ path: 'rule.op', message: `unknown operator ${op}` }],
      });
  }
};

const matches = (customer: FakeCustomer, rule: Rule): boolean => {
  if (rule.type === 'and') return (rule.children ?? []).every((c) => matches(customer, c));
  if (rule.type === 'or') return (rule.children ?? []).some((c) => matches(customer, c));
  if (rule.type === 'compare') {
    return compare(fieldOf(customer, rule.field ?? ''), rule.op ?? '', rule.value);
  }
  throw new HttpError(400, 'validation-failed', 'invalid rule', {
    issues: [{ path: 'rule.type', message: `unsupported node ${rule.type}` }],
  });
};

/** The fake shop's state; tests mutate it through the API only. */
const createShop = () => {
  const customers = makeFakeCustomers();
  const ruleSegments: { segmentId: string; name: string; description?: string; rule: Rule }[] = [];
  const campaigns: Json[] = [];
  const outbox: Json[] = [];
  const rfmNames = defaultRfmSegmentTable.map((row) => row.name);

  const summaries = () => [
    ...rfmNames.map((name) => {
      const members = customers.filter((c) => c.rfmSegment === name);
      return {
        segmentId: rfmSegmentId(name),
        name,
        kind: 'rfm',
        customers: members.length,
        revenue: members.reduce((sum, c) => sum + c.monetary, 0),
        description: `RFM segment ${name}`,
      };
    }),
    ...ruleSegments.map((segment) => {
      const members = customers.filter((c) => matches(c, segment.rule));
      return {
        segmentId: segment.segmentId,
        name: segment.name,
        kind: 'rule',
        customers: members.length,
        revenue: members.reduce((sum, c) => sum + c.monetary, 0),
        description: segment.description ?? '',
        rule: segment.rule,
      };
    }),
  ];
  const membersOf = (segmentId: string) => {
    const rule = ruleSegments.find((s) => s.segmentId === segmentId)?.rule;
    return customers.filter((c) =>
      rule ? matches(c, rule) : rfmSegmentId(c.rfmSegment) === segmentId,
    );
  };
  const run = (asOf: string, previous: boolean) => {
    const sizes = summaries().filter((s) => s.kind === 'rfm');
    const transitions: Record<string, Record<string, number>> = {};
    for (const c of customers) {
      const row = (transitions[c.previousRfmSegment] ??= {});
      row[c.rfmSegment] = (row[c.rfmSegment] ?? 0) + 1;
    }
    return {
      runId: `run-${asOf}`,
      asOf,
      timeZone: CONFIG.timeZone,
      status: 'complete',
      startedAt: `${asOf}T02:00:00.000Z`,
      finishedAt: `${asOf}T02:01:00.000Z`,
      customers: customers.length,
      segments: sizes.map((s) => ({
        segmentId: s.segmentId,
        segmentName: s.name,
        kind: s.kind,
        customers: previous ? Math.max(0, s.customers - 2) : s.customers,
        revenue: s.revenue,
        entered: 0,
        left: 0,
      })),
      rfmTransitions: previous ? {} : transitions,
      previousRunId: previous ? undefined : `run-${PREVIOUS_AS_OF}`,
    };
  };
  const theImport = {
    id: 'imp-1',
    key: 'imports/customers/demo-customers.csv',
    kind: 'customers',
    status: 'partially-failed',
    counts: {
      read: 123,
      inserted: 120,
      updated: 0,
      unchanged: 0,
      rejected: 3,
      failed: 0,
      warnings: 1,
      profilesCreated: 0,
    },
    issuesTruncated: false,
    startedAt: '2026-11-01T01:00:00.000Z',
    finishedAt: '2026-11-01T01:00:04.000Z',
  };
  const rejected = [1, 2, 3].map((n) => ({
    file: 'demo-customers.csv',
    line: 10 * n,
    reason: 'no customer id or e-mail',
    column: 'email',
    value: `not-an-address-${n}`,
  }));
  const customerOr404 = (id: string) => {
    const customer = customers.find((c) => c.customerId === id);
    if (!customer) throw new HttpError(404, 'not-found', `no customer ${id}`);
    return customer;
  };
  const campaignOr404 = (id: string) => {
    const campaign = campaigns.find((c) => c.campaignId === id);
    if (!campaign) throw new HttpError(404, 'not-found', `no campaign ${id}`);
    return campaign;
  };
  const audienceOf = (audience: { segmentIds: string[]; excludedSegmentIds?: string[] }) => {
    const excluded = new Set(
      (audience.excludedSegmentIds ?? []).flatMap((id) => membersOf(id).map((c) => c.customerId)),
    );
    const people = new Map(
      audience.segmentIds.flatMap((id) => membersOf(id).map((c) => [c.customerId, c] as const)),
    );
    const all = [...people.values()].filter((c) => !excluded.has(c.customerId));
    return { all, eligible: all.filter((c) => c.email && c.consent === 'granted') };
  };
  const message = (to: string, subject: string, html: string) => ({
    messageId: `msg-${outbox.length + 1}`,
    to: [to],
    subject,
    date: new Date().toISOString(),
    headers: {
      From: 'shop@example.com',
      To: to,
      Subject: subject,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    html,
    text: html.replace(/<[^>]+>/g, ''),
  });
  const results = (campaign: Json) => {
    const sent = (campaign.sentTo as string[] | undefined)?.length ?? 0;
    const heldOut = (campaign.heldOut as number | undefined) ?? 0;
    const stats = (recipients: number) => ({
      recipients,
      converted: 0,
      orders: 0,
      revenue: 0,
      conversionRate: 0,
      revenuePerRecipient: 0,
    });
    return {
      audience: sent + heldOut,
      eligible: sent + heldOut,
      heldOut,
      postponed: { total: 0, frequencyCap: 0, quietHours: 0 },
      sent,
      failed: 0,
      unknown: 0,
      delivered: sent,
      bounced: 0,
      complained: 0,
      opened: 0,
      clicked: 0,
      unsubscribed: 0,
      attributionWindowDays: 7,
      treatment: stats(sent),
      holdout: stats(heldOut),
      uplift: {
        conversionRatePoints: 0,
        revenuePerRecipient: 0,
        incrementalConversions: 0,
        incrementalRevenue: 0,
      },
    };
  };

  /** Routes of docs/api.md the dashboard calls: `METHOD /path` with `:name` parameters. */
  const routes: [string, (p: Record<string, string>, body: Json, q: URLSearchParams) => unknown][] =
    [
      ['GET /v1/config', () => CONFIG],
      [
        'GET /v1/overview',
        () => ({
          customers: customers.length,
          customersWithOrders: customers.filter((c) => c.frequency > 0).length,
          revenue: customers.reduce((sum, c) => sum + c.monetary, 0),
          currency: CONFIG.currency,
          locale: CONFIG.locale,
          lastImport: theImport,
          lastRun: run(AS_OF, false),
          segments: summaries(),
          trend: [run(PREVIOUS_AS_OF, true), run(AS_OF, false)].map((r) => ({
            asOf: r.asOf,
            segments: Object.fromEntries(r.segments.map((s) => [s.segmentName, s.customers])),
          })),
        }),
      ],
      ['GET /v1/runs', () => ({ runs: [run(AS_OF, false), run(PREVIOUS_AS_OF, true)] })],
      ['GET /v1/runs/latest', () => run(AS_OF, false)],
      ['GET /v1/segments', () => ({ runId: `run-${AS_OF}`, asOf: AS_OF, segments: summaries() })],
      [
        'POST /v1/segments/preview',
        (_, body) => {
          const members = customers.filter((c) => matches(c, body.rule as Rule));
          return {
            count: members.length,
            sample: members.slice(0, 20).map((c) => ({
              customerId: c.customerId,
              email: c.email,
              reason: [`R ${c.r}, F ${c.f}`],
            })),
          };
        },
      ],
      [
        'POST /v1/segments',
        (_, body) => {
          const segmentId = String(body.name)
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-');
          ruleSegments.push({ segmentId, name: String(body.name), rule: body.rule as Rule });
          return { id: segmentId, segmentId, name: body.name, rule: body.rule };
        },
      ],
      [
        'GET /v1/segments/:id',
        ({ id }) => {
          const segment = summaries().find((s) => s.segmentId === id);
          if (!segment) throw new HttpError(404, 'not-found', `no segment ${id}`);
          return {
            ...segment,
            aov:
              segment.revenue /
              Math.max(
                1,
                membersOf(id!).reduce((n, c) => n + c.frequency, 0),
              ),
            definitionText:
              segment.kind === 'rfm' ? `RFM segment “${segment.name}”` : 'A rule segment',
            trend: [
              { asOf: PREVIOUS_AS_OF, customers: Math.max(0, segment.customers - 2), revenue: 0 },
              { asOf: AS_OF, customers: segment.customers, revenue: segment.revenue },
            ],
          };
        },
      ],
      [
        'GET /v1/segments/:id/members',
        ({ id }, _, query) => {
          const search = (query.get('search') ?? '').toLowerCase();
          const limit = Number(query.get('limit') ?? 50);
          const start = Number(query.get('cursor') ?? 0);
          const found = membersOf(id!).filter(
            (c) => c.customerId.includes(search) || (c.email ?? '').includes(search),
          );
          return {
            items: found.slice(start, start + limit).map((c) => ({
              customerId: c.customerId,
              email: c.email,
              since: PREVIOUS_AS_OF,
              reason: [`R ${c.r}`, `F ${c.f}`],
            })),
            cursor: start + limit < found.length ? String(start + limit) : undefined,
          };
        },
      ],
      [
        'GET /v1/rfm/grid',
        () => ({
          runId: `run-${AS_OF}`,
          cells: [1, 2, 3, 4, 5].flatMap((r) =>
            [1, 2, 3, 4, 5].flatMap((f) => {
              const inCell = customers.filter((c) => c.r === r && c.f === f);
              // As core's buildRfmGrid makes them: empty cells left out, M as the mean score.
              if (inCell.length === 0) return [];
              return {
                r,
                f,
                customers: inCell.length,
                meanM: inCell.reduce((sum, c) => sum + c.m, 0) / inCell.length,
                segmentName: defaultRfmSegmentTable.find(
                  (row) => r >= row.r[0] && r <= row.r[1] && f >= row.f[0] && f <= row.f[1],
                )!.name,
              };
            }),
          ),
        }),
      ],
      [
        'GET /v1/customers',
        (_, __, query) => ({
          items: customers
            .filter(
              (c) =>
                (!query.get('r') || c.r === Number(query.get('r'))) &&
                (!query.get('f') || c.f === Number(query.get('f'))),
            )
            .map((c) => ({
              customerId: c.customerId,
              email: c.email,
              rfmSegment: c.rfmSegment,
              lifecycleStage: c.lifecycleStage,
              monetary: c.monetary,
            })),
        }),
      ],
      [
        'GET /v1/customers/:id',
        ({ id }) => {
          const c = customerOr404(id!);
          return {
            profile: {
              customerId: c.customerId,
              email: c.email,
              emailDisplay: c.email,
              firstName: c.firstName,
              country: c.country,
              consent: { state: c.consent },
            },
            segments: {
              customerId: c.customerId,
              runId: `run-${AS_OF}`,
              asOf: AS_OF,
              rfm: {
                r: c.r,
                f: c.f,
                m: c.m,
                segmentId: rfmSegmentId(c.rfmSegment),
                segmentName: c.rfmSegment,
              },
              lifecycleStage: c.lifecycleStage,
              memberships: [
                {
                  segmentId: rfmSegmentId(c.rfmSegment),
                  segmentName: c.rfmSegment,
                  kind: 'rfm',
                  reason: [`R ${c.r}, F ${c.f}`],
                  since: PREVIOUS_AS_OF,
                },
              ],
              features: {
                frequency: c.frequency,
                monetary: c.monetary,
                recencyDays: c.recencyDays,
                consentState: c.consent,
              },
            },
            orders: [
              {
                orderId: `o-${c.customerId}`,
                customerId: c.customerId,
                orderedAt: '2026-10-20T10:00:00Z',
                total: c.monetary,
                netRevenue: c.monetary,
                status: 'completed',
                lines: [],
              },
            ],
            events: [
              {
                customerId: c.customerId,
                type: 'page_viewed',
                at: '2026-10-21T10:00:00Z',
                properties: {},
              },
            ],
            sends: [],
          };
        },
      ],
      ['GET /v1/customers/:id/export', ({ id }) => ({ profile: customerOr404(id!) })],
      [
        'DELETE /v1/customers/:id',
        ({ id }) => {
          customers.splice(customers.indexOf(customerOr404(id!)), 1);
          return undefined;
        },
      ],
      [
        'GET /v1/clusters',
        () => ({
          clusters: [
            {
              segmentId: 'cluster:0',
              name: 'Big spenders',
              customers: 40,
              description: 'Buy rarely, spend a lot.',
              features: [
                { feature: 'monetary', mean: 812.5, z: 1.8 },
                { feature: 'frequency', mean: 3.1, z: -0.4 },
              ],
            },
            {
              segmentId: 'cluster:1',
              name: 'Regulars',
              customers: 80,
              description: 'Small baskets, every month.',
              features: [
                { feature: 'monetary', mean: 120.2, z: -0.6 },
                { feature: 'frequency', mean: 11.4, z: 1.2 },
              ],
            },
          ],
        }),
      ],
      ['GET /v1/imports', () => ({ items: [theImport] })],
      [
        'GET /v1/imports/:id',
        ({ id }) => {
          if (id !== theImport.id) throw new HttpError(404, 'not-found', `no import ${id}`);
          return {
            import: theImport,
            rejected,
            warnings: [
              { line: 44, reason: 'unknown country dropped', column: 'country', value: 'Atlantis' },
            ],
          };
        },
      ],
      ['GET /v1/campaigns', () => ({ items: campaigns })],
      [
        'POST /v1/campaigns/audience-estimate',
        (_, body) => {
          const { all, eligible } = audienceOf(body.audience as never);
          return {
            audience: all.length,
            eligible: eligible.length,
            ineligible: {
              missingEmail: all.filter((c) => !c.email).length,
              noConsent: all.filter((c) => c.email && c.consent !== 'granted').length,
              suppressed: 0,
            },
            postponed: 0,
          };
        },
      ],
      [
        'POST /v1/campaigns',
        (_, body) => {
          const now = new Date().toISOString();
          const campaign = {
            ...body,
            campaignId: `cmp-${campaigns.length + 1}`,
            kind: 'broadcast',
            status: 'draft',
            holdoutPercent: body.holdoutPercent ?? 0,
            createdAt: now,
            updatedAt: now,
          };
          campaigns.push(campaign);
          return campaign;
        },
      ],
      ['GET /v1/campaigns/:id', ({ id }) => campaignOr404(id!)],
      ['GET /v1/campaigns/:id/results', ({ id }) => results(campaignOr404(id!))],
      [
        'POST /v1/campaigns/:id/preview',
        ({ id }, body) => {
          const c = customerOr404(String(body.customerId));
          const content = campaignOr404(id!).content as { subject: string; html: string };
          const html = content.html.replace(/\{\{\s*customer\.firstName\s*\}\}/g, c.firstName);
          return { subject: content.subject, html, text: html, headers: {} };
        },
      ],
      [
        'POST /v1/campaigns/:id/send',
        ({ id }) => {
          const campaign = campaignOr404(id!);
          const content = campaign.content as { subject: string; html: string };
          const { eligible } = audienceOf(campaign.audience as never);
          const heldOut = Math.floor((eligible.length * Number(campaign.holdoutPercent)) / 100);
          const mailed = eligible.slice(heldOut);
          for (const c of mailed) outbox.unshift(message(c.email!, content.subject, content.html));
          Object.assign(campaign, {
            status: 'sent',
            startedAt: new Date().toISOString(),
            sentTo: mailed.map((c) => c.customerId),
            heldOut,
          });
          return campaign;
        },
      ],
      ['GET /v1/outbox', () => ({ items: outbox })],
    ];
  return routes.map(([route, handle]) => {
    const [method, path] = route.split(' ') as [string, string];
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    return { method, pattern, names, handle };
  });
};

const readBody = async (request: IncomingMessage): Promise<Json> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Json) : {};
};

const sendJson = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
};

export interface FakeShoalApi {
  baseUrl: string;
  adminKey: string;
  stop: () => Promise<void>;
}

export const startFakeShoalApi = async (): Promise<FakeShoalApi> => {
  const adminKey = 'test-admin-key';
  const routes = createShop();
  const assets = createDashboardAssets();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/v1/')) {
      const asset = assets(url.pathname);
      if (!asset)
        return sendJson(response, 404, {
          error: { code: 'not-found', message: 'no such file', details: {} },
        });
      response.writeHead(200, {
        'content-type': asset.contentType,
        'cache-control': asset.cacheControl,
      });
      return response.end(asset.body);
    }
    if (request.headers.authorization !== `Bearer ${adminKey}`) {
      return sendJson(response, 401, {
        error: { code: 'unauthorized', message: 'missing or wrong key', details: {} },
      });
    }
    void (async () => {
      try {
        for (const route of routes) {
          const found = route.method === request.method ? route.pattern.exec(url.pathname) : null;
          if (!found) continue;
          const params = Object.fromEntries(
            route.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]),
          );
          const result = route.handle(params, await readBody(request), url.searchParams);
          const created =
            request.method === 'POST' && /\/v1\/(segments|campaigns)$/.test(url.pathname);
          return sendJson(response, result === undefined ? 204 : created ? 201 : 200, result);
        }
        throw new HttpError(404, 'not-found', `no route ${request.method} ${url.pathname}`);
      } catch (error) {
        const known =
          error instanceof HttpError ? error : new HttpError(500, 'internal', String(error));
        sendJson(response, known.status, {
          error: { code: known.code, message: known.message, details: known.details },
        });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    adminKey,
    stop: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
};
