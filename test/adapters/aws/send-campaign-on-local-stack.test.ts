import { type HeaderLines, simpleParser } from 'mailparser';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../../adapters/aws/dynamodb-campaign-store';
import { SesCampaignMailer } from '../../../adapters/aws/ses-campaign-mailer';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import {
  type SendCampaignConfig,
  type SendLimits,
  sendCampaign,
} from '../../../core/campaigns/send-campaign';
import { verifyUnsubscribeToken } from '../../../core/campaigns/unsubscribe-token';
import type { Mailer, RawEmail, SendResult } from '../../../core/ports/mailer';
import {
  type LocalSesLimits,
  type LocalSesServer,
  type OutboxMessage,
  startLocalSesServer,
} from '../../../infra/local/local-ses-server';
import { campaign, candidate, keys, sender } from '../../core/campaigns/fixtures';

// DynamoDB Local is the shared one (each test has its own campaign and customers); every test
// starts its own SES endpoint, because limits, faults and the outbox must not mix between files.
const local = inject('localAws');
const clients = createAwsClients(local.clients);
const store = new DynamoDbCampaignStore(clients.documents, local.tables.campaigns);
const config: SendCampaignConfig = { sender, policy: { consent: 'opt-in' }, unsubscribeKeys: keys };
// Small backoff and batches keep the run in seconds while still crossing batch boundaries.
const limits: Partial<SendLimits> = { backoffBaseMs: 5, backoffMaxMs: 50, batchSize: 20 };
const clock = () => new Date();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
afterAll(() => clients.dynamodb.destroy());

/** Counts what SES answered, so a test can tell a retried throttle from a lost message. */
class RecordingMailer implements Mailer {
  readonly results: SendResult[] = [];
  constructor(private readonly inner: Mailer) {}
  async sendRaw(message: RawEmail): Promise<SendResult> {
    const result = await this.inner.sendRaw(message);
    this.results.push(result);
    return result;
  }
  getSendQuota() {
    return this.inner.getSendQuota();
  }
}

/**
 * A frozen campaign of `count` recipients on the local stack: one of them unsubscribed before
 * the freeze, `holdoutPercent` held back. Ids are fixed, so the held-out set is the same every run.
 */
const setUp = async ({
  campaignId,
  count,
  holdoutPercent,
  ses: sesLimits = {},
}: {
  campaignId: string;
  count: number;
  holdoutPercent: number;
  ses?: Partial<LocalSesLimits>;
}) => {
  const server = await startLocalSesServer({
    limits: { maxSendRate: 200, max24HourSend: 10_000, ...sesLimits },
  });
  const ses = createAwsClients({ region: 'us-east-1', endpoints: { ses: server.endpoint } }).ses;
  cleanups.push(async () => {
    ses.destroy();
    await server.stop();
  });
  const mailer = new RecordingMailer(
    new SesCampaignMailer(ses, { configurationSetName: sender.configurationSet }),
  );
  const people = Array.from({ length: count }, (_, i) =>
    candidate(`${campaignId}-c-${String(i).padStart(3, '0')}`),
  );
  const unsubscribed = people[7]!;
  await store.addSuppression({
    emailHash: suppressionKey(unsubscribed.profile.email!),
    reason: 'unsubscribed',
    at: new Date().toISOString(),
  });
  await store.putCampaign(campaign({ campaignId, holdoutPercent }));
  const frozen = await freezeCampaignAudience({
    campaignId,
    candidates: people,
    policy: config.policy,
    store,
    clock,
  });
  const sends = await store.listSends(campaignId);
  const emailsWith = (status: string) =>
    sends.filter((s) => s.status === status).map((s) => s.recipient.profile.email!);
  const send = () => sendCampaign({ campaignId, store, mailer, clock, sleep, config, limits });
  return {
    server,
    mailer,
    frozen,
    send,
    eligible: emailsWith('pending').sort(),
    heldOut: emailsWith('held_out'),
    suppressed: emailsWith('suppressed'),
    unsubscribed: unsubscribed.profile.email!,
  };
};

/** How many messages each address received. */
const perRecipient = (outbox: OutboxMessage[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const message of outbox) {
    for (const to of message.destinations) counts.set(to, (counts.get(to) ?? 0) + 1);
  }
  return counts;
};

const expectOneEach = (server: LocalSesServer, addresses: string[]) => {
  const counts = perRecipient(server.outbox());
  expect([...counts.keys()].sort()).toEqual([...addresses].sort());
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
};

const headerValue = (lines: HeaderLines, key: string): string =>
  (lines.find((l) => l.key === key)?.line ?? '')
    .replace(/^[^:]*:/, '')
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();

