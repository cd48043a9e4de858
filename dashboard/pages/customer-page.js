// @ts-check
import { confirmAction } from '../shared/confirm-dialog.js';
import { definitions, download, h, table } from '../shared/dom.js';
import { pageHeading, problemList, statusBadge } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';

/**
 * @typedef {import('../shared/api-types.js').CustomerDetail} CustomerDetail
 * @typedef {import('../shared/api-types.js').ErasureSummary} ErasureSummary
 * @typedef {import('../shared/format.js').Format} Format
 */

/**
 * What an erasure removed, store by store, as the API reports it; nothing when it reports nothing.
 * @param {ErasureSummary | undefined} summary
 * @param {Format} format
 */
const erasureFigures = (summary, format) => {
  if (!summary) return null;
  const count = (/** @type {number | undefined} */ value) =>
    value === undefined ? undefined : format.integer(value);
  return definitions([
    ['Profiles', count(summary.customers?.profiles)],
    ['Orders', count(summary.customers?.orders)],
    ['Events', count(summary.customers?.events)],
    ['Segment memberships', count(summary.segments?.memberships)],
    ['Segmentation runs they appeared in', count(summary.segments?.runs)],
    ['Campaign messages', count(summary.campaigns?.messages)],
    ['Import report rows', count(summary.importReports?.rows)],
    ['Addresses kept only as a hash, suppressed', count(summary.suppressedAddresses)],
  ]);
};

/**
 * The profile fields worth a line, in reading order, and how each reads: money in the shop's
 * currency, counts in its locale, years as written (1993, not 1.993). The rest are in the JSON export.
 * @type {[field: string, label: string, kind: 'text' | 'money' | 'integer' | 'year'][]}
 */
const PROFILE_FIELDS = [
  ['emailDisplay', 'E-mail', 'text'],
  ['firstName', 'First name', 'text'],
  ['lastName', 'Last name', 'text'],
  ['country', 'Country', 'text'],
  ['city', 'City', 'text'],
  ['language', 'Language', 'text'],
  ['timeZone', 'Time zone', 'text'],
  ['birthYear', 'Birth year', 'year'],
  ['income', 'Income', 'money'],
  ['children', 'Children', 'integer'],
  ['householdSize', 'Household size', 'integer'],
];

/**
 * @param {unknown} value
 * @param {'text' | 'money' | 'integer' | 'year'} kind
 * @param {Format} format
 * @returns {string | undefined}
 */
const profileValue = (value, kind, format) => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || kind === 'text' || kind === 'year') return String(value);
  return kind === 'money' ? format.money(value) : format.integer(value);
};

/**
 * @param {import('../../core/segments/customer-features').CustomerFeatures} features
 * @param {Format} format
 */
const featureList = (features, format) =>
  definitions([
    ['Orders', format.integer(features.frequency)],
    ['Total spend', format.money(features.monetary)],
    [
      'Average order value',
      features.averageOrderValue === undefined
        ? undefined
        : format.money(features.averageOrderValue),
    ],
    [
      'Days since last order',
      features.recencyDays === undefined ? undefined : format.integer(features.recencyDays),
    ],
    ['Top category', features.topCategory],
    ['Preferred channel', features.preferredChannel],
    ['Consent', features.consentState],
  ]);

/**
 * @param {CustomerDetail} customer
 * @param {Format} format
 */
