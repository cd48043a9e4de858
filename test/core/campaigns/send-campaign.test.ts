import { describe, expect, it } from 'vitest';
import { InMemoryCampaignStore } from '../../../adapters/memory/in-memory-campaign-store';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import {
  defaultSendLimits,
  type SendCampaignConfig,
  sendCampaign,
} from '../../../core/campaigns/send-campaign';
import type { Campaign } from '../../../core/campaigns/campaign';
import { campaign, candidate, FakeMailer, keys, manualClock, sender } from './fixtures';

const config: SendCampaignConfig = { sender, policy: { consent: 'opt-in' }, unsubscribeKeys: keys };
const start = '2026-03-10T12:00:00Z';

const audience = (count: number) =>
  Array.from({ length: count }, (_, i) => candidate(`c-${String(i).padStart(3, '0')}`));

const setUp = async ({
  count = 10,
  campaignRecord = campaign(),
  store = new InMemoryCampaignStore(),
  mailer = new FakeMailer(),
}: {
  count?: number;
  campaignRecord?: Campaign;
  store?: InMemoryCampaignStore;
  mailer?: FakeMailer;
} = {}) => {
  const time = manualClock(start);
  await store.putCampaign(campaignRecord);
  await freezeCampaignAudience({
    campaignId: campaignRecord.campaignId,
    candidates: audience(count),
    policy: config.policy,
    store,
    clock: time.clock,
  });
  const send = (outboxIds?: string[]) =>
    sendCampaign({
      campaignId: campaignRecord.campaignId,
      outboxIds,
      store,
      mailer,
      clock: time.clock,
      sleep: time.sleep,
      config,
    });
  return { store, mailer, time, send };
};

const statuses = async (store: InMemoryCampaignStore) =>
  Object.fromEntries((await store.listSends('cmp-1')).map((s) => [s.customerId, s.status]));

const expectEachMailedAtMostOnce = (mailer: FakeMailer) => {
  const perRecipient = new Map<string, number>();
  for (const { to } of mailer.accepted) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
};

/** A store that dies once right after the mailer accepted a given recipient's message. */
class CrashAfterAcceptStore extends InMemoryCampaignStore {
  crashed = false;
  constructor(
    private readonly victim: string,
    options: ConstructorParameters<typeof InMemoryCampaignStore>[0] = {},
  ) {
    super(options);
  }
  override async recordMessage(...args: Parameters<InMemoryCampaignStore['recordMessage']>) {
    if (!this.crashed && args[1].customerId === this.victim) {
      this.crashed = true;
      throw new Error('Lambda timed out');
    }
    return super.recordMessage(...args);
  }
}

