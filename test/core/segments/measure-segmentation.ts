/**
 * Times a whole run on synthetic customers:
 * `npx tsx test/core/segments/measure-segmentation.ts 200000 [array|stream|retain]`.
 * - array: customers generated up front (not timed), read through a re-readable source, results streamed.
 * - stream: customers regenerated on each pass (generation is timed too), so memory stays flat.
 * - retain: like array, but every per-customer result is kept in memory.
 */
import { segmentCustomers } from '../../../core/segments/segment-customers';
import { segmentTemplates } from '../../../core/segments/segment-templates';
import { syntheticCustomers } from './synthetic-customers';

const count = Number(process.argv[2] ?? 200_000);
const mode = process.argv[3] ?? 'array';
const generated = mode === 'stream' ? [] : [...syntheticCustomers({ count })];
const rssBeforeRun = process.memoryUsage().rss;
const started = performance.now();
const cpuStarted = process.cpuUsage();
let memberships = 0;
let peakRss = rssBeforeRun;
const result = await segmentCustomers({
  customers: mode === 'stream' ? () => syntheticCustomers({ count }) : () => generated,
  asOf: '2026-11-01',
  timeZone: 'Europe/Berlin',
  rules: segmentTemplates,
  onCustomer:
    mode === 'retain'
      ? undefined
      : (customer) => {
          memberships += customer.memberships.length;
          if (memberships % 100_000 < 8) peakRss = Math.max(peakRss, process.memoryUsage().rss);
        },
});
const cpu = process.cpuUsage(cpuStarted);
console.log(
  JSON.stringify({
    customers: count,
    mode,
    rules: segmentTemplates.length,
    wallSeconds: Math.round(performance.now() - started) / 1000,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    memberships: memberships || result.customers.reduce((sum, c) => sum + c.memberships.length, 0),
    clusters: result.model.clusters?.clusters.map(({ name }) => name),
    rssMbBeforeRun: Math.round(rssBeforeRun / 1e6),
    peakRssMbDuringRun: Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1e6),
  }),
);