describe('sendCampaign on the local stack (DynamoDB Local + local SES)', () => {
  it('mails each eligible recipient once, with working one-click and mailto unsubscribe', async () => {
    const campaignId = 'e2e-spring';
    const { server, frozen, send, eligible, heldOut, suppressed, unsubscribed } = await setUp({
      campaignId,
      count: 50,
      holdoutPercent: 20,
    });
    expect(frozen).toMatchObject({ audience: 50, suppressed: 1 });
    expect(suppressed).toEqual([unsubscribed]);
    expect(heldOut.length).toBeGreaterThan(0);
    expect(eligible).toHaveLength(49 - heldOut.length);

    const result = await send();

    expect(result).toMatchObject({ status: 'completed', sent: eligible.length, failed: [] });
    expectOneEach(server, eligible);
    for (const message of server.outbox()) {
      const to = message.destinations[0]!;
      const customerId = to.replace(/@example\.com$/, '');
      const parsed = await simpleParser(message.raw);
      const [, url, mailto] =
        /^<(https:[^>]+)>, <(mailto:[^>]+)>$/.exec(
          headerValue(parsed.headerLines, 'list-unsubscribe'),
        ) ?? [];
      const oneClick = new URL(url ?? 'invalid:');
      expect(`${oneClick.origin}${oneClick.pathname}`).toBe(
        'https://api.shop.example/v1/unsubscribe',
      );
      const token = oneClick.searchParams.get('token') ?? '';
      // The token in the header must be one the unsubscribe endpoint accepts, for this person.
      expect(verifyUnsubscribeToken({ token, keys, now: new Date() })).toMatchObject({
        campaignId,
        customerId,
      });
      const mail = new URL(mailto ?? 'invalid:');
      expect(mail.pathname).toBe('unsubscribe@shop.example');
      expect(mail.searchParams.get('subject')).toBe(`unsubscribe-${token}`);
      expect(headerValue(parsed.headerLines, 'list-unsubscribe-post')).toBe(
        'List-Unsubscribe=One-Click',
      );
      // The outbox record points at the message SES accepted, so events find their campaign.
      const record = await store.getSend(campaignId, customerId);
      expect(record).toMatchObject({ status: 'sent', messageId: message.messageId });
      expect(await store.findMessage(message.messageId)).toEqual({ campaignId, customerId });
    }
    expect((await store.getCampaign(campaignId))?.status).toBe('sent');

    const again = await send();
    expect(again).toMatchObject({ status: 'completed', sent: 0 });
    expect(server.outbox()).toHaveLength(eligible.length);
  });

  it('sends one message per recipient when two invocations run at once', async () => {
    const { server, send, eligible } = await setUp({
      campaignId: 'e2e-concurrent',
      count: 50,
      holdoutPercent: 20,
    });

    const [a, b] = await Promise.all([send(), send()]);

    // Both really ran: had one finished first, this would prove nothing about the race.
    expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
    expect(a.sent + b.sent).toBe(eligible.length);
    expectOneEach(server, eligible);
    const statuses = await store.countSends('e2e-concurrent');
    expect(statuses.sent).toBe(eligible.length);
    expect(statuses.sending ?? 0).toBe(0);
  });

  it('retries a throttled message, stops on the daily quota and loses nobody', async () => {
    const campaignId = 'e2e-quota';
    const { server, mailer, send, eligible } = await setUp({
      campaignId,
      count: 60,
      holdoutPercent: 10,
      ses: {
        faults: [
          { afterAccepted: 36, error: 'throttling', times: 2 },
          // Spent: SES refuses every message from then on until the quota frees up.
          { afterAccepted: 45, error: 'daily-quota', times: Number.MAX_SAFE_INTEGER },
        ],
      },
    });
    expect(eligible.length).toBeGreaterThan(45);

    const first = await send();

    expect(first).toMatchObject({ status: 'quota-exhausted', sent: 45, failed: [], unknown: [] });
    // Message 37 was refused twice and then accepted: three answers, one message.
    expect(mailer.results.slice(36, 39)).toEqual([
      { ok: false, failure: { kind: 'throttled' } },
      { ok: false, failure: { kind: 'throttled' } },
      expect.objectContaining({ ok: true }),
    ]);
    expect(mailer.results.at(-1)).toEqual({
      ok: false,
      failure: { kind: 'daily-quota-exceeded' },
    });
    const mailed = [...perRecipient(server.outbox()).keys()];
    expect(mailed).toHaveLength(45);
    expect([...perRecipient(server.outbox()).values()].every((n) => n === 1)).toBe(true);
    const records = await store.listSends(campaignId, { statuses: ['pending', 'sent'] });
    const byStatus = (status: string) =>
      records
        .filter((r) => r.status === status)
        .map((r) => r.recipient.profile.email!)
        .sort();
    // Everyone not mailed is still pending: nothing stuck in `sending`, failed or lost.
    expect(byStatus('sent')).toEqual([...mailed].sort());
    expect([...byStatus('sent'), ...byStatus('pending')].sort()).toEqual(eligible);

    server.configure({ faults: [] }); // a day later, the quota has freed up
    const second = await send();

    expect(second).toMatchObject({ status: 'completed', sent: eligible.length - 45 });
    expectOneEach(server, eligible);
    expect((await store.getCampaign(campaignId))?.status).toBe('sent');
  });
});
