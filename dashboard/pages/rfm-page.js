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
 * How a cell's monetary value is coloured and labelled: by average spend when the API gives it
 * (docs/api.md), else by the mean M score (1–5) that core's grid computes.
 * @param {GridCell[]} cells
 * @param {import('../shared/format.js').Format} format
 */
const monetaryReading = (cells, format) => {
  if (cells.every((cell) => typeof cell.avgMonetary === 'number')) {
    const highest = Math.max(...cells.map((cell) => cell.avgMonetary ?? 0), 1);
    return {
      strength: (/** @type {GridCell} */ cell) => (cell.avgMonetary ?? 0) / highest,
      label: (/** @type {GridCell} */ cell) =>
        `average spend ${format.money(cell.avgMonetary ?? 0)}`,
    };
  }
  return {
    strength: (/** @type {GridCell} */ cell) => ((cell.meanM ?? 1) - 1) / 4,
    label: (/** @type {GridCell} */ cell) => `mean M ${format.decimal(cell.meanM ?? 0)}`,
  };
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
    const monetary = monetaryReading(grid.cells, format);
    const panel = h('section', { class: 'cell-customers', 'aria-live': 'polite' });
    const rows = [...SCORES].reverse().map((r) => [
      `R ${r}`,
      ...SCORES.map((f) => {
        const cell = cells.get(`${r}:${f}`);
        if (!cell) return h('span', { class: 'muted' }, '–');
        const colours = cellColours(monetary.strength(cell));
        return h(
          'button',
          {
            type: 'button',
            class: `grid-cell ${edgeClasses(cells, cell)}`,
            style: `background: ${colours.background}; color: ${colours.text}`,
            'data-r': r,
            'data-f': f,
            'aria-label': `${cell.segmentName}, R ${r}, F ${f}: ${format.integer(cell.customers)} customers, ${monetary.label(cell)}. Show customers.`,
            onclick: () => void showCellCustomers(context, cell, panel),
          },
          h('strong', { class: 'count' }, format.integer(cell.customers)),
          h('span', { class: 'cell-name' }, cell.segmentName),
          h('span', { class: 'cell-money' }, monetary.label(cell)),
        );
      }),
    ]);
    show(
      pageHeading('RFM grid'),
      h(
        'p',
        { class: 'lede' },
        'Recency (rows, 5 = bought most recently) by frequency (columns, 5 = buys most often). ',
        'The darker the cell, the more its customers spend; thick lines outline the named segments. ',
        'Choose a cell to see its customers.',
      ),
      table({
        className: 'rfm-grid',
        caption: 'Customers by R and F score, with the average monetary value of each cell',
        headers: ['', ...SCORES.map((f) => `F ${f}`)],
        rows,
        rowHeaders: true,
      }),
      panel,
    );
  },
};
