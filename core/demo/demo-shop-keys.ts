import type { ImportKind } from '../ingest/import-kind';

/**
 * Where `shoal dev --demo` puts the demo shop's files: under the import prefixes, so the ingest
 * trigger knows each file's kind from its key alone. Uploaded in `ImportKind.options` order
 * (customers, orders, events), orders and events find full profiles instead of creating minimal ones.
 */
export const DEMO_SHOP_KEYS: Readonly<Record<ImportKind, string>> = {
  customers: 'imports/customers/demo-customers.csv',
  orders: 'imports/orders/demo-orders.csv',
  events: 'imports/events/demo-events.csv',
};
