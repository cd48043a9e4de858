import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsClients } from '../../adapters/aws/aws-clients';
import { seedDemoShop } from '../../infra/local/seed-demo-shop';
import { startLocalStack } from '../../infra/local/start-local-stack';
import { waitUntil } from '../../infra/local/wait-until';

/** A running Shoal the browser tests drive: the dashboard at `/` and the API under `/v1`. */
export interface DashboardTarget {
  baseUrl: string;
  adminKey: string;
  /** Mails through the stack's local SES endpoint, as Shoal's senders do, for the outbox page. */
  sendEmail: (message: { to: string; subject: string; html: string }) => Promise<void>;
  stop: () => Promise<void>;
}

/** The demo shop's first run; the second, a month later, is the current one. */
export const PREVIOUS_RUN = '2026-10-01';
export const CURRENT_RUN = '2026-11-01';
/** Enough for every RFM cell and cluster to have people; the full 3,000 takes ~50 s to load. */
const DEMO_CUSTOMERS = 600;
/** Lost customers who buy again between the runs, so the movement page has moves to show. */
const REVIVED = 25;

/** The tests' own API client, to read the figures the page must show. */
export const targetApi = ({ baseUrl, adminKey }: Pick<DashboardTarget, 'baseUrl' | 'adminKey'>) => {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
    status: async (path: string) =>
      (await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${adminKey}` } }))
        .status,
  };
};

/**
 * A month of orders from Lost customers, plus one row Shoal must reject, uploaded the way the
 * dashboard's users do: a presigned URL from the API, then a PUT. Waits for the import to end.
 */
const uploadLaterOrders = async (api: ReturnType<typeof targetApi>) => {
  const { items } = await api.get<{ items: { customerId: string }[] }>(
    `/v1/segments/${encodeURIComponent('rfm:lost')}/members?limit=${REVIVED}`,
  );
  const rows = items.flatMap(({ customerId }, index) =>
    ['2026-10-08T10:00:00Z', '2026-10-22T18:30:00Z'].map(
      (at, n) =>
        `SO-LATER-${index}-${n},${customerId},${at},completed,web,EUR,89,,,KIT-KNI-01,Chef’s knife 21 cm,kitchen,1,89`,
    ),
  );
  const csv = [
    'order_id,customer_id,ordered_at,status,channel,currency,total,refunded_amount,cancelled_at,sku,product_name,category,quantity,unit_price',
    ...rows,
    `SO-LATER-BAD,${items[0]!.customerId},not-a-date,completed,web,EUR,89,,,KIT-KNI-01,Chef’s knife 21 cm,kitchen,1,89`,
    '',
  ].join('\n');
  const { url, key } = await api.post<{ url: string; key: string }>('/v1/imports/upload-url', {
    fileName: 'later-orders.csv',
    kind: 'orders',
  });
  const put = await fetch(url, { method: 'PUT', body: csv });
  if (!put.ok) throw new Error(`uploading the later orders answered ${put.status}`);
  await waitUntil(
    async () => {
      const { items: imports } = await api.get<{ items: { key: string; status: string }[] }>(
        '/v1/imports?limit=10',
      );
      return imports.some((record) => record.key === key && record.status !== 'running');
    },
    { timeoutMs: 60_000, what: 'the import of the later orders' },
  );
};

/**
 * The real local stack in a temporary data directory, with the demo shop loaded through the bucket
 * and segmented twice: as of PREVIOUS_RUN, then, after some Lost customers ordered again, as of
 * CURRENT_RUN. The shop sells in euros with German formatting, so the tests see the shop's
 * currency and locale rather than defaults.
 */
export const startDashboardTarget = async (): Promise<DashboardTarget> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoal-dashboard-'));
  const stack = await startLocalStack({
    dataDir,
    currency: 'EUR',
    locale: 'de-DE',
    timeZone: 'Europe/Berlin',
  });
  const { ses } = createAwsClients(stack.aws.config.clients);
  const target: DashboardTarget = {
    baseUrl: stack.api.url,
    adminKey: stack.secrets.adminKey,
    sendEmail: async ({ to, subject, html }) => {
      const raw = [
        'From: Demo shop <shop@example.com>',
        `To: ${to}`,
        `Subject: ${subject}`,
        'MIME-Version: 1.0',
        'List-Unsubscribe: <https://shop.example.com/unsubscribe?token=test>',
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        'Content-Type: text/html; charset=utf-8',
        '',
        html,
      ].join('\r\n');
      await ses.send(new SendRawEmailCommand({ RawMessage: { Data: Buffer.from(raw) } }));
    },
    stop: async () => {
      ses.destroy();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await seedDemoShop({ stack, asOf: PREVIOUS_RUN, customers: DEMO_CUSTOMERS });
    await uploadLaterOrders(targetApi(target));
    const { outcome } = await stack.resegment(CURRENT_RUN);
    if (outcome !== 'completed') throw new Error(`the run as of ${CURRENT_RUN}: ${outcome}`);
  } catch (error) {
    await target.stop();
    throw error;
  }
  return target;
};
