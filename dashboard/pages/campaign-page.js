// @ts-check
import { actionForm } from '../shared/action-form.js';
import { chartFigure } from '../shared/charts.js';
import { confirmAction } from '../shared/confirm-dialog.js';
import { definitions, h, table } from '../shared/dom.js';
import { emptyState, pageHeading, problemList, statusBadge } from '../shared/page-states.js';
import { loadSegmentNames } from '../shared/segment-names.js';
import { previewForm, suggestedCustomers } from './campaign-preview-form.js';
import { testSendForm } from './campaign-test-send-form.js';

/**
 * @typedef {import('../shared/api-types.js').Campaign} Campaign
 * @typedef {import('../shared/api-types.js').CampaignResults} CampaignResults
 * @typedef {import('../shared/page-context.js').PageContext} PageContext
 */

const EDITABLE = new Set(['draft', 'scheduled']);
const CANCELLABLE = new Set(['scheduled', 'sending', 'paused']);
const HAS_RESULTS = new Set(['sending', 'sent', 'paused', 'cancelled']);
/** How often a campaign that is sending is read again, to show it once it is sent or paused. */
const SENDING_POLL_MS = 2_000;
/** A campaign scheduled this soon (or "send now", which the API schedules for now) is watched. */
const DUE_SOON_MS = 60_000;

/**
 * Whether the campaign's status will change while the page is open.
 * @param {Campaign} campaign
 */
const isUnderWay = (campaign) =>
  campaign.status === 'sending' ||
  (campaign.status === 'scheduled' &&
    campaign.scheduledAt !== undefined &&
    Date.parse(campaign.scheduledAt) - Date.now() < DUE_SOON_MS);

/**
 * While a campaign is sending, reads it in the background and renders the page again once its
 * status changes: one re-render (and one focus move) per change, not one per poll.
 * @param {PageContext} context
 * @param {string} base
 * @param {string} status
 */
