import { describe, expect, it } from 'vitest';
import { InMemoryCampaignStore } from '../../../adapters/memory/in-memory-campaign-store';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import { recordDeliveryEvent } from '../../../core/campaigns/record-delivery-event';
import { sendCampaign } from '../../../core/campaigns/send-campaign';
import { fixedClock } from '../../../core/shared/clock';
import { ValidationError } from '../../../core/shared/errors';
import { campaign, candidate, FakeMailer, keys, manualClock, sender } from './fixtures';

const sentCampaign = async (count: number) => {
  const store = new InMemoryCampaignStore();
  const mailer = new FakeMailer();
  const time = manualClock('2026-03-10T12:00:00Z');
  const config = { sender, policy: { consent: 'opt-in' as const }, unsubscribeKeys: keys };
  await store.putCampaign(campaign());
  const candidates = Array.from({ length: count }, (_, i) => candidate(`c-${i}`));
  await freezeCampaignAudience({
    campaignId: 'cmp-1',
    candidates,
    policy: config.policy,
    store,
    clock: time.clock,
  });
  // Stop before the end so the campaign is still `sending` and can be paused.
  await sendCampaign({
    campaignId: 'cmp-1',
    outboxIds: candidates.slice(0, count - 1).map((c) => c.customerId),
    store,
    mailer,
    clock: time.clock,
    sleep: time.sleep,
    config,
  });
  const messageIdOf = async (customerId: string) =>
    (await store.getSend('cmp-1', customerId))!.messageId!;
  return { store, mailer, messageIdOf };
};

/** An SES event-publishing notification wrapped in its SNS envelope. */
const sns = (message: Record<string, unknown>) => ({
  Type: 'Notification',
  MessageId: 'sns-1',
  TopicArn: 'arn:aws:sns:eu-west-1:123456789012:ses-events',
  Message: JSON.stringify(message),
});

const bounce = (messageId: string, bounceType = 'Permanent') =>
  sns({
    eventType: 'Bounce',
    mail: { messageId, timestamp: '2026-03-10T12:00:01Z', destination: ['x@example.com'] },
    bounce: {
      bounceType,
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: 'x@example.com' }],
      timestamp: '2026-03-10T12:00:05Z',
    },
  });

const complaint = (messageId: string) =>
  sns({
    notificationType: 'Complaint',
    mail: { messageId, timestamp: '2026-03-10T12:00:01Z' },
    // Redacted by the mailbox provider: the handler must not need it.
    complaint: {
      complainedRecipients: [{ emailAddress: 'redacted@example.invalid' }],
      timestamp: '2026-03-10T13:00:00Z',
    },
  });

const event = (messageId: string, eventType: string) =>
  sns({
    eventType,
    mail: { messageId, timestamp: '2026-03-10T12:00:01Z' },
    [eventType.toLowerCase()]: { timestamp: '2026-03-10T12:30:00Z' },
  });

const clock = fixedClock('2026-03-10T14:00:00Z');

describe('recordDeliveryEvent', () => {
  it('suppresses a hard-bounced address once however often and in whatever order SES reports it', async () => {
    const { store, messageIdOf } = await sentCampaign(5);
    const bounced = await messageIdOf('c-1');
    const complainedOf = await messageIdOf('c-2');
    const notifications = [
      event(bounced, 'Delivery'),
      complaint(complainedOf),
      bounce(bounced),
      event(complainedOf, 'Delivery'),
      bounce(bounced),
      complaint(complainedOf),
      bounce(bounced),
    ];
    const outcomes = [];
    for (const notification of notifications.reverse()) {
      outcomes.push((await recordDeliveryEvent({ notification, store, clock })).outcome);
    }
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(3);
    expect(store.suppressions.size).toBe(2);
    expect([...store.suppressions.values()]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          emailHash: suppressionKey('c-1@example.com'),
          reason: 'hard-bounce',
          campaignId: 'cmp-1',
        }),
        expect.objectContaining({
          emailHash: suppressionKey('c-2@example.com'),
          reason: 'complaint',
        }),
      ]),
    );
    expect(await store.getDeliveryCounts('cmp-1')).toMatchObject({
      delivery: 2,
      bounce: 1,
      complaint: 1,
    });
  });

  it('counts a transient bounce without suppressing the address', async () => {
    const { store, messageIdOf } = await sentCampaign(3);
    const result = await recordDeliveryEvent({
      notification: bounce(await messageIdOf('c-0'), 'Transient'),
      store,
      clock,
    });
    expect(result).toMatchObject({ outcome: 'recorded', type: 'soft_bounce' });
    expect(store.suppressions.size).toBe(0);
  });

  it('counts opens and clicks once per message', async () => {
    const { store, messageIdOf } = await sentCampaign(3);
    const id = await messageIdOf('c-0');
    for (const type of ['Open', 'Open', 'Click', 'Open', 'Click']) {
      await recordDeliveryEvent({ notification: event(id, type), store, clock });
    }
    expect(await store.getDeliveryCounts('cmp-1')).toMatchObject({ open: 1, click: 1 });
  });

  it('accepts the bare SES message without the SNS envelope', async () => {
    const { store, messageIdOf } = await sentCampaign(2);
    const bare = JSON.parse(event(await messageIdOf('c-0'), 'Delivery').Message);
    expect(await recordDeliveryEvent({ notification: bare, store, clock })).toMatchObject({
      outcome: 'recorded',
      customerId: 'c-0',
    });
  });

  it('returns unknown-message for a MessageId Shoal did not send, ignored for uncounted types', async () => {
    const { store } = await sentCampaign(2);
    expect(await recordDeliveryEvent({ notification: bounce('not-ours'), store, clock })).toEqual({
      outcome: 'unknown-message',
      messageId: 'not-ours',
    });
    expect(await recordDeliveryEvent({ notification: event('x', 'Send'), store, clock })).toEqual({
      outcome: 'ignored',
      messageId: 'x',
    });
  });

  it('rejects something that is not a SES notification', async () => {
    const store = new InMemoryCampaignStore();
    await expect(
      recordDeliveryEvent({
        notification: { Type: 'Notification', Message: '{nope' },
        store,
        clock,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      recordDeliveryEvent({ notification: { hello: 'world' }, store, clock }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('pauses the campaign and says why when the bounce rate passes 5% over the minimum sample', async () => {
    const { store, messageIdOf } = await sentCampaign(301);
    const results = [];
    for (let i = 0; i < 16; i += 1) {
      results.push(
        await recordDeliveryEvent({
          notification: bounce(await messageIdOf(`c-${i}`)),
          store,
          clock,
        }),
      );
    }
    // 15 of 300 is exactly 5%: not over. The 16th passes it.
    expect(results.slice(0, 15).every((r) => r.outcome === 'recorded' && !r.pausedReason)).toBe(
      true,
    );
    expect(results[15]).toMatchObject({
      outcome: 'recorded',
      pausedReason: expect.stringContaining('bounce rate 5.33% (16 of 300)'),
    });
    const paused = await store.getCampaign('cmp-1');
    expect(paused).toMatchObject({
      status: 'paused',
      pausedReason: expect.stringContaining('bounce rate'),
    });
  });

  it('does not pause on a high rate below the minimum sample', async () => {
    const { store, messageIdOf } = await sentCampaign(11);
    for (let i = 0; i < 5; i += 1)
      await recordDeliveryEvent({
        notification: bounce(await messageIdOf(`c-${i}`)),
        store,
        clock,
      });
    expect((await store.getCampaign('cmp-1'))?.status).toBe('sending');
  });
});
