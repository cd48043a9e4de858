/** Key layout of the segments table (see docs/data-model.md). */
export const definitionKey = (segmentId: string) => ({ pk: `DEF#${segmentId}`, sk: 'DEF' });
export const DEFINITIONS_PREFIX = 'DEF#';
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
