/** Built-in segments live in their own namespaces so they never collide with user rule ids. */
const slug = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const rfmSegmentId = (name: string): string => `rfm:${slug(name)}`;
export const lifecycleSegmentId = (stage: string): string => `lifecycle:${stage}`;
export const clusterSegmentId = (clusterNumber: number): string => `cluster:${clusterNumber}`;
