// @ts-check
import { h } from '../shared/dom.js';
import { emptyState, errorState, pageHeading, statusBadge } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';

/**
 * @typedef {import('../shared/api-types.js').Import} Import
 * @typedef {import('../shared/format.js').Format} Format
 */

/**
 * @param {Import[]} items
 * @param {Format} format
 */
const importRows = (items, format) =>
  items.map((item) => [
    h('a', { href: hrefTo(['imports', item.id]) }, item.key.split('/').at(-1) ?? item.key),
    item.kind ?? '—',
    statusBadge(item.status),
    format.dateTime(item.startedAt),
    format.integer(item.counts.read),
    format.integer(item.counts.inserted),
    format.integer(item.counts.updated),
    format.integer(item.counts.rejected),
    format.integer(item.counts.warnings),
  ]);

/** @type {import('../shared/page-context.js').Page} */
export const importsPage = {
  title: () => 'Imports',
  render: async ({ api, format, show, signal }) => {
    /** @type {{ items: Import[], cursor?: string }} */
    const first = await api.get('v1/imports?limit=50', signal);
    if (first.items.length === 0) {
      show(pageHeading('Imports'), emptyState());
      return;
    }
    const body = h('tbody', {});
    const more = h('button', { type: 'button' }, 'Load older imports');
    const status = h('p', { role: 'status' });
    /** @param {{ items: Import[], cursor?: string }} page */
    const append = (page) => {
      for (const cells of importRows(page.items, format)) {
        body.append(
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, cells[0]),
            ...cells.slice(1).map((cell) => h('td', {}, cell)),
          ),
        );
      }
      more.hidden = !page.cursor;
      more.dataset.cursor = page.cursor ?? '';
    };
    more.addEventListener('click', async () => {
      status.textContent = 'Loading…';
      try {
        append(
          await api.get(
            `v1/imports?limit=50&cursor=${encodeURIComponent(more.dataset.cursor ?? '')}`,
          ),
        );
        status.textContent = '';
      } catch (error) {
        status.replaceChildren(errorState(error));
      }
    });
    append(first);
    show(
      pageHeading('Imports'),
      h(
        'table',
        { class: 'imports' },
        h('caption', {}, 'Uploads, newest first'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              'File',
              'Kind',
              'Status',
              'Started',
              'Read',
              'Inserted',
              'Updated',
              'Rejected',
              'Warnings',
            ].map((header) => h('th', { scope: 'col' }, header)),
          ),
        ),
        body,
      ),
      more,
      status,
    );
  },
};