const watchStatus = ({ api, refresh, signal }, base, status) => {
  const timer = setInterval(async () => {
    try {
      /** @type {Campaign} */
      const latest = await api.get(base, signal);
      if (latest.status === status) return;
      clearInterval(timer);
      refresh();
    } catch {
      // Keep what is shown; the next poll tries again, and leaving the page stops them.
    }
  }, SENDING_POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
};

/**
 * @param {PageContext} context
 * @param {Campaign} campaign
 * @param {import('../shared/segment-names.js').NameOf} nameOf
 */
const actions = (context, campaign, nameOf) => {
  const { api, refresh } = context;
  const base = `v1/campaigns/${encodeURIComponent(campaign.campaignId)}`;
  const editable = EDITABLE.has(campaign.status);
  const outcome = h('div', { 'aria-live': 'polite' });
  /** @param {string} action */
  const act = async (action) => {
    try {
      await api.post(`${base}/${action}`);
      refresh();
    } catch (error) {
      outcome.replaceChildren(problemList(error));
    }
  };
  const send = async () => {
    const confirmed = await confirmAction({
      title: 'Send this campaign now?',
      message: `“${campaign.content.subject}” goes to every eligible customer of the audience, except the ${context.format.percent(campaign.holdoutPercent / 100)} held out. This cannot be undone.`,
      confirmLabel: 'Send now',
    });
    if (confirmed) await act('send');
  };
  return h(
    'section',
    { 'aria-labelledby': 'actions-title', class: 'actions' },
    h('h2', { id: 'actions-title' }, 'Preview and send'),
    suggestedCustomers(context, campaign),
    previewForm(context, base, nameOf(campaign.audience.segmentIds[0] ?? '')),
    editable ? testSendForm(context, base) : null,
    editable
      ? actionForm({
          title: 'Schedule',
          fields: [
            h('label', { for: 'schedule-at' }, 'Send at (your local time)'),
            h('input', { id: 'schedule-at', name: 'at', type: 'datetime-local', required: true }),
          ],
          submitLabel: 'Schedule',
          onSubmit: async (data) => {
            await api.post(`${base}/schedule`, {
              at: new Date(String(data.get('at'))).toISOString(),
            });
            refresh();
            return 'Scheduled.';
          },
        })
      : null,
    h(
      'div',
      { class: 'toolbar' },
      editable
        ? h('button', { type: 'button', class: 'danger', onclick: () => void send() }, 'Send now…')
        : null,
      CANCELLABLE.has(campaign.status)
        ? h(
            'button',
            { type: 'button', class: 'secondary', onclick: () => void act('cancel') },
            'Cancel campaign',
          )
        : null,
    ),
    outcome,
  );
};

/** Liquid output or tags: a subject with them reads as code until rendered for someone. */
const TEMPLATE_MARKUP = /{{|{%/;

/**
 * The subject as a customer reads it: rendered (through the preview route) for the first member
 * of the audience, with the template one click away. A subject without template code is shown as
 * it is; when there is nobody to render it for (no run yet, an empty segment), the template is.
 * @param {PageContext} context
 * @param {Campaign} campaign
 */
const subjectLine = ({ api, signal }, campaign) => {
  const template = campaign.content.subject;
  if (!TEMPLATE_MARKUP.test(template)) return h('span', { 'data-subject': 'plain' }, template);
  const line = h(
    'span',
    { class: 'subject-line' },
    h('code', { 'data-subject': 'template' }, template),
    h('span', { class: 'hint' }, ' (template)'),
  );
  const [segmentId] = campaign.audience.segmentIds;
  if (segmentId === undefined) return line;
  const render = async () => {
    /** @type {{ items: { customerId: string }[] }} */
    const members = await api.get(
      `v1/segments/${encodeURIComponent(segmentId)}/members?limit=1`,
      signal,
    );
    const sample = members.items[0];
    if (sample === undefined) return;
    /** @type {import('../shared/api-types.js').CampaignPreview} */
    const preview = await api.post(
      `v1/campaigns/${encodeURIComponent(campaign.campaignId)}/preview`,
      { customerId: sample.customerId },
    );
    line.replaceChildren(
      h('span', { 'data-subject': 'rendered' }, preview.subject),
      h('span', { class: 'hint subject-sample' }, ` for customer ${sample.customerId}`),
      h(
        'details',
        { class: 'subject-template' },
        h('summary', {}, 'Template'),
        h('code', {}, template),
      ),
    );
  };
  // Without a sample the template stays shown, which is still the truth.
  render().catch(() => undefined);
  return line;
};

/**
 * @param {CampaignResults} results
 * @param {import('../shared/format.js').Format} format
 * @param {boolean} local on the local stack, whose SES endpoint reports no deliveries
 */
const resultsSection = (results, format, local) => {
  const funnel = /** @type {[string, number][]} */ ([
    ['Audience', results.audience],
    ['Eligible', results.eligible],
    ['Sent', results.sent],
    ['Delivered', results.delivered],
    ['Opened', results.opened],
    ['Clicked', results.clicked],
  ]);
  const { treatment, holdout, uplift } = results;
  return h(
    'section',
    { 'aria-labelledby': 'results-title' },
    h('h2', { id: 'results-title' }, 'Results'),
    chartFigure({
      id: 'campaign-funnel',
      title: 'Funnel',
      type: 'bar',
      labels: funnel.map(([label]) => label),
      series: [{ label: 'Customers', values: funnel.map(([, value]) => value) }],
      formatValue: format.integer,
    }),
    local
      ? h(
          'p',
          { class: 'hint', id: 'local-deliveries' },
          'On the local stack, the SES endpoint keeps what was sent but reports no deliveries, opens or clicks: ',
          'those come from SES’s event stream in AWS, so they stay at 0 here.',
        )
      : null,
    definitions([
      ['Held out', format.integer(results.heldOut)],
      ['Bounced', format.integer(results.bounced)],
      ['Complaints', format.integer(results.complained)],
      ['Unsubscribed', format.integer(results.unsubscribed)],
      ['Failed', format.integer(results.failed)],
    ]),
    table({
      caption: `Conversions within ${results.attributionWindowDays} days`,
      headers: [
        'Group',
        'Recipients',
        'Converted',
        'Conversion rate',
        'Revenue',
        'Revenue per recipient',
      ],
      rowHeaders: true,
      rows: [
        ['Mailed', treatment],
        ['Held out', holdout],
      ].map(([label, stats]) => {
        const s = /** @type {import('../shared/api-types.js').ConversionStats} */ (stats);
        return [
          String(label),
          format.integer(s.recipients),
          format.integer(s.converted),
          format.percent(s.conversionRate),
          format.money(s.revenue),
          format.money(s.revenuePerRecipient),
        ];
      }),
    }),
    results.heldOut > 0
      ? h(
          'p',
          { class: 'lede' },
          `Uplift: ${format.decimal(uplift.conversionRatePoints)} percentage points of conversion, `,
          `${format.money(uplift.incrementalRevenue)} incremental revenue (${format.decimal(uplift.incrementalConversions)} extra conversions).`,
        )
      : h('p', { class: 'hint' }, 'No holdout: uplift cannot be measured.'),
  );
};

/** @type {import('../shared/page-context.js').Page} */
export const campaignPage = {
  title: () => 'Campaign',
  render: async (context) => {
    const { api, format, params, show, signal } = context;
    const base = `v1/campaigns/${encodeURIComponent(params.id ?? '')}`;
    /** @type {[Campaign, (segmentId: string) => string]} */
    const [campaign, nameOf] = await Promise.all([
      api.get(base, signal),
      loadSegmentNames(api, signal),
    ]);
    /** @type {CampaignResults | undefined} */
    const results = HAS_RESULTS.has(campaign.status)
      ? await api.get(`${base}/results`, signal)
      : undefined;
    document.title = `${campaign.name} · Shoal`;
    show(
      pageHeading(campaign.name, ' ', statusBadge(campaign.status)),
      campaign.pausedReason
        ? h(
            'div',
            { class: 'state state-error', role: 'alert' },
            h('p', {}, `Paused: ${campaign.pausedReason}`),
          )
        : null,
      definitions([
        ['Subject', subjectLine(context, campaign)],
        ['Audience', campaign.audience.segmentIds.map(nameOf).join(', ')],
        ['Excluded', campaign.audience.excludedSegmentIds?.map(nameOf).join(', ')],
        ['Holdout', format.percent(campaign.holdoutPercent / 100)],
        ['Scheduled for', campaign.scheduledAt ? format.dateTime(campaign.scheduledAt) : undefined],
        ['Started', campaign.startedAt ? format.dateTime(campaign.startedAt) : undefined],
      ]),
      isUnderWay(campaign)
        ? h(
            'p',
            { class: 'state state-sending', role: 'status' },
            'Sending… this page updates when it is done.',
          )
        : null,
      actions(context, campaign, nameOf),
      results
        ? resultsSection(results, format, context.config.local)
        : emptyState('No results yet: the campaign has not been sent.'),
    );
    if (isUnderWay(campaign)) watchStatus(context, base, campaign.status);
  },
};
