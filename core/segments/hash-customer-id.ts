/**
 * FNV-1a (32 bit) of a customer id. The k-means sample keeps the customers with the smallest hashes,
 * so every shard agrees on who is sampled without talking to the others, whatever the sharding.
 */
export const hashCustomerId = (customerId: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i += 1) {
    hash ^= customerId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};
