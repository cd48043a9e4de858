/**
 * Key layout of the customers table (see docs/data-model.md). A customer's profile, orders and
 * events share the partition `C#<customerId>`, so one Query returns everything about a person
 * (the customer page, export and erasure) and one parallel-scan segment holds whole customers.
 */
export const customerPartition = (customerId: string): string => `C#${customerId}`;
export const PROFILE_SORT_KEY = 'PROFILE';
export const orderSortKey = (orderId: string): string => `ORDER#${orderId}`;
/** Events de-duplicate on (customer, time, type, source id): the same event re-imported is the same item. */
export const eventSortKey = (at: string, type: string, eventId = ''): string =>
  `EVENT#${at}#${type}#${eventId}`;
export const externalIdAlias = (externalId: string) => ({ pk: `EXT#${externalId}`, sk: 'ALIAS' });
export const emailAlias = (email: string) => ({ pk: `EMAIL#${email}`, sk: 'ALIAS' });
