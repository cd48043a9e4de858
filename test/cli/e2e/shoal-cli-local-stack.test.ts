import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../cli/commands/outbox';
import { type LocalStack, startLocalStack } from '../../../infra/local/start-local-stack';
import { oneClickUrlOf, postOneClick } from '../../functions/api/one-click-unsubscribe';

const execFileAsync = promisify(execFile);
const REPO = new URL('../../../', import.meta.url).pathname;
const SHOAL = join(REPO, 'bin', 'shoal.js');
const DATASET = '../shared/datasets/marketing_campaign.csv';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * The CLI as a person runs it, `node bin/shoal.js …` from the repository, against a real local
 * stack started here on a free port: the child finds it through SHOAL_API_PORT and SHOAL_ADMIN_KEY.
 */
describe('shoal against the local stack', () => {
  let dataDir: string;
  let stack: LocalStack;
  let env: NodeJS.ProcessEnv;

  const shoal = async (...args: string[]) => {
    try {
      const { stdout } = await execFileAsync(process.execPath, [SHOAL, ...args], {
        cwd: REPO,
        env,
      });
      return { stdout, exitCode: 0 };
    } catch (error) {
      const failed = error as { stdout: string; stderr: string; code: number };
      throw new Error(`shoal ${args.join(' ')} exited ${failed.code}: ${failed.stderr}`, {
        cause: error,
      });
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoal-cli-e2e-'));
    process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
    stack = await startLocalStack({ dataDir, ports: { api: await freePort() } });
    env = {
      ...process.env,
      SHOAL_API_PORT: new URL(stack.api.url).port,
      SHOAL_ADMIN_KEY: stack.secrets.adminKey,
      NO_COLOR: '1',
    };
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'uploads the CRM export, re-segments it and shows a customer’s segments',
    { timeout: 240_000 },
    async () => {
      const upload = await shoal('upload', DATASET);
      expect(upload.stdout).toMatch(/Import \S+ succeeded/);
      expect(upload.stdout).toMatch(/read\s+2,240/);
      expect(upload.stdout).toMatch(/inserted\s+2,240/);

      const resegment = await shoal('resegment', '--as-of', '2014-12-01', '--wait');
      expect(resegment.stdout).toContain('Run run-2014-12-01 complete');
      expect(resegment.stdout).toContain('2,240 customers as of 2014-12-01');

      const segments = JSON.parse((await shoal('segments', '--json')).stdout);
      expect(segments.runId).toBe('run-2014-12-01');
      expect(segments.segments.length).toBeGreaterThan(0);

      const customer = JSON.parse((await shoal('customer', '5524', '--json')).stdout);
      expect(customer.profile.customerId).toBeDefined();
      expect(customer.segments.memberships.length).toBeGreaterThan(0);
    },
  );

  it(
    'sends a campaign into the outbox, and a one-click unsubscribe keeps the next one away',
    { timeout: 240_000 },
    async () => {
      // The CRM export has no addresses: a second export gives every customer one, with consent.
      const ids = readFileSync(join(REPO, DATASET), 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(';')[0])
        .filter(Boolean);
      const contacts = join(dataDir, 'contacts.csv');
      writeFileSync(
        contacts,
        [
          'customer_id,email,accepts_marketing',
          ...ids.map((id) => `${id},customer${id}@example.com,yes`),
        ].join('\n'),
      );
      expect((await shoal('upload', contacts, '--kind', 'customers')).stdout).toMatch(
        /Import \S+ succeeded/,
      );
      const html = join(dataDir, 'news.html');
      writeFileSync(html, '<p>Hello {{ email }}, here is our news.</p>');

      const { segments } = JSON.parse((await shoal('segments', '--json')).stdout);
      const [smallest] = segments
        .filter((s: { customers: number }) => s.customers >= 2)
        .sort((a: { customers: number }, b: { customers: number }) => a.customers - b.customers);
      const sendTo = async (subject: string) => {
        const campaign = JSON.parse(
          (
            await shoal(
              'campaign',
              'send',
              '--segment',
              smallest.segmentId,
              '--subject',
              subject,
              '--html',
              html,
              '--wait',
              '--json',
            )
          ).stdout,
        );
        expect(campaign.status).toBe('sent');
        const { items } = JSON.parse((await shoal('outbox', '--json')).stdout);
        return {
          campaignId: campaign.campaignId as string,
          messages: (items as OutboxMessage[]).filter(
            (m) => m.headers['x-shoal-campaign'] === campaign.campaignId,
          ),
        };
      };

      const first = await sendTo('Our news');
      expect(first.messages).toHaveLength(smallest.customers);
      const [leaving] = first.messages;
      expect(leaving?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      const unsubscribed = await postOneClick(oneClickUrlOf(leaving?.headers['list-unsubscribe']));
      expect(unsubscribed.status).toBe(200);
      const results = JSON.parse(
        (await shoal('campaign', 'results', first.campaignId, '--json')).stdout,
      );
      expect(results).toMatchObject({ sent: smallest.customers, unsubscribed: 1 });

      const second = await sendTo('More news');
      const addresses = second.messages.map((m) => m.to[0]);
      expect(addresses).toHaveLength(smallest.customers - 1);
      expect(addresses).not.toContain(leaving?.to[0]);
    },
  );
});
