// @ts-check
import { h } from '../shared/dom.js';
import { emptyState, errorState, pageHeading } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';

/**
 * @typedef {{ customerId: string, email?: string, firstName?: string, lastName?: string, matchedOn: 'id' | 'email' | 'text' }} SearchHit
 * @typedef {{ items: SearchHit[], scanned: number, cursor?: string }} SearchPage
 */

const MATCHED_ON = { id: 'its ID', email: 'its e-mail address', text: 'name, e-mail or ID' };

/**
 * Finds customers by ID, e-mail or name (`#/customers?q=…`). Exact ID and e-mail matches come at
 * once; a name is looked for a few thousand customers per request, so "Search further" goes on
 * through a large shop.
 * @type {import('../shared/page-context.js').Page}
 */
export const customersPage = {
  title: () => 'Customers',
  render: async ({ api, format, query, show, signal }) => {
    const text = query.get('q')?.trim() ?? '';
    const box = h('input', {
      id: 'customer-search',
      name: 'q',
      type: 'search',
      value: text,
      autocomplete: 'off',
      required: true,
      maxlength: 200,
    });
    const form = h(
      'form',
      { class: 'toolbar', role: 'search', 'aria-label': 'Search customers' },
      h('label', { for: 'customer-search' }, 'ID, e-mail or name'),
      box,
      h('button', { type: 'submit' }, 'Search'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      location.hash = hrefTo(['customers'], { q: box.value.trim() });
    });
    if (text === '') {
      show(
        pageHeading('Customers'),
        form,
        h('p', { class: 'hint' }, 'Type an ID, an e-mail address or a part of a name.'),
      );
      return;
    }

    const body = h('tbody', {});
    const more = h('button', { type: 'button', hidden: true }, 'Search further');
    const status = h('p', { role: 'status', id: 'search-status' });
    let found = 0;
    /** @param {SearchPage} page */
    const append = (page) => {
      found += page.items.length;
      for (const hit of page.items) {
        body.append(
          h(
            'tr',
            {},
            h(
              'th',
              { scope: 'row' },
              h('a', { href: hrefTo(['customers', hit.customerId]) }, hit.customerId),
            ),
            h('td', {}, [hit.firstName, hit.lastName].filter(Boolean).join(' ') || '—'),
            h('td', { class: 'wrap' }, hit.email ?? '—'),
            h('td', {}, MATCHED_ON[hit.matchedOn]),
          ),
        );
      }
      more.hidden = page.cursor === undefined;
      more.dataset.cursor = page.cursor ?? '';
      status.textContent = page.cursor
        ? `${format.integer(found)} found so far; not every customer has been looked at yet.`
        : `${format.integer(found)} found; every customer was looked at.`;
    };
    /** @param {string} [cursor] */
    const search = (cursor) =>
      api.get(
        `v1/customer-search?${new URLSearchParams({ q: text, limit: '25', ...(cursor ? { cursor } : {}) })}`,
        signal,
      );
    more.addEventListener('click', async () => {
      status.textContent = 'Searching…';
      try {
        append(await search(more.dataset.cursor));
      } catch (error) {
        status.replaceChildren(errorState(error));
      }
    });
    /** @type {SearchPage} */
    const first = await search();
    if (first.items.length === 0 && first.cursor === undefined) {
      show(pageHeading('Customers'), form, emptyState(`No customer matches “${text}”.`));
      return;
    }
    append(first);
    show(
      pageHeading('Customers'),
      form,
      h(
        'table',
        { class: 'customer-results' },
        h('caption', {}, `Customers matching “${text}”`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Customer', 'Name', 'E-mail', 'Matched on'].map((header) =>
              h('th', { scope: 'col' }, header),
            ),
          ),
        ),
        body,
      ),
      status,
      more,
    );
  },
};
