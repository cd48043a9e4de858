import { randomUUID } from 'node:crypto';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAwsClients } from '../../../adapters/aws/aws-clients';
import { DynamoDbCampaignStore } from '../../../adapters/aws/dynamodb-campaign-store';
import { defaultRetryPolicy } from '../../../adapters/aws/retry-policy';
import type { CampaignSend } from '../../../core/campaigns/campaign-send';
import type { DeliveryEventRecord } from '../../../core/campaigns/delivery-event';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { sendIdFor } from '../../../core/campaigns/send-id';
import { ConflictError } from '../../../core/shared/errors';
import { campaign, candidate } from '../../core/campaigns/fixtures';

const local = inject('localAws');
const clients = createAwsClients(local.clients);
const clock = () => new Date('2026-03-10T12:00:00.000Z');
const store = new DynamoDbCampaignStore(clients.documents, local.tables.campaigns, { clock });

afterAll(() => clients.dynamodb.destroy());

/** Campaign ids unique to this run, so reruns against a kept database start clean. */
const newCampaignId = (): string => `cmp-${randomUUID()}`;

const sendRecord = (
  campaignId: string,
  customerId: string,
  patch: Partial<CampaignSend> = {},
): CampaignSend => ({
  campaignId,
  customerId,
  status: 'pending',
  recipient: candidate(customerId),
  emailHash: suppressionKey(`${customerId}@example.com`),
  attempts: 0,
  createdAt: '2026-03-10T11:00:00.000Z',
  updatedAt: '2026-03-10T11:00:00.000Z',
  ...patch,
});

