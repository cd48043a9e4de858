// @ts-check
import { h, table } from '../shared/dom.js';
import { emptyState, pageHeading, statusBadge } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';
import { loadSegmentNames } from '../shared/segment-names.js';

/**
 * @typedef {import('../shared/api-types.js').Campaign} Campaign
 * @typedef {import('../shared/api-types.js').CampaignResults} CampaignResults
 */

/** Only these have results worth a request: a draft has sent nothing. */
const HAS_RESULTS = new Set(['sending', 'sent', 'paused']);

/** @type {import('../shared/page-context.js').Page} */
export const campaignsPage = {
  title: () => 'Campaigns',
  render: async ({ api, format, show, signal }) => {
    /** @type {[{ items: Campaign[] }, (segmentId: string) => string]} */
    const [{ items }, nameOf] = await Promise.all([
      api.get('v1/campaigns', signal),
      loadSegmentNames(api, signal),
    ]);
    const newLink = h('a', { class: 'button', href: '#/campaigns/new' }, 'New campaign');
    if (items.length === 0) {
      show(pageHeading('Campaigns'), newLink, emptyState('No campaigns yet.'));
      return;
    }
    /** @type {Map<string, CampaignResults>} */
    const results = new Map(
      await Promise.all(
        items
          .filter((campaign) => HAS_RESULTS.has(campaign.status))
          .map(async (campaign) => {
            /** @type {CampaignResults} */
            const result = await api.get(
              `v1/campaigns/${encodeURIComponent(campaign.campaignId)}/results`,
              signal,
            );
            return /** @type {[string, CampaignResults]} */ ([campaign.campaignId, result]);
          }),
      ),
    );
    show(
      pageHeading('Campaigns'),
      newLink,
      table({
        caption: 'Campaigns, with results once sending started',
        headers: [
          'Campaign',
          'Status',
          'Audience',
          'Created',
          'Sent',
          'Opened',
          'Clicked',
          'Conversion uplift',
        ],
        rowHeaders: true,
        rows: items.map((campaign) => {
          const result = results.get(campaign.campaignId);
          return [
            h('a', { href: hrefTo(['campaigns', campaign.campaignId]) }, campaign.name),
            statusBadge(campaign.status),
            campaign.audience.segmentIds.map(nameOf).join(', '),
            format.date(campaign.createdAt),
            result ? format.integer(result.sent) : '—',
            result ? format.integer(result.opened) : '—',
            result ? format.integer(result.clicked) : '—',
            result && result.heldOut > 0
              ? `${format.decimal(result.uplift.conversionRatePoints)} points`
              : '—',
          ];
        }),
      }),
    );
  },
};
