/** Key layout of the segments table (see docs/data-model.md). */
/**
 * Definitions share one partition, so listing them is one Query; the table also holds every
 * run's memberships, which a filtered Scan would read in full on each listing.
 */
export const DEFINITIONS_PARTITION = 'DEFS';
export const definitionKey = (segmentId: string) => ({ pk: DEFINITIONS_PARTITION, sk: segmentId });
export const runKey = (runId: string) => ({ pk: `RUN#${runId}`, sk: 'RUN' });
/** Run ids embed the as-of date, so this partition lists runs in date order. */
export const runListingKey = (runId: string) => ({ pk: 'RUNS', sk: runId });
export const POINTER_KEY = { pk: 'POINTER', sk: 'CURRENT' };
export const LOCK_KEY = { pk: 'LOCK', sk: 'RESEGMENT' };
export const memberKey = (runId: string, segmentId: string, customerId: string) => ({
  pk: `MEMBERS#${runId}#${segmentId}`,
  sk: `C#${customerId}`,
});
export const customerSegmentsKey = (runId: string, customerId: string) => ({
  pk: `CSEG#${runId}#${customerId}`,
  sk: 'SUMMARY',
});
