// @ts-check
import { ApiError } from '../shared/api-client.js';
import { h, table } from '../shared/dom.js';
import { emptyState, errorState, pageHeading } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';

const SCORES = [1, 2, 3, 4, 5];
const DARKEST = [10, 61, 115];

/**
 * The cell's colour, from near-white to dark blue by the strength of its monetary value, and
 * the text colour (ink or white) that contrasts more with it, so every number stays readable.
 * @param {number} strength 0–1
 */
const cellColours = (strength) => {
  const alpha = 0.06 + 0.9 * strength;
  const rgb = DARKEST.map((c) => Math.round(255 - alpha * (255 - c)));
  const [r = 0, g = 0, b = 0] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Where white and the ink (#1b1f24) contrast equally with the background.
  return { background: `rgb(${rgb.join(' ')})`, text: luminance > 0.2 ? '#1b1f24' : '#ffffff' };
};

/**
 * @typedef {import('../shared/api-types.js').GridCell} GridCell
 * @typedef {import('../shared/api-types.js').CustomerListItem} CustomerListItem
 * @typedef {import('../shared/page-context.js').PageContext} PageContext
 */

/**
 * Colours a cell by its customers' average spend, relative to the highest cell's.
 * @param {GridCell[]} cells
 */
const spendStrength = (cells) => {
  const highest = Math.max(...cells.map((cell) => cell.averageSpend), 1);
  return (/** @type {GridCell} */ cell) => Math.max(0, cell.averageSpend) / highest;
};

/**
 * Why a column of the grid has no customers. Scores rank customers, and equal values share the
 * lowest rank of their tie: when many buyers ordered the same number of times (most often once),
 * their tie spans the ranks the next score would have had, and that column stays empty.
 * @param {GridCell[]} cells
 */
const emptyColumnsNote = (cells) => {
  const empty = SCORES.filter((f) => !cells.some((cell) => cell.f === f && cell.customers > 0));
  if (empty.length === 0) return null;
  const columns = empty.map((f) => `F ${f}`).join(', ');
  return h(
    'p',
    { class: 'hint', id: 'empty-columns' },
    `${columns} ${empty.length === 1 ? 'is' : 'are'} empty: customers who bought equally often share a score, the lowest of their tie. `,
    'When many customers bought the same number of times (often once), their tie takes up the scores next to it.',
  );
};

/**
 * Outlines a named segment: a thick edge wherever the neighbour across it has another name.
 * @param {Map<string, GridCell>} cells
 * @param {GridCell} cell
 */
const edgeClasses = (cells, cell) => {
  const nameAt = (/** @type {number} */ r, /** @type {number} */ f) =>
    cells.get(`${r}:${f}`)?.segmentName;
  return [
    nameAt(cell.r + 1, cell.f) !== cell.segmentName ? 'edge-top' : '',
    nameAt(cell.r - 1, cell.f) !== cell.segmentName ? 'edge-bottom' : '',
    nameAt(cell.r, cell.f - 1) !== cell.segmentName ? 'edge-left' : '',
    nameAt(cell.r, cell.f + 1) !== cell.segmentName ? 'edge-right' : '',
  ].join(' ');
};

/**
 * The customers of one cell, shown under the grid when it is clicked.
 * @param {PageContext} context
 * @param {GridCell} cell
 * @param {HTMLElement} panel
 */
const showCellCustomers = async (context, cell, panel) => {
  const { api, format } = context;
  panel.replaceChildren(h('p', { class: 'state state-loading' }, 'Loading customers…'));
  try {
    /** @type {{ items: CustomerListItem[], total?: number, cursor?: string }} */
    const page = await api.get(`v1/customers?r=${cell.r}&f=${cell.f}&limit=50`);
    const total = page.total ?? cell.customers;
    panel.replaceChildren(
      h(
        'h2',
        { id: 'cell-title', tabindex: '-1' },
        `${cell.segmentName}: R=${cell.r}, F=${cell.f}`,
      ),
      page.items.length === 0
        ? emptyState('No customers in this cell.')
        : table({
            caption:
              page.items.length < total
                ? `The first ${format.integer(page.items.length)} of ${format.integer(total)} customers`
                : `${format.integer(page.items.length)} customers`,
            headers: ['Customer', 'E-mail', 'Lifecycle stage', 'Monetary'],
            rowHeaders: true,
            rows: page.items.map((item) => [
              h('a', { href: hrefTo(['customers', item.customerId]) }, item.customerId),
              item.email ?? '—',
              item.lifecycleStage,
              format.money(item.monetary),
            ]),
          }),
    );
    panel.querySelector('h2')?.focus();
  } catch (error) {
    panel.replaceChildren(errorState(error, () => void showCellCustomers(context, cell, panel)));
  }
};

/** @type {import('../shared/page-context.js').Page} */
export const rfmPage = {
  title: () => 'RFM grid',
  render: async (context) => {
    const { api, format, show, signal } = context;
    /** @type {{ runId?: string, cells: GridCell[] }} */
    let grid;
    try {
      grid = await api.get('v1/rfm/grid', signal);
    } catch (error) {
      // The API answers 404 until a segmentation run has completed.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      show(pageHeading('RFM grid'), emptyState());
      return;
    }
    if (grid.cells.every((cell) => cell.customers === 0)) {
      show(pageHeading('RFM grid'), emptyState());
      return;
    }
    const cells = new Map(grid.cells.map((cell) => [`${cell.r}:${cell.f}`, cell]));
    const strength = spendStrength(grid.cells);
    const panel = h('section', { class: 'cell-customers', 'aria-live': 'polite' });
    const rows = [...SCORES].reverse().map((r) => [
      `R ${r}`,
      ...SCORES.map((f) => {
        const cell = cells.get(`${r}:${f}`);
        if (!cell) return h('span', { class: 'muted' }, '–');
        const colours = cellColours(strength(cell));
        const spend = format.money(cell.averageSpend);
        const score = format.decimal(cell.meanM);
        return h(
          'button',
          {
            type: 'button',
            class: `grid-cell ${edgeClasses(cells, cell)}`,
            style: `background: ${colours.background}; color: ${colours.text}`,
            'data-r': r,
            'data-f': f,
            'aria-label': `${cell.segmentName}, R ${r}, F ${f}: ${format.integer(cell.customers)} customers, average spend ${spend}, mean M score ${score}. Show customers.`,
            onclick: () => void showCellCustomers(context, cell, panel),
          },
          h('strong', { class: 'count' }, format.integer(cell.customers)),
          h('span', { class: 'cell-name' }, cell.segmentName),
          h('span', { class: 'cell-money' }, `avg ${spend}`),
          h('span', { class: 'cell-score' }, `M score ${score}`),
        );
      }),
    ]);
    show(
      pageHeading('RFM grid'),
      h(
        'p',
        { class: 'lede' },
        'Recency (rows, 5 = bought most recently) by frequency (columns, 5 = buys most often). ',
        'Each cell gives its customers’ average spend (avg) and mean monetary score (M score, 1–5); the darker the cell, the more they spend. ',
        'Thick lines outline the named segments. ',
        'Choose a cell to see its customers.',
      ),
      table({
        className: 'rfm-grid',
        caption: 'Customers by R and F score, with their average spend and mean M score',
        headers: ['', ...SCORES.map((f) => `F ${f}`)],
        rows,
        rowHeaders: true,
      }),
      emptyColumnsNote(grid.cells),
      panel,
    );
  },
};
