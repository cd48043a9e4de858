import type { ImportKind } from './import-kind';

const KIND_BY_PREFIX: ReadonlyArray<[string, ImportKind]> = [
  ['imports/customers/', 'customers'],
  ['imports/orders/', 'orders'],
  ['imports/events/', 'events'],
];

const MAPPING_SUFFIX = '.mapping.json';

/** The kind the upload's folder declares, or undefined when the key says nothing and headers must decide. */
export const kindFromKey = (key: string): ImportKind | undefined =>
  KIND_BY_PREFIX.find(([prefix]) => key.startsWith(prefix))?.[1];

/** Where a user puts the mapping for an export: next to it, `<export key>.mapping.json`. */
export const mappingKeyFor = (exportKey: string): string => `${exportKey}${MAPPING_SUFFIX}`;

/**
 * A mapping sits in the same folder as the exports it describes, so the upload trigger must not
 * import it as if it were an NDJSON export.
 */
export const isMappingKey = (key: string): boolean => key.endsWith(MAPPING_SUFFIX);
