import { describe, expect, it } from 'vitest';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import { InvalidUnsubscribeTokenError } from '../../../core/campaigns/invalid-unsubscribe-token-error';
import { sendCampaign } from '../../../core/campaigns/send-campaign';
import { unsubscribeRecipient } from '../../../core/campaigns/unsubscribe-recipient';
import { InMemoryCampaignStore } from '../../../adapters/memory/in-memory-campaign-store';
import { campaign, candidate, FakeMailer, keys, manualClock, sender } from './fixtures';

describe('unsubscribeRecipient', () => {
  it('suppresses the address from the token in the mail and counts the unsubscribe once', async () => {
    const store = new InMemoryCampaignStore();
    const mailer = new FakeMailer();
    const time = manualClock('2026-03-10T12:00:00Z');
    const config = { sender, policy: { consent: 'opt-in' as const }, unsubscribeKeys: keys };
    await store.putCampaign(campaign());
    await freezeCampaignAudience({
      campaignId: 'cmp-1',
      candidates: [candidate('c-1')],
      policy: config.policy,
      store,
      clock: time.clock,
    });
    await sendCampaign({
      campaignId: 'cmp-1',
      store,
      mailer,
      clock: time.clock,
      sleep: time.sleep,
      config,
    });
    const token = decodeURIComponent(/token=([^>\s&]+)/.exec(mailer.accepted[0]!.raw)![1]!);

    for (let i = 0; i < 3; i += 1) {
      expect(await unsubscribeRecipient({ token, keys, store, clock: time.clock })).toEqual({
        campaignId: 'cmp-1',
        customerId: 'c-1',
      });
    }
    expect(store.suppressions.get(suppressionKey('c-1@example.com'))).toMatchObject({
      reason: 'unsubscribed',
    });
    expect((await store.getDeliveryCounts('cmp-1')).unsubscribe).toBe(1);
    await expect(
      unsubscribeRecipient({ token: `${token}x`, keys, store, clock: time.clock }),
    ).rejects.toBeInstanceOf(InvalidUnsubscribeTokenError);
  });
});
