/**
 * Times a whole run on synthetic customers: `npx tsx test/core/segments/measure-segmentation.ts 200000`.
 * Generation is excluded from the timing; results are streamed so only the run is measured.
 */
import { segmentCustomers } from '../../../core/segments/segment-customers';
import { segmentTemplates } from '../../../core/segments/segment-templates';
import { syntheticCustomers } from './synthetic-customers';

const count = Number(process.argv[2] ?? 200_000);
const retain = process.argv[3] === 'retain';
const customers = [...syntheticCustomers({ count })];
const generatedRss = process.memoryUsage().rss;
const started = performance.now();
const cpuStarted = process.cpuUsage();
let memberships = 0;
const result = await segmentCustomers({
  // A re-readable source, as the store's scan is: nothing is buffered between the passes.
  customers: () => customers,
  asOf: '2026-11-01',
  timeZone: 'Europe/Berlin',
  rules: segmentTemplates,
  onCustomer: retain
    ? undefined
    : (customer) => {
        memberships += customer.memberships.length;
      },
});
const cpu = process.cpuUsage(cpuStarted);
console.log(
  JSON.stringify({
    customers: count,
    rules: segmentTemplates.length,
    wallSeconds: Math.round(performance.now() - started) / 1000,
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    memberships: memberships || result.customers.reduce((sum, c) => sum + c.memberships.length, 0),
    clusters: result.model.clusters?.clusters.map(({ name }) => name),
    rssMbAfterGeneration: Math.round(generatedRss / 1e6),
    rssMbAfterRun: Math.round(process.memoryUsage().rss / 1e6),
  }),
);
