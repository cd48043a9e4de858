// @ts-check
import { h, table } from '../shared/dom.js';
import { emptyState, pageHeading } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';
import { segmentFamilies } from '../shared/segment-kinds.js';

/**
 * @typedef {import('../shared/api-types.js').SegmentSummary} SegmentSummary
 */

/** @type {import('../shared/page-context.js').Page} */
export const segmentsPage = {
  title: () => 'Segments',
  render: async ({ api, format, show, signal }) => {
    /** @type {{ segments: SegmentSummary[], asOf?: string }} */
    const { segments, asOf } = await api.get('v1/segments', signal);
    const newSegment = h('a', { class: 'button', href: '#/segments/new' }, 'New segment');
    if (segments.length === 0) {
      show(pageHeading('Segments'), newSegment, emptyState());
      return;
    }
    show(
      pageHeading('Segments'),
      h(
        'p',
        { class: 'lede' },
        asOf ? `Sizes and revenue as of the run of ${format.date(asOf)}. ` : '',
        'Each family splits the same customers its own way.',
      ),
      newSegment,
      ...segmentFamilies(segments).map((family) =>
        h(
          'section',
          { 'aria-labelledby': `family-${family.kind}`, 'data-family': family.kind },
          h('h2', { id: `family-${family.kind}` }, family.words),
          table({
            headers: ['Segment', 'Customers', 'Revenue', 'Who belongs'],
            rowHeaders: true,
            rows: family.segments.map((segment) => [
              h('a', { href: hrefTo(['segments', segment.segmentId]) }, segment.name),
              format.integer(segment.customers),
              format.money(segment.revenue),
              segment.definitionText ?? segment.description ?? '—',
            ]),
          }),
        ),
      ),
    );
  },
};