const customerSections = (customer, format) => {
  const { profile, segments } = customer;
  const consent = /** @type {{ state?: string } | undefined} */ (profile.consent);
  return [
    h(
      'section',
      { 'aria-labelledby': 'profile-title' },
      h('h2', { id: 'profile-title' }, 'Profile'),
      definitions([
        ...PROFILE_FIELDS.map(
          ([field, label, kind]) =>
            /** @type {[string, string | undefined]} */ ([
              label,
              profileValue(/** @type {Record<string, unknown>} */ (profile)[field], kind, format),
            ]),
        ),
        ['Marketing consent', consent?.state],
      ]),
    ),
    segments
      ? h(
          'section',
          { 'aria-labelledby': 'segments-title' },
          h('h2', { id: 'segments-title' }, 'Segments'),
          h(
            'p',
            {},
            `As of ${format.date(segments.asOf)}: `,
            segments.rfm
              ? `${segments.rfm.segmentName} (R ${segments.rfm.r}, F ${segments.rfm.f}, M ${segments.rfm.m}), `
              : '',
            `lifecycle stage ${segments.lifecycleStage}.`,
          ),
          table({
            headers: ['Segment', 'Since', 'Why'],
            rowHeaders: true,
            rows: segments.memberships.map((membership) => [
              h('a', { href: hrefTo(['segments', membership.segmentId]) }, membership.segmentName),
              format.date(membership.since),
              h(
                'ul',
                { class: 'reasons' },
                ...membership.reason.map((reason) => h('li', {}, reason)),
              ),
            ]),
          }),
          h('h3', {}, 'Features'),
          featureList(segments.features, format),
        )
      : h(
          'section',
          {},
          h('h2', {}, 'Segments'),
          h('p', {}, 'Not segmented yet: the next run will place this customer.'),
        ),
    h(
      'section',
      { 'aria-labelledby': 'orders-title' },
      h('h2', { id: 'orders-title' }, 'Orders'),
      customer.orders.length === 0
        ? h('p', {}, 'No orders.')
        : table({
            headers: ['Order', 'Date', 'Status', 'Channel', 'Total', 'Net revenue'],
            rowHeaders: true,
            rows: customer.orders.map((order) => [
              order.orderId,
              format.dateTime(order.orderedAt),
              order.status,
              order.channel ?? '—',
              format.money(order.total),
              format.money(order.netRevenue),
            ]),
          }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'events-title' },
      h('h2', { id: 'events-title' }, 'Recent events'),
      customer.events.length === 0
        ? h('p', {}, 'No events.')
        : table({
            headers: ['Event', 'When'],
            rowHeaders: true,
            rows: customer.events.map((event) => [event.type, format.dateTime(event.at)]),
          }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'sends-title' },
      h('h2', { id: 'sends-title' }, 'Messages'),
      // Older APIs leave the sends out; they are then simply not known here.
      (customer.sends ?? []).length === 0
        ? h('p', {}, 'No campaign messages.')
        : table({
            caption: 'Campaign messages, newest first',
            headers: ['Campaign', 'Status', 'Sent', 'Reason'],
            rowHeaders: true,
            rows: (customer.sends ?? []).map((send) => [
              h(
                'a',
                { href: hrefTo(['campaigns', send.campaignId]) },
                send.campaignName ?? send.campaignId,
              ),
              statusBadge(send.status),
              format.dateTime(send.sentAt),
              send.reason ?? '—',
            ]),
          }),
    ),
  ];
};

/** @type {import('../shared/page-context.js').Page} */
export const customerPage = {
  title: (params) => `Customer ${params.id}`,
  render: async ({ api, format, params, show, signal }) => {
    const customerId = params.id ?? '';
    const base = `v1/customers/${encodeURIComponent(customerId)}`;
    /** @type {CustomerDetail} */
    const customer = await api.get(base, signal);
    const outcome = h('div', { 'aria-live': 'polite' });
    const exportData = async () => {
      try {
        download(await api.blob(`${base}/export`), `customer-${customerId}.json`);
      } catch (error) {
        outcome.replaceChildren(problemList(error));
      }
    };
    const erase = async () => {
      const confirmed = await confirmAction({
        title: `Erase customer ${customerId}?`,
        message:
          'Their profile, orders, events, segment memberships and messages are deleted everywhere Shoal keeps them. Only a hashed entry remains so that a later import cannot mail them again. This cannot be undone.',
        confirmLabel: 'Erase everywhere',
      });
      if (!confirmed) return;
      try {
        /** @type {ErasureSummary | undefined} */
        const summary = await api.remove(base);
        show(
          pageHeading(`Customer ${customerId}`),
          h(
            'p',
            { class: 'state state-done', role: 'status' },
            'Erased. Only a hashed suppression entry remains.',
          ),
          summary ? h('h2', {}, 'What was deleted') : null,
          erasureFigures(summary, format),
          h('p', {}, h('a', { href: '#/overview' }, 'Back to the overview')),
        );
      } catch (error) {
        outcome.replaceChildren(problemList(error));
      }
    };
    show(
      pageHeading(`Customer ${customerId}`),
      h(
        'div',
        { class: 'toolbar' },
        h(
          'button',
          { type: 'button', onclick: () => void exportData() },
          'Export everything (JSON)',
        ),
        h('button', { type: 'button', class: 'danger', onclick: () => void erase() }, 'Erase…'),
      ),
      outcome,
      ...customerSections(customer, format),
    );
  },
};
