// @ts-check
import { actionForm } from '../shared/action-form.js';
import { definitions, h, table } from '../shared/dom.js';
import { emailFrame } from '../shared/email-frame.js';

/**
 * @typedef {import('../shared/api-types.js').Campaign} Campaign
 * @typedef {import('../shared/api-types.js').CampaignPreview} CampaignPreview
 * @typedef {import('../shared/page-context.js').PageContext} PageContext
 */

/** The datalist of customer ids the preview and test-send forms suggest. */
export const SUGGESTED_CUSTOMERS_ID = 'campaign-customers';
const SUGGESTIONS = 10;

/** The headers worth reading in a preview (the API names them in lower case), in mail order. */
const SHOWN_HEADERS = /** @type {const} */ ([
  ['from', 'From'],
  ['to', 'To'],
  ['subject', 'Subject'],
  ['list-unsubscribe', 'List-Unsubscribe'],
  ['list-unsubscribe-post', 'List-Unsubscribe-Post'],
]);

/**
 * Customer ids to try the campaign on: the first members of its first segment, filled in the
 * background; without them (no run yet, an empty segment) the field simply suggests nothing.
 * @param {PageContext} context
 * @param {Campaign} campaign
 */
export const suggestedCustomers = ({ api, signal }, campaign) => {
  const list = h('datalist', { id: SUGGESTED_CUSTOMERS_ID });
  const [segmentId] = campaign.audience.segmentIds;
  if (segmentId === undefined) return list;
  const query = `v1/segments/${encodeURIComponent(segmentId)}/members?limit=${SUGGESTIONS}`;
  /** @type {Promise<{ items: { customerId: string, email?: string }[] }>} */
  const members = api.get(query, signal);
  members.then(
    ({ items }) =>
      list.replaceChildren(
        ...items.map((member) =>
          h('option', { value: member.customerId }, member.email ?? member.customerId),
        ),
      ),
    () => undefined,
  );
  return list;
};

/**
 * @param {CampaignPreview} preview
 * @param {string} customerId
 */
const renderedPreview = (preview, customerId) =>
  h(
    'div',
    { class: 'preview' },
    definitions([
      ['Subject', h('span', { 'data-preview': 'subject' }, preview.subject)],
      ['Preheader', preview.preheader],
    ]),
    table({
      caption: 'Headers',
      headers: ['Header', 'Value'],
      rowHeaders: true,
      rows: SHOWN_HEADERS.filter(([name]) => preview.headers[name] !== undefined).map(
        ([name, label]) => [label, preview.headers[name]],
      ),
    }),
    emailFrame(preview.html, `Rendered e-mail for customer ${customerId}`),
    h('h4', {}, 'Plain-text part'),
    h('pre', { class: 'text-body' }, preview.text),
    h(
      'details',
      {},
      h('summary', {}, 'Message source'),
      h('pre', { class: 'text-body' }, preview.raw),
    ),
  );

/**
 * The message one customer would receive, as the send would build it.
 * @param {PageContext} context
 * @param {string} base the campaign's API path
 * @param {string} segmentName where the suggestions come from
 */
export const previewForm = ({ api }, base, segmentName) =>
  actionForm({
    title: 'Preview for a customer',
    fields: [
      h('label', { for: 'preview-customer' }, 'Customer to preview (ID)'),
      h('input', {
        id: 'preview-customer',
        name: 'customerId',
        required: true,
        list: SUGGESTED_CUSTOMERS_ID,
        autocomplete: 'off',
        'aria-describedby': 'preview-customer-hint',
      }),
      h(
        'span',
        { id: 'preview-customer-hint', class: 'hint' },
        `Suggestions: the first members of ${segmentName}.`,
      ),
    ],
    submitLabel: 'Preview',
    onSubmit: async (data) => {
      const customerId = String(data.get('customerId')).trim();
      /** @type {CampaignPreview} */
      const preview = await api.post(`${base}/preview`, { customerId });
      return renderedPreview(preview, customerId);
    },
  });
