import type { RunResult } from '../segments';
import type { RfmGridCell } from './rfm-grid';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside a <script> element must not be able to close it. */
const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/**
 * `report.html` for `shoal analyze`: one self-contained page (the charting library is inlined, so
 * it opens offline) with the R × F grid, segment sizes and revenue shares.
 */
export const buildAnalysisReport = ({
  run,
  grid,
  chartLibrary,
}: {
  run: RunResult;
  grid: readonly RfmGridCell[];
  /** The source of Chart.js's UMD build, inlined into the page. */
  chartLibrary: string;
}): string => {
  const segments = run.segments.filter((s) => s.customers > 0);
  const totalRevenue = segments
    .filter((s) => s.kind === 'rfm')
    .reduce((sum, s) => sum + s.revenue, 0);
  const data = {
    grid,
    segments: segments.map((s) => ({
      name: s.segmentName,
      kind: s.kind,
      customers: s.customers,
      revenueShare: s.kind === 'rfm' && totalRevenue > 0 ? s.revenue / totalRevenue : null,
    })),
  };
  const gridRows = [5, 4, 3, 2, 1]
    .map((r) => {
      const cells = [1, 2, 3, 4, 5].map((f) => {
        const cell = grid.find((c) => c.r === r && c.f === f);
        return cell
          ? `<td style="--m:${cell.meanM / 5}" title="${escapeHtml(cell.segmentName)}, mean M ${cell.meanM}, average spend ${cell.averageSpend}">` +
              `<strong>${cell.customers}</strong><br><small>${escapeHtml(cell.segmentName)}</small></td>`
          : '<td class="empty">–</td>';
      });
      return `<tr><th scope="row">R=${r}</th>${cells.join('')}</tr>`;
    })
    .join('\n');
  // A chart of shares of nothing draws an empty frame; say why instead.
  const revenueFigure =
    totalRevenue > 0
      ? '<figure><figcaption>Share of revenue by RFM segment</figcaption><canvas id="revenue" role="img" aria-label="Share of revenue by RFM segment"></canvas></figure>'
      : '<figure><figcaption>Share of revenue by RFM segment</figcaption><p id="no-revenue">No revenue to share out: the buyers&#39; orders in these files add up to 0 (no amount column was read, or every order was cancelled or refunded).</p></figure>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shoal analysis as of ${escapeHtml(run.asOf)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1b1f24; }
  table.grid { border-collapse: collapse; }
  table.grid td, table.grid th { border: 1px solid #c9d1d9; padding: .5rem .75rem; text-align: center; min-width: 7rem; }
  table.grid td { background: rgb(31 111 235 / calc(var(--m) * 0.55)); }
  table.grid td.empty { background: #f6f8fa; color: #57606a; }
  .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; }
</style>
</head>
<body>
<h1>Customer segments as of ${escapeHtml(run.asOf)}</h1>
<p>${run.customers} customers (${escapeHtml(run.timeZone)}). Colour: mean monetary score (M) of the cell.</p>
<h2>RFM grid: recency (rows) × frequency (columns)</h2>
<table class="grid">
<thead><tr><th></th>${[1, 2, 3, 4, 5].map((f) => `<th scope="col">F=${f}</th>`).join('')}</tr></thead>
<tbody>
${gridRows}
</tbody>
</table>
<div class="charts">
<figure><figcaption>Customers per segment</figcaption><canvas id="sizes" role="img" aria-label="Customers per segment"></canvas></figure>
${revenueFigure}
</div>
<script type="application/json" id="data">${scriptSafeJson(data)}</script>
<script>${chartLibrary.replace(/<\/script/gi, '<\\/script')}</script>
<script>
  const data = JSON.parse(document.getElementById('data').textContent);
  new Chart(document.getElementById('sizes'), {
    type: 'bar',
    data: { labels: data.segments.map((s) => s.name), datasets: [{ label: 'customers', data: data.segments.map((s) => s.customers) }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } },
  });
  const rfm = data.segments.filter((s) => s.revenueShare !== null);
  if (rfm.length > 0) new Chart(document.getElementById('revenue'), {
    type: 'bar',
    data: { labels: rfm.map((s) => s.name), datasets: [{ label: 'share of revenue', data: rfm.map((s) => Math.round(s.revenueShare * 1000) / 10) }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { ticks: { callback: (v) => v + '%' } } } },
  });
</script>
</body>
</html>
`;
};