describe('DynamoDbCampaignStore', () => {
  describe('campaigns', () => {
    it('lists campaigns newest first, with their latest version and none of their outbox', async () => {
      const [older, newer] = [newCampaignId(), newCampaignId()];
      const first = await store.putCampaign(
        campaign({ campaignId: older, createdAt: '2026-03-01T00:00:00.000Z' }),
      );
      await store.putCampaign(
        campaign({ campaignId: newer, createdAt: '2026-03-02T00:00:00.000Z' }),
      );
      await store.putCampaign({ ...first, name: 'Renamed' }, first.version);
      await store.createSendIfAbsent(sendRecord(older, 'c-1'));

      const listed = (await store.listCampaigns()).filter((c) =>
        [older, newer].includes(c.campaignId),
      );

      expect(listed.map((c) => [c.campaignId, c.name])).toEqual([
        [newer, 'Spring sale'],
        [older, 'Renamed'],
      ]);
      expect(listed[0]).not.toHaveProperty('gsi1pk');
    });

    it('creates a campaign once and replaces it only at the expected version', async () => {
      const campaignId = newCampaignId();
      const created = await store.putCampaign(campaign({ campaignId }));
      expect(await store.getCampaign(campaignId)).toEqual(created);
      await expect(store.putCampaign(campaign({ campaignId, name: 'Again' }))).rejects.toThrow(
        ConflictError,
      );

      const renamed = await store.putCampaign({ ...created, name: 'Renamed' }, 0);
      expect(renamed.version).toBe(1);
      await expect(store.putCampaign({ ...created, name: 'Stale write' }, 0)).rejects.toThrow(
        ConflictError,
      );
      expect(await store.getCampaign(campaignId)).toMatchObject({ name: 'Renamed', version: 1 });
      expect(await store.getCampaign(newCampaignId())).toBeUndefined();
    });

    it('lets exactly one of two concurrent updates from the same version win', async () => {
      const campaignId = newCampaignId();
      const created = await store.putCampaign(campaign({ campaignId }));
      const outcomes = await Promise.allSettled([
        store.putCampaign({ ...created, status: 'paused' }, 0),
        store.putCampaign({ ...created, status: 'cancelled' }, 0),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.find((o) => o.status === 'rejected');
      expect(lost?.reason).toBeInstanceOf(ConflictError);
    });

    it('keeps delivery counts when the campaign is replaced', async () => {
      const campaignId = newCampaignId();
      const created = await store.putCampaign(campaign({ campaignId }));
      await store.recordDeliveryEventOnce(deliveryEvent(campaignId, 'm-keep', 'delivery'));
      await store.putCampaign({ ...created, status: 'sending' }, 0);
      expect((await store.getDeliveryCounts(campaignId)).delivery).toBe(1);
    });
  });

  describe('outbox', () => {
    it('creates a send record once and keeps the first', async () => {
      const campaignId = newCampaignId();
      const first = sendRecord(campaignId, 'c-1');
      expect(await store.createSendIfAbsent(first)).toBe(true);
      expect(await store.createSendIfAbsent({ ...first, status: 'held_out' })).toBe(false);
      expect(await store.getSend(campaignId, 'c-1')).toEqual(first);
      expect(await store.getSend(campaignId, 'nobody')).toBeUndefined();
    });

    it('transitions only from the stated status, applying and clearing patch fields', async () => {
      const campaignId = newCampaignId();
      await store.createSendIfAbsent(sendRecord(campaignId, 'c-1'));

      const claimed = await store.transition(campaignId, 'c-1', 'pending', 'sending', {
        sendId: 'send-1',
        claimedAt: '2026-03-10T11:59:00.000Z',
        attempts: 1,
      });
      expect(claimed).toMatchObject({
        status: 'sending',
        sendId: 'send-1',
        claimedAt: '2026-03-10T11:59:00.000Z',
        attempts: 1,
        updatedAt: '2026-03-10T12:00:00.000Z',
      });
      await expect(
        store.transition(campaignId, 'c-1', 'pending', 'sending', {}),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(
        store.transition(campaignId, 'missing', 'pending', 'sending', {}),
      ).rejects.toBeInstanceOf(ConflictError);
      // The transition of a missing record must not have created one.
      expect(await store.getSend(campaignId, 'missing')).toBeUndefined();

      const givenBack = await store.transition(campaignId, 'c-1', 'sending', 'pending', {
        claimedAt: undefined,
      });
      expect(givenBack.status).toBe('pending');
      expect(givenBack).not.toHaveProperty('claimedAt');
      expect(await store.getSend(campaignId, 'c-1')).toEqual(givenBack);
    });

    it('lets exactly one of many concurrent claims of one record win', async () => {
      const campaignId = newCampaignId();
      await store.createSendIfAbsent(sendRecord(campaignId, 'c-1'));
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          store.transition(campaignId, 'c-1', 'pending', 'sending', { sendId: `claim-${i}` }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(
        outcomes.every((o) => o.status === 'fulfilled' || o.reason instanceof ConflictError),
      ).toBe(true);
      const winner = (won[0] as PromiseFulfilledResult<CampaignSend>).value;
      expect((await store.getSend(campaignId, 'c-1'))?.sendId).toBe(winner.sendId);
    });

    it('lists and counts a campaign’s sends by status and by slice', async () => {
      const campaignId = newCampaignId();
      const other = newCampaignId();
      await Promise.all([
        store.createSendIfAbsent(sendRecord(campaignId, 'c-1')),
        store.createSendIfAbsent(sendRecord(campaignId, 'c-2', { status: 'held_out' })),
        store.createSendIfAbsent(sendRecord(campaignId, 'c-3')),
        store.createSendIfAbsent(sendRecord(campaignId, 'c-4', { status: 'suppressed' })),
        store.createSendIfAbsent(sendRecord(other, 'c-1')),
      ]);
      const ids = (sends: CampaignSend[]) => sends.map((s) => s.customerId).sort();

      expect(ids(await store.listSends(campaignId))).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
      expect(ids(await store.listSends(campaignId, { statuses: ['pending'] }))).toEqual([
        'c-1',
        'c-3',
      ]);
      expect(
        ids(
          await store.listSends(campaignId, {
            statuses: ['pending', 'held_out'],
            outboxIds: ['c-2', 'c-3', 'c-4', 'not-in-audience'],
          }),
        ),
      ).toEqual(['c-2', 'c-3']);
      expect(await store.countSends(campaignId)).toEqual({
        pending: 2,
        held_out: 1,
        suppressed: 1,
      });
    });

    it('lists a campaign larger than one DynamoDB page', async () => {
      const campaignId = newCampaignId();
      // ~8 KB a record: 140 records are over the 1 MB a Query page returns.
      const padding = 'x'.repeat(8000);
      await Promise.all(
        Array.from({ length: 140 }, (_, i) =>
          store.createSendIfAbsent(
            sendRecord(campaignId, `c-${i}`, { reason: padding, status: 'ineligible' }),
          ),
        ),
      );
      expect(await store.listSends(campaignId)).toHaveLength(140);
      expect(await store.countSends(campaignId)).toEqual({ ineligible: 140 });
    });
  });

  describe('suppressions', () => {
    it('keeps the first reason when an address is suppressed twice', async () => {
      const hash = suppressionKey(`${randomUUID()}@example.com`);
      const clean = suppressionKey(`${randomUUID()}@example.com`);
      await store.addSuppression({
        emailHash: hash,
        reason: 'unsubscribed',
        at: clock().toISOString(),
      });
      await store.addSuppression({
        emailHash: hash,
        reason: 'complaint',
        at: clock().toISOString(),
      });

      expect(await store.getSuppressions([hash, clean])).toEqual(new Map([[hash, 'unsubscribed']]));
      expect(await store.getSuppressions([])).toEqual(new Map());
    });
  });

  describe('messages and reconciliation', () => {
    it('maps a MessageId to its campaign and customer', async () => {
      const campaignId = newCampaignId();
      await store.recordMessage('ses-map-1', { campaignId, customerId: 'c-1' });
      expect(await store.findMessage('ses-map-1')).toEqual({ campaignId, customerId: 'c-1' });
      expect(await store.findMessage('ses-never-sent')).toBeUndefined();
    });

    it('reconciles a send whose MessageId was recorded as sent, and any other as unknown', async () => {
      const campaignId = newCampaignId();
      const recorded = sendRecord(campaignId, 'c-1', {
        status: 'sending',
        sendId: sendIdFor({ campaignId, customerId: 'c-1' }),
      });
      const lost = sendRecord(campaignId, 'c-2', {
        status: 'sending',
        sendId: sendIdFor({ campaignId, customerId: 'c-2' }),
      });
      await store.recordMessage('ses-reconcile-1', { campaignId, customerId: 'c-1' });

      expect(await store.reconcile(recorded)).toEqual({
        outcome: 'sent',
        messageId: 'ses-reconcile-1',
      });
      expect(await store.reconcile(lost)).toEqual({ outcome: 'unknown' });
    });

    it('uses an injected reconcile strategy instead of the default', async () => {
      const custom = new DynamoDbCampaignStore(clients.documents, local.tables.campaigns, {
        reconcile: async (send) =>
          send.customerId === 'c-1' ? { outcome: 'not-sent' } : { outcome: 'unknown' },
      });
      const campaignId = newCampaignId();
      expect(await custom.reconcile(sendRecord(campaignId, 'c-1'))).toEqual({
        outcome: 'not-sent',
      });
    });
  });

  describe('delivery events', () => {
    it('counts a notification delivered many times, even concurrently, once', async () => {
      const campaignId = newCampaignId();
      const bounce = deliveryEvent(campaignId, 'm-1', 'bounce');
      const first = await Promise.all(
        Array.from({ length: 5 }, () => store.recordDeliveryEventOnce(bounce)),
      );
      const later = await store.recordDeliveryEventOnce({ ...bounce, at: '2026-03-11T00:00:00Z' });

      expect(first.filter(Boolean)).toHaveLength(1);
      expect(later).toBe(false);
      expect(
        await store.recordDeliveryEventOnce(deliveryEvent(campaignId, 'm-1', 'delivery')),
      ).toBe(true);
      expect(await store.recordDeliveryEventOnce(deliveryEvent(campaignId, 'm-2', 'bounce'))).toBe(
        true,
      );
      expect(await store.getDeliveryCounts(campaignId)).toMatchObject({
        bounce: 2,
        delivery: 1,
        complaint: 0,
      });
      expect((await store.getDeliveryCounts(newCampaignId())).bounce).toBe(0);
    });
  });

  // DynamoDB Local runs transactions one at a time, so it never reports the conflict between two
  // copies of a notification arriving together; aws-sdk-client-mock stands in for DynamoDB here.
  it('retries an event whose transaction collided with another, then counts it', async () => {
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
    const mock = mockClient(documents);
    const cancelled = (codes: string[]) =>
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: codes.map((Code) => ({ Code })),
      });
    mock
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['TransactionConflict', 'None']))
      .resolvesOnce({})
      .rejectsOnce(cancelled(['ConditionalCheckFailed', 'None']));
    const mocked = new DynamoDbCampaignStore(documents, 'campaigns', {
      retry: { ...defaultRetryPolicy, sleep: async () => {} },
    });
    const event = deliveryEvent('cmp-mocked', 'm-1', 'open');

    expect(await mocked.recordDeliveryEventOnce(event)).toBe(true);
    expect(await mocked.recordDeliveryEventOnce(event)).toBe(false);
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(3);
    mock.restore();
  });

  describe('send history', () => {
    it('returns each customer’s sends across campaigns since a given instant', async () => {
      const [spring, summer] = [newCampaignId(), newCampaignId()];
      const alice = `alice-${randomUUID()}`;
      const bob = `bob-${randomUUID()}`;
      const carol = `carol-${randomUUID()}`;
      await Promise.all([
        store.createSendIfAbsent(sendRecord(spring, alice)),
        store.createSendIfAbsent(sendRecord(summer, alice)),
        store.createSendIfAbsent(sendRecord(spring, bob)),
        store.createSendIfAbsent(sendRecord(summer, bob)),
        store.createSendIfAbsent(sendRecord(spring, carol)),
      ]);
      const markSent = async (campaignId: string, customerId: string, sentAt: string) => {
        await store.transition(campaignId, customerId, 'pending', 'sending', {});
        await store.transition(campaignId, customerId, 'sending', 'sent', { sentAt });
      };
      await markSent(spring, alice, '2026-03-01T09:00:00.000Z');
      await markSent(summer, alice, '2026-03-08T09:00:00.000Z');
      await markSent(spring, bob, '2026-02-01T09:00:00.000Z'); // before the window
      // Claimed but never sent: not a send a frequency cap may count.
      await store.transition(summer, bob, 'pending', 'sending', {
        claimedAt: '2026-03-09T09:00:00.000Z',
      });

      const history = await store.getRecentSendTimes(
        [alice, bob, carol],
        '2026-02-28T00:00:00.000Z',
      );

      expect(new Map([...history].map(([id, times]) => [id, [...times].sort()]))).toEqual(
        new Map([[alice, ['2026-03-01T09:00:00.000Z', '2026-03-08T09:00:00.000Z']]]),
      );
    });
  });
});

const deliveryEvent = (
  campaignId: string,
  messageId: string,
  type: DeliveryEventRecord['type'],
): DeliveryEventRecord => ({
  messageId: `${campaignId}-${messageId}`,
  type,
  campaignId,
  customerId: 'c-1',
  at: '2026-03-10T12:30:00.000Z',
});
