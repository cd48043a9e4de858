// @ts-check
import { chartFigure } from '../shared/charts.js';
import { h } from '../shared/dom.js';
import { ApiError } from '../shared/api-client.js';
import { emptyState, pageHeading } from '../shared/page-states.js';
import { hrefTo } from '../shared/router.js';

/** The features furthest from the average tell clusters apart; the rest is noise on a chart. */
const SHOWN_FEATURES = 6;

/**
 * A feature's mean the way its values read: spend as money, channel shares as percentages, days
 * and counts as numbers (a mean of counts has decimals).
 * @param {import('../shared/format.js').Format} format
 * @param {import('../shared/api-types.js').ClusterFeature} feature
 */
const formatMean = (format, feature) => {
  switch (feature.format) {
    case 'money':
      return format.money(feature.mean);
    case 'share':
      return format.percent(feature.mean);
    default:
      return format.decimal(feature.mean);
  }
};

/** @type {import('../shared/page-context.js').Page} */
export const clustersPage = {
  title: () => 'Clusters',
  render: async ({ api, format, show, signal }) => {
    /** @type {import('../shared/api-types.js').Cluster[]} */
    let clusters;
    try {
      ({ clusters } = await api.get('v1/clusters', signal));
    } catch (error) {
      // The API answers 404 until a segmentation run has completed.
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      clusters = [];
    }
    if (clusters.length === 0) {
      show(pageHeading('Clusters'), emptyState());
      return;
    }
    show(
      pageHeading('Clusters'),
      h(
        'p',
        { class: 'lede' },
        'Groups of customers who look alike. Bars show how far each group sits from the average customer, in standard deviations.',
      ),
      ...clusters.map((cluster, index) => {
        const features = [...cluster.features]
          .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
          .slice(0, SHOWN_FEATURES);
        return h(
          'section',
          { class: 'cluster', 'aria-labelledby': `cluster-${index}` },
          h(
            'h2',
            { id: `cluster-${index}` },
            h('a', { href: hrefTo(['segments', cluster.segmentId]) }, cluster.name),
          ),
          h(
            'p',
            {},
            h('strong', { 'data-stat': 'customers' }, format.integer(cluster.customers)),
            ' customers. ',
            cluster.description,
          ),
          chartFigure({
            title: `What sets ${cluster.name} apart (standard deviations from the average)`,
            type: 'bar',
            horizontal: true,
            labels: features.map(
              (feature) => `${feature.label} (average ${formatMean(format, feature)})`,
            ),
            series: [
              { label: 'Distance from average', values: features.map((feature) => feature.z) },
            ],
            formatValue: format.decimal,
          }),
        );
      }),
    );
  },
};
