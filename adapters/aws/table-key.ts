/** The primary key every Shoal table uses. */
export type TableKey = { pk: string; sk: string };

/**
 * Splits keys into batches of `size` with each key once: DynamoDB rejects a batch request that
 * names one key twice.
 */
export const uniqueKeyBatches = (keys: readonly TableKey[], size: number): TableKey[][] => {
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  const batches: TableKey[][] = [];
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));
  return batches;
};