describe('sendCampaign', () => {
  it('sends each eligible recipient exactly once and completes the campaign', async () => {
    const { store, mailer, send } = await setUp({ count: 25 });
    const result = await send();
    expect(result).toMatchObject({ status: 'completed', sent: 25, unknown: [], failed: [] });
    expect(mailer.accepted).toHaveLength(25);
    expectEachMailedAtMostOnce(mailer);
    expect(Object.values(await statuses(store)).every((s) => s === 'sent')).toBe(true);
    expect((await store.getCampaign('cmp-1'))?.status).toBe('sent');
    const one = await store.getSend('cmp-1', 'c-000');
    expect(one?.messageId).toMatch(/^ses-/);
    expect(await store.findMessage(one!.messageId!)).toEqual({
      campaignId: 'cmp-1',
      customerId: 'c-000',
    });
  });

  it('does nothing for recipients already handled when invoked again', async () => {
    const { mailer, send } = await setUp({ count: 8 });
    await send();
    const again = await send();
    expect(again).toMatchObject({ status: 'completed', sent: 0 });
    expect(mailer.accepted).toHaveLength(8);
  });

  it('never sends one recipient twice when two invocations run concurrently', async () => {
    const { mailer, send, store } = await setUp({ count: 40 });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.sent + b.sent).toBe(40);
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    expect(mailer.accepted).toHaveLength(40);
    expectEachMailedAtMostOnce(mailer);
    expect(Object.values(await statuses(store)).every((s) => s === 'sent')).toBe(true);
  });

  it('skips held-out, suppressed and non-consenting recipients without mailing them', async () => {
    const store = new InMemoryCampaignStore();
    await store.addSuppression({
      emailHash: suppressionKey('c-001@example.com'),
      reason: 'unsubscribed',
      at: start,
    });
    const mailer = new FakeMailer();
    const time = manualClock(start);
    await store.putCampaign(campaign({ holdoutPercent: 20 }));
    const people = [
      ...audience(50),
      candidate('no-consent', { profile: { email: 'nc@example.com' } }),
    ];
    const frozen = await freezeCampaignAudience({
      campaignId: 'cmp-1',
      candidates: people,
      policy: config.policy,
      store,
      clock: time.clock,
    });
    const result = await sendCampaign({
      campaignId: 'cmp-1',
      store,
      mailer,
      clock: time.clock,
      sleep: time.sleep,
      config,
    });

    expect(frozen.audience).toBe(51);
    expect(frozen.heldOut).toBeGreaterThan(0);
    expect(result.sent).toBe(51 - frozen.heldOut - 2);
    const byStatus = await statuses(store);
    expect(byStatus['c-001']).toBe('suppressed');
    expect(byStatus['no-consent']).toBe('ineligible');
    expect(mailer.sendsTo('c-001@example.com')).toBe(0);
    expect(mailer.sendsTo('nc@example.com')).toBe(0);
    const heldOut = Object.entries(byStatus)
      .filter(([, s]) => s === 'held_out')
      .map(([id]) => `${id}@example.com`);
    expect(heldOut.every((email) => mailer.sendsTo(email) === 0)).toBe(true);
  });

  it('suppresses a recipient who unsubscribed after the audience was frozen', async () => {
    const { store, mailer, send } = await setUp({ count: 3 });
    await store.addSuppression({
      emailHash: suppressionKey('c-002@example.com'),
      reason: 'unsubscribed',
      at: start,
    });
    const result = await send();
    expect(result).toMatchObject({ status: 'completed', sent: 2, suppressed: 1 });
    expect(mailer.sendsTo('c-002@example.com')).toBe(0);
  });

  it('does not resend after a crash between the mailer accepting and `sent` being recorded', async () => {
    const mailer = new FakeMailer();
    const store = new CrashAfterAcceptStore('c-003');
    const { send, time } = await setUp({ count: 6, store, mailer });

    await expect(send()).rejects.toThrow('Lambda timed out');
    expect((await store.getSend('cmp-1', 'c-003'))?.status).toBe('sending');

    // A retry inside the claim lease leaves the claim to its (possibly live) owner.
    const early = await send();
    expect(early.status).toBe('in-progress');
    expect(mailer.sendsTo('c-003@example.com')).toBe(1);

    time.advance(20 * 60_000);
    const late = await send();
    expect(late).toMatchObject({ status: 'completed', unknown: ['c-003'] });
    expect((await store.getSend('cmp-1', 'c-003'))?.status).toBe('unknown');
    expect(mailer.accepted).toHaveLength(6);
    expectEachMailedAtMostOnce(mailer);
  });

  it('marks the interrupted send as sent when the reconcile strategy finds it in the sent log', async () => {
    const mailer = new FakeMailer();
    const store = new CrashAfterAcceptStore('c-001', {
      reconcile: (send) => mailer.reconcileFromLog(send),
    });
    const { send, time } = await setUp({ count: 4, store, mailer });
    await expect(send()).rejects.toThrow();
    time.advance(20 * 60_000);

    const result = await send();
    expect(result).toMatchObject({ status: 'completed', reconciled: 1, unknown: [] });
    const record = await store.getSend('cmp-1', 'c-001');
    expect(record).toMatchObject({
      status: 'sent',
      messageId: mailer.accepted.find((a) => a.to === 'c-001@example.com')?.messageId,
    });
    expect(await store.findMessage(record!.messageId!)).toEqual({
      campaignId: 'cmp-1',
      customerId: 'c-001',
    });
    expect(mailer.accepted).toHaveLength(4);
  });

  it('backs off when throttled, stops at the daily quota and finishes later with every recipient sent once', async () => {
    let throttles = 0;
    const mailer: FakeMailer = new FakeMailer(() => {
      const messageNumber = mailer.accepted.length + 1;
      if (messageNumber === 37 && throttles < 3) {
        throttles += 1;
        return { ok: false, failure: { kind: 'throttled' } };
      }
      // A rolling 24-hour quota: 60 messages in the first hour, 80 by the second, then no limit.
      // Once used up it refuses every message in flight, as SES does.
      const hours = (time.clock().getTime() - Date.parse(start)) / 3_600_000;
      const allowance = hours < 1 ? 60 : hours < 2 ? 80 : Infinity;
      if (mailer.accepted.length >= allowance) {
        return { ok: false, failure: { kind: 'daily-quota-exceeded' } };
      }
      return undefined;
    });
    const { store, send, time } = await setUp({ count: 100, mailer });

    const first = await send();
    expect(throttles).toBe(3);
    expect(first.status).toBe('quota-exhausted');
    expect(mailer.accepted).toHaveLength(60);
    expect(first.resumeAfter).toBeDefined();
    const afterFirst = await statuses(store);
    expect(Object.values(afterFirst).every((s) => s === 'sent' || s === 'pending')).toBe(true);
    expect(Object.values(afterFirst).filter((s) => s === 'sent')).toHaveLength(
      mailer.accepted.length,
    );
    expectEachMailedAtMostOnce(mailer);

    time.advance(60 * 60_000);
    const second = await send();
    expect(second.status).toBe('quota-exhausted');
    expect(mailer.accepted).toHaveLength(80);
    time.advance(60 * 60_000);
    const third = await send();
    expect(third.status).toBe('completed');
    expect(mailer.accepted).toHaveLength(100);
    expectEachMailedAtMostOnce(mailer);
    expect(Object.values(await statuses(store)).every((s) => s === 'sent')).toBe(true);
  });

  it('keeps a bounded number of messages in flight, so round trips do not set the pace', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const mailer = new FakeMailer();
    const send = mailer.sendRaw.bind(mailer);
    mailer.sendRaw = async (message) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await send(message);
      } finally {
        inFlight -= 1;
      }
    };
    const { send: sendAll } = await setUp({ count: 40, mailer });

    const result = await sendAll();

    expect(result).toMatchObject({ status: 'completed', sent: 40 });
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(defaultSendLimits.recordConcurrency);
    expectEachMailedAtMostOnce(mailer);
  });

  it('paces sends at the maximum send rate', async () => {
    const mailer = new FakeMailer(undefined, {
      maxSendRatePerSecond: 5,
      max24HourSend: -1,
      sentLast24Hours: 0,
    });
    const { send, time } = await setUp({ count: 25, mailer });
    await send();
    // 5 go out at once (the burst), the other 20 at 5 per second.
    expect(time.clock().getTime() - Date.parse(start)).toBeGreaterThanOrEqual(4_000);
  });

  it('sends nothing when the remaining 24-hour quota is used up', async () => {
    const mailer = new FakeMailer(undefined, {
      maxSendRatePerSecond: 14,
      max24HourSend: 200,
      sentLast24Hours: 200,
    });
    const { send, store } = await setUp({ count: 3, mailer });
    expect(await send()).toMatchObject({ status: 'quota-exhausted', sent: 0 });
    expect(Object.values(await statuses(store))).toEqual(['pending', 'pending', 'pending']);
  });

  it('processes only the given slice of the audience', async () => {
    const { mailer, send, store } = await setUp({ count: 10 });
    const result = await send(['c-001', 'c-004']);
    expect(result).toMatchObject({ status: 'completed', sent: 2 });
    expect(mailer.accepted.map((a) => a.to).sort()).toEqual([
      'c-001@example.com',
      'c-004@example.com',
    ]);
    expect((await store.getCampaign('cmp-1'))?.status).toBe('sending');
  });

  it('postpones recipients inside quiet hours and sends them once the hours end', async () => {
    const { mailer, send, store, time } = await setUp({
      count: 2,
      campaignRecord: campaign({ quietHours: { start: '11:00', end: '13:00' } }),
    });
    const first = await send();
    expect(first).toMatchObject({
      status: 'in-progress',
      sent: 0,
      resumeAfter: '2026-03-10T13:00:00.000Z',
    });
    expect(first.postponed).toEqual([
      { customerId: 'c-000', reason: 'quiet-hours', until: '2026-03-10T13:00:00.000Z' },
      { customerId: 'c-001', reason: 'quiet-hours', until: '2026-03-10T13:00:00.000Z' },
    ]);
    expect(Object.values(await statuses(store))).toEqual(['postponed', 'postponed']);

    time.advance(61 * 60_000);
    expect(await send()).toMatchObject({ status: 'completed', sent: 2 });
    expect(mailer.accepted).toHaveLength(2);
  });

  it('postpones recipients over the frequency cap set by earlier campaigns', async () => {
    const store = new InMemoryCampaignStore();
    const mailer = new FakeMailer();
    const time = manualClock(start);
    const capped: SendCampaignConfig = {
      ...config,
      policy: { consent: 'opt-in', frequencyCap: { maxMessages: 1, windowDays: 7 } },
    };
    for (const campaignId of ['cmp-1', 'cmp-2']) {
      await store.putCampaign(campaign({ campaignId }));
      await freezeCampaignAudience({
        campaignId,
        candidates: audience(1),
        policy: capped.policy,
        store,
        clock: time.clock,
      });
    }
    const run = (campaignId: string) =>
      sendCampaign({
        campaignId,
        store,
        mailer,
        clock: time.clock,
        sleep: time.sleep,
        config: capped,
      });
    expect(await run('cmp-1')).toMatchObject({ sent: 1 });
    const sentAt = (await store.getSend('cmp-1', 'c-000'))!.sentAt!;
    const second = await run('cmp-2');
    expect(second.postponed).toEqual([
      {
        customerId: 'c-000',
        reason: 'frequency-cap',
        until: new Date(Date.parse(sentAt) + 7 * 86_400_000).toISOString(),
      },
    ]);
  });

  it('sends nothing for a paused campaign', async () => {
    const { mailer, store, send } = await setUp({ count: 3 });
    const current = (await store.getCampaign('cmp-1'))!;
    await store.putCampaign(
      { ...current, status: 'paused', pausedReason: 'manual' },
      current.version,
    );
    expect(await send()).toMatchObject({ status: 'paused', sent: 0 });
    expect(mailer.calls).toBe(0);
  });

  it('stops between batches once the campaign was paused mid-send', async () => {
    const store = new InMemoryCampaignStore();
    const mailer: FakeMailer = new FakeMailer(() => {
      if (mailer.accepted.length === 7) void pause();
      return undefined;
    });
    const pause = async () => {
      const current = (await store.getCampaign('cmp-1'))!;
      await store.putCampaign(
        { ...current, status: 'paused', pausedReason: 'bounce rate' },
        current.version,
      );
    };
    const { time } = await setUp({ count: 30, store, mailer });
    const result = await sendCampaign({
      campaignId: 'cmp-1',
      store,
      mailer,
      clock: time.clock,
      sleep: time.sleep,
      config,
      limits: { batchSize: 10 },
    });
    expect(result).toMatchObject({ status: 'paused', sent: 10 });
    expect(Object.values(await statuses(store)).filter((s) => s === 'pending')).toHaveLength(20);
  });

  it('marks a rejected message failed and carries on', async () => {
    const mailer = new FakeMailer((_, message) =>
      message.to[0] === 'c-001@example.com'
        ? { ok: false, failure: { kind: 'rejected', message: 'Email address is not verified' } }
        : undefined,
    );
    const { send, store } = await setUp({ count: 3, mailer });
    const result = await send();
    expect(result).toMatchObject({
      status: 'completed',
      sent: 2,
      failed: [{ customerId: 'c-001', reason: 'Email address is not verified' }],
    });
    expect((await store.getSend('cmp-1', 'c-001'))?.status).toBe('failed');
  });
});
