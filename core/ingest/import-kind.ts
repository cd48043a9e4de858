import { z } from 'zod';

export const ImportKind = z.enum(['customers', 'orders', 'events']);
export type ImportKind = z.infer<typeof ImportKind>;

const KIND_BY_PREFIX: ReadonlyArray<[string, ImportKind]> = [
  ['imports/customers/', 'customers'],
  ['imports/orders/', 'orders'],
  ['imports/events/', 'events'],
];

/** The kind the upload's folder declares, or undefined when the key says nothing and headers must decide. */
export const kindFromKey = (key: string): ImportKind | undefined =>
  KIND_BY_PREFIX.find(([prefix]) => key.startsWith(prefix))?.[1];
