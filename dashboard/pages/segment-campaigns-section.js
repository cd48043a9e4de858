// @ts-check
import { ApiError } from '../shared/api-client.js';
import { definitions, h, table } from '../shared/dom.js';
import { emptyState, errorState, statusBadge } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';

/**
 * @typedef {import('../shared/api-types.js').SegmentCampaigns} SegmentCampaigns
 * @typedef {import('../shared/api-types.js').SegmentCampaign} SegmentCampaign
 * @typedef {import('../shared/format.js').Format} Format
 */

const ROLE_WORDS = { included: 'sent to it', excluded: 'excluded it' };

/**
 * @param {SegmentCampaign} campaign
 * @param {Format} format
 */
const campaignRow = (campaign, format) => {
  const results = campaign.results;
  const count = (/** @type {number | undefined} */ value) =>
    value === undefined ? '—' : format.integer(value);
  return [
    h('a', { href: hrefTo(['campaigns', campaign.campaignId]) }, campaign.name),
    ROLE_WORDS[campaign.role] ?? campaign.role,
    statusBadge(campaign.status),
    count(results?.sent),
    count(results?.delivered),
    count(results?.opened),
    count(results?.clicked),
    count(results?.conversions),
    results ? format.money(results.revenue) : '—',
    results?.uplift
      ? `${format.decimal(results.uplift.conversionRatePoints)} points, ${format.money(results.uplift.incrementalRevenue)} incremental revenue`
      : '—',
  ];
};

/**
 * @param {SegmentCampaigns} answer
 * @param {Format} format
 */
const campaignsTable = ({ campaigns, totals, attributionWindowDays }, format) =>
  campaigns.length === 0
    ? emptyState('No campaign has named this segment yet.')
    : h(
        'div',
        {},
        table({
          caption: `Newest first; each campaign’s whole results, conversions within ${attributionWindowDays} days`,
          headers: [
            'Campaign',
            'Role',
            'Status',
            'Sent',
            'Delivered',
            'Opened',
            'Clicked',
            'Conversions',
            'Revenue',
            'Uplift vs holdout',
          ],
          rowHeaders: true,
          className: 'segment-campaigns',
          rows: campaigns.map((campaign) => campaignRow(campaign, format)),
        }),
        h('h3', {}, 'Totals over the campaigns sent to this segment'),
        definitions([
          ['Campaigns sent', format.integer(totals.campaignsSent)],
          ['Messages sent', format.integer(totals.messagesSent)],
          ['Conversions', format.integer(totals.conversions)],
          ['Revenue', format.money(totals.revenue)],
        ]),
      );

/**
 * The campaigns that named the segment, loaded after the rest of the page so a slow results
 * read never holds up its figures and members.
 * @param {import('../shared/page-context.js').PageContext} context
 * @param {string} segmentId
 */
export const segmentCampaignsSection = ({ api, format, signal }, segmentId) => {
  const body = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, 'Loading…');
  const load = async () => {
    body.setAttribute('aria-busy', 'true');
    try {
      /** @type {SegmentCampaigns} */
      const answer = await api.get(
        `v1/segments/${encodeURIComponent(segmentId)}/campaigns`,
        signal,
      );
      body.replaceChildren(campaignsTable(answer, format));
    } catch (error) {
      if (signal.aborted) return;
      body.replaceChildren(
        // A segment no campaign has named yet, before any run, is unknown to the route.
        error instanceof ApiError && error.status === 404
          ? emptyState('No campaign has named this segment yet.')
          : errorState(error, () => void load()),
      );
    }
    body.setAttribute('aria-busy', 'false');
  };
  void load();
  return h(
    'section',
    { 'aria-labelledby': 'segment-campaigns-title' },
    h('h2', { id: 'segment-campaigns-title' }, 'Campaigns to this segment'),
    body,
  );
};
