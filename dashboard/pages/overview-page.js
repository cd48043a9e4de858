// @ts-check
import { chartFigure } from '../shared/charts.js';
import { definitions, h, table } from '../shared/dom.js';
import { emptyState, pageHeading, runFailedNotice, statusBadge } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';
import { segmentFamilies } from '../shared/segment-kinds.js';

/** How many segments the trend follows: more lines than this are unreadable. */
const TREND_SEGMENTS = 5;

/**
 * @typedef {import('../shared/api-types.js').Overview} Overview
 * @typedef {import('../shared/format.js').Format} Format
 */

/**
 * The biggest RFM segments of the newest complete run, followed back through the earlier ones.
 * @param {Overview['trend']} trend oldest first
 * @param {Format} format
 */
const trendFigure = (trend, format) => {
  const latest = trend.at(-1);
  if (!latest || trend.length < 2) return null;
  const followed = Object.entries(latest.segments)
    .sort(([, a], [, b]) => b - a)
    .slice(0, TREND_SEGMENTS)
    .map(([name]) => name);
  return chartFigure({
    id: 'segment-trend',
    title: 'Customers in the largest RFM segments, run by run',
    type: 'line',
    labels: trend.map((point) => format.date(point.asOf)),
    series: followed.map((name) => ({
      label: name,
      values: trend.map((point) => point.segments[name] ?? 0),
    })),
    formatValue: format.integer,
  });
};

/**
 * @param {Overview} overview
 * @param {Format} format
 */
const headline = (overview, format) =>
  h(
    'section',
    { 'aria-labelledby': 'headline-title', class: 'stats' },
    h('h2', { id: 'headline-title', class: 'visually-hidden' }, 'Headline figures'),
    definitions([
      ['Customers', h('span', { 'data-stat': 'customers' }, format.integer(overview.customers))],
      [
        'Customers with orders',
        h(
          'span',
          { 'data-stat': 'customersWithOrders' },
          format.integer(overview.customersWithOrders),
        ),
      ],
      ['Revenue', h('span', { 'data-stat': 'revenue' }, format.money(overview.revenue))],
      [
        'Last import',
        overview.lastImport
          ? h(
              'span',
              {},
              h(
                'a',
                { href: hrefTo(['imports', overview.lastImport.id]) },
                format.dateTime(overview.lastImport.startedAt),
              ),
              ' ',
              statusBadge(overview.lastImport.status),
            )
          : 'none yet',
      ],
      [
        'Last segmentation run',
        overview.lastRun
          ? h(
              'span',
              {},
              format.date(overview.lastRun.asOf),
              ' ',
              statusBadge(overview.lastRun.status),
            )
          : 'none yet',
      ],
    ]),
  );

/**
 * "RFM segments" → "RFM segment", "Lifecycle stages" → "lifecycle stage", for a chart's title.
 * @param {string} words
 */
const familyNoun = (words) => {
  const singular = words.replace(/s$/, '');
  return /^[A-Z]{2}/.test(singular) ? singular : singular.toLowerCase();
};

/**
 * @param {Overview} overview
 * @param {Format} format
 */
const segmentsSection = (overview, format) => {
  const segments = overview.segments.filter((segment) => segment.customers > 0);
  const rfm = segments.filter((segment) => segment.kind === 'rfm');
  const rfmRevenue = rfm.reduce((sum, segment) => sum + segment.revenue, 0);
  return h(
    'section',
    { 'aria-labelledby': 'segments-title' },
    h('h2', { id: 'segments-title' }, 'Segments'),
    h(
      'div',
      { class: 'charts' },
      // One chart per family: RFM segments, lifecycle stages and clusters each split the same
      // customers, so one bar chart of all of them would add up to several times the shop.
      ...segmentFamilies(segments).map((family) =>
        chartFigure({
          id: `segment-sizes-${family.kind}`,
          title: `Customers per ${familyNoun(family.words)}`,
          type: 'bar',
          horizontal: true,
          labels: family.segments.map((segment) => segment.name),
          series: [
            { label: 'Customers', values: family.segments.map((segment) => segment.customers) },
          ],
          formatValue: format.integer,
        }),
      ),
      rfmRevenue > 0
        ? chartFigure({
            id: 'revenue-share',
            title: 'Share of revenue by RFM segment',
            type: 'bar',
            horizontal: true,
            labels: rfm.map((segment) => segment.name),
            series: [
              {
                label: 'Revenue share',
                values: rfm.map((segment) => segment.revenue / rfmRevenue),
              },
            ],
            formatValue: format.percent,
          })
        : null,
    ),
    table({
      caption: 'Every segment of the current run',
      headers: ['Segment', 'Kind', 'Customers', 'Revenue'],
      rowHeaders: true,
      rows: overview.segments.map((segment) => [
        h('a', { href: hrefTo(['segments', segment.segmentId]) }, segment.name),
        segment.kind,
        format.integer(segment.customers),
        format.money(segment.revenue),
      ]),
    }),
  );
};

/** @type {import('../shared/page-context.js').Page} */
export const overviewPage = {
  title: () => 'Overview',
  render: async ({ api, format, show, signal }) => {
    /** @type {Overview} */
    const overview = await api.get('v1/overview', signal);
    if (overview.customers === 0) {
      show(pageHeading('Overview'), emptyState());
      return;
    }
    show(
      pageHeading('Overview'),
      runFailedNotice(overview.lastRun),
      headline(overview, format),
      segmentsSection(overview, format),
      trendFigure(overview.trend, format),
    );
  },
};
