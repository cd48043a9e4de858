import { describe, expect, it } from 'vitest';
import { InMemoryCampaignStore } from '../../../adapters/memory/in-memory-campaign-store';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import { resolveAudience } from '../../../core/campaigns/resolve-audience';
import { fixedClock } from '../../../core/shared/clock';
import { ConflictError } from '../../../core/shared/errors';
import { campaign, candidate } from './fixtures';

describe('resolveAudience', () => {
  it('returns the union of included segments minus excluded ones, each customer once', () => {
    const resolved = resolveAudience({
      audience: { segmentIds: ['vip', 'new'], excludedSegmentIds: ['churned'] },
      candidates: [
        candidate('a', { segmentIds: ['vip'] }),
        candidate('b', { segmentIds: ['new', 'vip'] }),
        candidate('c', { segmentIds: ['vip', 'churned'] }),
        candidate('d', { segmentIds: ['other'] }),
        candidate('a', { segmentIds: ['new'] }),
      ],
    });
    expect(resolved.map((r) => r.customerId)).toEqual(['a', 'b']);
  });
});

describe('freezeCampaignAudience', () => {
  const clock = fixedClock('2026-03-10T12:00:00Z');
  const policy = { consent: 'opt-in' as const };

  it('freezes the recipient list once: a later segmentation run does not change it', async () => {
    const store = new InMemoryCampaignStore();
    await store.putCampaign(campaign());
    const first = await freezeCampaignAudience({
      campaignId: 'cmp-1',
      candidates: [candidate('a'), candidate('b')],
      policy,
      store,
      clock,
    });
    const second = await freezeCampaignAudience({
      campaignId: 'cmp-1',
      candidates: [candidate('c')],
      policy,
      store,
      clock,
    });
    expect(first).toEqual({ audience: 2, pending: 2, heldOut: 0, suppressed: 0, ineligible: 0 });
    expect(second).toEqual(first);
    expect((await store.listSends('cmp-1')).map((s) => s.customerId).sort()).toEqual(['a', 'b']);
    expect((await store.getCampaign('cmp-1'))?.audienceFrozenAt).toBe('2026-03-10T12:00:00.000Z');
  });

  it('refuses to freeze a draft', async () => {
    const store = new InMemoryCampaignStore();
    await store.putCampaign(campaign({ status: 'draft' }));
    await expect(
      freezeCampaignAudience({ campaignId: 'cmp-1', candidates: [], policy, store, clock }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
