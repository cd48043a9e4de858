import { describe, expect, it } from 'vitest';
import { isMappingKey, kindFromKey, mappingKeyFor } from '../../../core/ingest/import-keys';

describe('kindFromKey', () => {
  it.each([
    ['imports/customers/crm.csv', 'customers'],
    ['imports/orders/2024/shop.csv.gz', 'orders'],
    ['imports/events/site.ndjson', 'events'],
    ['uploads/whatever.csv', undefined],
  ])('returns the kind of %s', (key, kind) => {
    expect(kindFromKey(key)).toBe(kind);
  });
});

describe('mappingKeyFor', () => {
  it('returns a key next to the export that isMappingKey recognises', () => {
    const key = mappingKeyFor('imports/customers/crm.csv');

    expect(key).toBe('imports/customers/crm.csv.mapping.json');
    expect(isMappingKey(key)).toBe(true);
    expect(isMappingKey('imports/customers/crm.json')).toBe(false);
  });
});
