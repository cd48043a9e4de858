// @ts-check
import { h } from '../shared/dom.js';
import { emptyState, pageHeading, runFailedNotice } from '../shared/page-states.js';

/**
 * The default RFM names from best to worst. A move down this list is a loss; names a shop's own
 * table adds are not ranked, so moves involving them are shown but never called losses.
 */
const RANK = [
  'Champions',
  'Loyal',
  'Potential Loyalists',
  'New Customers',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'Cannot Lose Them',
  'At Risk',
  'Hibernating',
  'Lost',
];
/** Customers outside every RFM segment, as the run history names them. */
const NO_SEGMENT = '(none)';

/** @param {string} name */
const rankOf = (name) => {
  const index = RANK.indexOf(name);
  return index === -1 ? Number.POSITIVE_INFINITY : index;
};

/** @param {string} from @param {string} to */
const isLoss = (from, to) =>
  from !== NO_SEGMENT &&
  to !== NO_SEGMENT &&
  RANK.includes(from) &&
  RANK.includes(to) &&
  rankOf(to) > rankOf(from);

/** @param {string[]} names */
const ordered = (names) =>
  [...new Set(names)].sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));

/** @type {import('../shared/page-context.js').Page} */
export const movementPage = {
  title: () => 'Movement',
  render: async ({ api, format, show, signal }) => {
    /** @type {{ runs: import('../shared/api-types.js').Run[] }} */
    const { runs } = await api.get('v1/runs?limit=5', signal);
    const latest = runs.find((run) => run.status === 'complete');
    const failed = runs[0]?.status === 'failed' ? runs[0] : undefined;
    if (!latest) {
      show(pageHeading('Movement'), runFailedNotice(failed), emptyState());
      return;
    }
    const transitions = latest.rfmTransitions;
    const from = ordered(Object.keys(transitions));
    const to = ordered(Object.values(transitions).flatMap((row) => Object.keys(row)));
    if (!latest.previousRunId || from.length === 0) {
      show(
        pageHeading('Movement'),
        runFailedNotice(failed),
        emptyState(
          `Only one segmentation run so far (${format.date(latest.asOf)}): movement shows after the next one.`,
        ),
      );
      return;
    }
    let losses = 0;
    let moved = 0;
    const body = from.map((source) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, source),
        ...to.map((target) => {
          const count = transitions[source]?.[target] ?? 0;
          const loss = count > 0 && isLoss(source, target);
          if (source !== target) moved += count;
          if (loss) losses += count;
          return h(
            'td',
            {
              class: [
                loss ? 'loss' : '',
                source === target ? 'stayed' : '',
                count === 0 ? 'zero' : '',
              ].join(' '),
              'data-from': source,
              'data-to': target,
            },
            count === 0 ? '·' : format.integer(count),
            loss ? h('span', { class: 'visually-hidden' }, ' (loss)') : null,
          );
        }),
      ),
    );
    show(
      pageHeading('Movement'),
      runFailedNotice(failed),
      h(
        'p',
        { class: 'lede' },
        `Since the previous run, ${format.integer(moved)} customers changed RFM segment as of ${format.date(latest.asOf)}; `,
        h('strong', { 'data-stat': 'losses' }, format.integer(losses)),
        ' moved to a worse one (marked ▼ and shaded).',
      ),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'transitions' },
          h('caption', {}, 'Customers by previous RFM segment (rows) and current one (columns)'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'From ↓ / to →'),
              ...to.map((target) => h('th', { scope: 'col' }, target)),
            ),
          ),
          h('tbody', {}, ...body),
        ),
      ),
    );
  },
};
