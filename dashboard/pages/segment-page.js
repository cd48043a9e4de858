// @ts-check
import { ApiError } from '../shared/api-client.js';
import { chartFigure } from '../shared/charts.js';
import { debounce, definitions, download, h, table } from '../shared/dom.js';
import { emptyState, errorState, pageHeading } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';
import { segmentCampaignsSection } from './segment-campaigns-section.js';

const PAGE_SIZE = 25;

/**
 * @typedef {import('../shared/api-types.js').SegmentDetail} SegmentDetail
 * @typedef {import('../shared/page-context.js').PageContext} PageContext
 * @typedef {{ customerId: string, email?: string, since: string, reason: string[] }} Member
 */

/**
 * The members table with search and paging. The API's cursors only go forward, so the cursors of
 * the pages already seen are kept to go back.
 * @param {PageContext} context
 * @param {string} segmentId
 */
const membersSection = ({ api, format }, segmentId) => {
  /** @type {(string | undefined)[]} */
  let cursors = [undefined];
  let search = '';
  const results = h('div', { 'aria-live': 'polite', 'aria-busy': 'false' });
  const previous = h('button', { type: 'button', disabled: true }, 'Previous page');
  const next = h('button', { type: 'button', disabled: true }, 'Next page');

  const load = async () => {
    const cursor = cursors.at(-1);
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (search) query.set('search', search);
    if (cursor) query.set('cursor', cursor);
    results.setAttribute('aria-busy', 'true');
    try {
      /** @type {{ items: Member[], cursor?: string }} */
      const page = await api.get(`v1/segments/${encodeURIComponent(segmentId)}/members?${query}`);
      results.replaceChildren(
        page.items.length === 0
          ? emptyState(
              search
                ? `No member matches “${search}”.`
                : 'This segment has no members in the current run.',
            )
          : table({
              caption: `Members, page ${cursors.length}`,
              headers: ['Customer', 'E-mail', 'Member since', 'Why'],
              rowHeaders: true,
              rows: page.items.map((member) => [
                h('a', { href: hrefTo(['customers', member.customerId]) }, member.customerId),
                member.email ?? '—',
                format.date(member.since),
                h(
                  'ul',
                  { class: 'reasons' },
                  ...member.reason.map((reason) => h('li', {}, reason)),
                ),
              ]),
            }),
      );
      previous.disabled = cursors.length === 1;
      next.disabled = !page.cursor;
      next.dataset.cursor = page.cursor ?? '';
    } catch (error) {
      results.replaceChildren(errorState(error, () => void load()));
    }
    results.setAttribute('aria-busy', 'false');
  };

  previous.addEventListener('click', () => {
    cursors = cursors.slice(0, -1);
    void load();
  });
  next.addEventListener('click', () => {
    cursors = [...cursors, next.dataset.cursor];
    void load();
  });
  const searchBox = h('input', { id: 'member-search', type: 'search', autocomplete: 'off' });
  searchBox.addEventListener(
    'input',
    debounce(() => {
      search = searchBox.value.trim();
      cursors = [undefined];
      void load();
    }, 300),
  );
  void load();
  return h(
    'section',
    { 'aria-labelledby': 'members-title' },
    h('h2', { id: 'members-title' }, 'Members'),
    h(
      'div',
      { class: 'toolbar' },
      h('label', { for: 'member-search' }, 'Search by ID or e-mail'),
      searchBox,
    ),
    results,
    h('div', { class: 'pager' }, previous, next),
  );
};

/**
 * @param {PageContext} context
 * @param {string} segmentId
 */
const exportButtons = ({ api }, segmentId) => {
  const status = h('span', { role: 'status' });
  /** @param {boolean} hashed */
  const exportCsv = async (hashed) => {
    status.textContent = 'Preparing the export…';
    try {
      const path = `v1/segments/${encodeURIComponent(segmentId)}/export${hashed ? '?hashEmails=true' : ''}`;
      download(
        await api.blob(path),
        `${segmentId.replace(':', '-')}${hashed ? '-hashed' : ''}.csv`,
      );
      status.textContent = 'Export downloaded.';
    } catch (error) {
      status.textContent = `The export failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  return h(
    'div',
    { class: 'toolbar' },
    h('button', { type: 'button', onclick: () => void exportCsv(false) }, 'Export CSV'),
    h(
      'button',
      { type: 'button', onclick: () => void exportCsv(true) },
      'Export for ad platforms (hashed e-mails)',
    ),
    status,
  );
};

/** @type {import('../shared/page-context.js').Page} */
export const segmentPage = {
  title: () => 'Segment',
  render: async (context) => {
    const { api, format, params, show, signal } = context;
    /** @type {SegmentDetail} */
    let segment;
    try {
      segment = await api.get(`v1/segments/${encodeURIComponent(params.id ?? '')}`, signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      show(pageHeading('Segment'), emptyState(`There is no segment “${params.id}”.`));
      return;
    }
    document.title = `${segment.name} · Shoal`;
    const { definitionText } = segment;
    show(
      pageHeading(segment.name),
      segment.description ? h('p', { class: 'lede' }, segment.description) : null,
      definitionText
        ? h(
            'section',
            { 'aria-labelledby': 'definition-title' },
            h('h2', { id: 'definition-title' }, 'Definition'),
            h('p', { class: 'definition' }, definitionText),
          )
        : null,
      segment.inCurrentRun === false
        ? emptyState('Saved: this segment fills at the next segmentation run.')
        : null,
      h(
        'section',
        { class: 'stats', 'aria-label': 'Size and value' },
        definitions([
          ['Customers', h('span', { 'data-stat': 'customers' }, format.integer(segment.customers))],
          ['Revenue', h('span', { 'data-stat': 'revenue' }, format.money(segment.revenue))],
          ['Average order value', h('span', { 'data-stat': 'aov' }, format.money(segment.aov))],
        ]),
      ),
      segment.trend.length > 1
        ? chartFigure({
            id: 'segment-trend',
            title: `Customers in ${segment.name}, run by run`,
            type: 'line',
            labels: segment.trend.map((point) => format.date(point.asOf)),
            series: [{ label: 'Customers', values: segment.trend.map((point) => point.customers) }],
            formatValue: format.integer,
          })
        : null,
      // Not run yet, it has no members to list or export (the API answers 404 for both), and no
      // campaign can have reached it.
      segment.inCurrentRun === false ? null : segmentCampaignsSection(context, segment.segmentId),
      segment.inCurrentRun === false ? null : exportButtons(context, segment.segmentId),
      segment.inCurrentRun === false ? null : membersSection(context, segment.segmentId),
    );
  },
};
