/**
 * Shoal's DynamoDB tables, as data: the CDK stack and the local stack both build their tables from
 * this one description, so a laptop and an AWS account can never disagree on keys or indexes.
 * The access patterns behind each table are written down in docs/data-model.md.
 */
export interface TableDefinition {
  /** Suffix of the physical name locally (`shoal-<name>`) and the construct id in CDK. */
  name: string;
  partitionKey: string;
  sortKey: string;
  /** Items with this epoch-seconds attribute expire (events, superseded runs, claims). */
  ttlAttribute: string;
  globalSecondaryIndexes: { indexName: string; partitionKey: string; sortKey: string }[];
}

const keyed = (
  name: string,
  globalSecondaryIndexes: TableDefinition['globalSecondaryIndexes'] = [],
): TableDefinition => ({
  name,
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  globalSecondaryIndexes,
});

export const TABLES = {
  /** Profiles, orders and events of a customer in one item collection, plus identity aliases. */
  customers: keyed('customers'),
  /** Rule definitions, runs, the current-run pointer, the run lock and per-run memberships. */
  segments: keyed('segments'),
  /** Campaigns, the per-recipient outbox, the SES message map, suppressions, frequency history. */
  campaigns: keyed('campaigns', [
    { indexName: 'byCustomer', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  ]),
  /** Import records and the per-object claims that make S3's at-least-once delivery harmless. */
  imports: keyed('imports'),
} as const satisfies Record<string, TableDefinition>;

export type TableKey = keyof typeof TABLES;

export const localTableName = (table: TableKey): string => `shoal-${TABLES[table].name}`;

export const LOCAL_BUCKET = 'shoal-uploads';
