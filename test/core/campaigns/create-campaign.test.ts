import { describe, expect, it } from 'vitest';
import { InMemoryCampaignStore } from '../../../adapters/memory/in-memory-campaign-store';
import { changeCampaignStatus } from '../../../core/campaigns/change-campaign-status';
import { createCampaign } from '../../../core/campaigns/create-campaign';
import { InvalidTemplateError } from '../../../core/campaigns/invalid-template-error';
import { fixedClock } from '../../../core/shared/clock';
import { ConflictError, ValidationError } from '../../../core/shared/errors';

const clock = fixedClock('2026-03-01T09:00:00Z');
const input = {
  campaignId: 'cmp-1',
  name: 'Spring sale',
  audience: { segmentIds: ['seg-vip'] },
  content: { subject: 'Hi {{ first_name | default: "there" }}', html: '<p>{{ rfm_segment }}</p>' },
};

describe('createCampaign', () => {
  it('stores a draft with defaults and the variables it was validated against', async () => {
    const store = new InMemoryCampaignStore();
    const created = await createCampaign({
      input,
      knownVariables: { rfm_segment: 'string' },
      store,
      clock,
    });
    expect(created).toMatchObject({
      status: 'draft',
      kind: 'broadcast',
      holdoutPercent: 0,
      audience: { segmentIds: ['seg-vip'], excludedSegmentIds: [] },
      variables: { rfm_segment: 'string' },
      version: 0,
    });
  });

  it('rejects a template with an unknown variable before storing anything', async () => {
    const store = new InMemoryCampaignStore();
    await expect(createCampaign({ input, knownVariables: {}, store, clock })).rejects.toMatchObject(
      {
        constructor: InvalidTemplateError,
        variable: 'rfm_segment',
        line: 1,
      },
    );
    expect(store.campaigns.size).toBe(0);
  });

  it('rejects invalid input naming the field and a duplicate id as a conflict', async () => {
    const store = new InMemoryCampaignStore();
    await expect(
      createCampaign({
        input: { ...input, audience: { segmentIds: [] } },
        knownVariables: {},
        store,
        clock,
      }),
    ).rejects.toMatchObject({ constructor: ValidationError, path: ['audience', 'segmentIds'] });
    await createCampaign({ input, knownVariables: { rfm_segment: 'string' }, store, clock });
    await expect(
      createCampaign({ input, knownVariables: { rfm_segment: 'string' }, store, clock }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('changeCampaignStatus', () => {
  it('moves a campaign through its lifecycle and refuses illegal moves', async () => {
    const store = new InMemoryCampaignStore();
    await createCampaign({ input, knownVariables: { rfm_segment: 'string' }, store, clock });
    await changeCampaignStatus({ campaignId: 'cmp-1', to: 'scheduled', store, clock });
    await expect(
      changeCampaignStatus({ campaignId: 'cmp-1', to: 'sent', store, clock }),
    ).rejects.toBeInstanceOf(ConflictError);
    await changeCampaignStatus({ campaignId: 'cmp-1', to: 'cancelled', store, clock });
    await expect(
      changeCampaignStatus({ campaignId: 'cmp-1', to: 'scheduled', store, clock }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getCampaign('cmp-1')).toMatchObject({
      status: 'cancelled',
      completedAt: '2026-03-01T09:00:00.000Z',
    });
  });
});
