// @ts-check
import { h, table } from './dom.js';

/**
 * Chart.js comes from its UMD build, served by Shoal at /assets/chart.umd.min.js and loaded by a
 * classic script before the modules: its ES build imports a bare specifier browsers cannot
 * resolve without a bundler.
 * @returns {typeof import('chart.js').Chart}
 */
const chartLibrary = () => /** @type {any} */ (window).Chart;

/** Colours that keep at least 3:1 contrast against the white background, as WCAG asks of graphics. */
const PALETTE = [
  '#0b5cad',
  '#b3261e',
  '#1a7f37',
  '#8a4b00',
  '#6f42c1',
  '#9a1b6d',
  '#0f6b6b',
  '#4b5563',
];

/** @type {Set<import('chart.js').Chart>} */
const liveCharts = new Set();

/** Called on navigation: a chart left alive keeps its resize observer and canvas memory. */
export const destroyCharts = () => {
  for (const chart of liveCharts) chart.destroy();
  liveCharts.clear();
};

/**
 * @typedef {{ label: string, values: number[] }} Series
 * @typedef {object} ChartOptions
 * @property {string} title
 * @property {'bar' | 'line'} type
 * @property {string[]} labels
 * @property {Series[]} series
 * @property {(value: number) => string} formatValue
 * @property {boolean} [horizontal]
 * @property {string} [id] names the figure, so tests and links can find it
 */

/**
 * A chart with its numbers: the canvas is an image to assistive technology, so the same data is
 * in a table behind "Show the numbers" — readable by screen readers, copyable, and what the
 * browser tests compare with the API.
 * @param {ChartOptions} options
 */
export const chartFigure = ({
  title,
  type,
  labels,
  series,
  formatValue,
  horizontal = false,
  id,
}) => {
  const canvas = h('canvas', { role: 'img', 'aria-label': title });
  const figure = h(
    'figure',
    { class: 'chart', id },
    h('figcaption', {}, title),
    // A bar per label: horizontal charts grow with them so no label is skipped or squeezed.
    h(
      'div',
      {
        class: 'chart-canvas',
        style: horizontal ? `height: ${Math.max(20, labels.length * 1.5)}rem` : undefined,
      },
      canvas,
    ),
    h(
      'details',
      {},
      h('summary', {}, 'Show the numbers'),
      table({
        headers: ['', ...series.map((s) => s.label)],
        rows: labels.map((label, index) => [
          label,
          ...series.map((s) => formatValue(s.values[index] ?? 0)),
        ]),
        rowHeaders: true,
      }),
    ),
  );
  const Chart = chartLibrary();
  const chart = new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: series.map((s, index) => ({
        label: s.label,
        data: s.values,
        backgroundColor: PALETTE[index % PALETTE.length],
        borderColor: PALETTE[index % PALETTE.length],
        tension: 0.2,
      })),
    },
    options: {
      // Still pictures: motion helps nobody read a dashboard and makes screenshots flaky.
      animation: false,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: series.length > 1 },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${formatValue(Number(item.raw))}`,
          },
        },
      },
      scales: {
        [horizontal ? 'x' : 'y']: {
          beginAtZero: true,
          ticks: { callback: (value) => formatValue(Number(value)) },
        },
        [horizontal ? 'y' : 'x']: { ticks: { autoSkip: !horizontal } },
      },
    },
  });
  liveCharts.add(chart);
  return figure;
};
