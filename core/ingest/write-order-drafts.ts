import type { Order } from '../customers/order';
import type { CustomerStore } from '../ports/customer-store';
import { linesTotal, toOrder, type OrderDraft } from './assemble-orders';
import type { ImportTally } from './import-tally';
import type { OrderRules } from './import-mapping';
import { isDeepEqual } from './is-deep-equal';
import { mapWithConcurrency } from '../shared/map-with-concurrency';
import { refKey, resolveCustomerRefs } from './resolve-customer-refs';

/** Orders already written by this import, and whether their total came from the export. */
export type WrittenOrders = Map<string, { explicitTotal: boolean }>;

/** Lines of an order that came back after it was written: the stored part plus the new rows. */
const reopen = (draft: OrderDraft, stored: Order, explicitTotal: boolean): OrderDraft => ({
  ...draft,
  orderedAt: stored.orderedAt,
  lines: [...stored.lines, ...draft.lines],
  total: explicitTotal
    ? (draft.total ?? stored.total)
    : linesTotal([...stored.lines, ...draft.lines]),
  status: draft.status ?? stored.status,
  cancelled: draft.cancelled || stored.status === 'cancelled',
});

const loadStoredOrders = async (
  store: CustomerStore,
  customerIds: Iterable<string>,
): Promise<Map<string, Order>> => {
  const records = await mapWithConcurrency([...new Set(customerIds)], (customerId) =>
    store.getCustomer(customerId),
  );
  return new Map(
    records.flatMap((record) => record?.orders ?? []).map((order) => [order.orderId, order]),
  );
};

/**
 * Writes complete orders.
 * 1. Resolves each order's customer, creating minimal profiles for unknown ones.
 * 2. Loads the customers' stored orders; an order this import already wrote is reopened, one
 *    the store knows with more lines than seen so far waits for the rest of the file.
 * 3. Saves only new or changed orders, so re-importing a file writes nothing and an order id
 *    is always replaced, never counted twice. Each row counts as its order's outcome.
 */
export const writeOrderDrafts = async ({
  drafts,
  store,
  rules,
  sourceTime,
  now,
  tally,
  written,
  final,
  hold,
}: {
  drafts: readonly OrderDraft[];
  store: CustomerStore;
  rules: OrderRules;
  sourceTime: string;
  now: string;
  tally: ImportTally;
  written: WrittenOrders;
  /** False while the file is still being read: more lines of these orders may follow. */
  final: boolean;
  /** Puts an order back to wait for more lines. */
  hold: (draft: OrderDraft) => void;
}): Promise<void> => {
  if (drafts.length === 0) return;
  const refs = await resolveCustomerRefs({
    refs: drafts.map((draft) => draft.customer),
    store,
    sourceTime,
    now,
  });
  tally.counts.profilesCreated += refs.created;
  const ready: { draft: OrderDraft; customerId: string }[] = [];
  for (const draft of drafts) {
    const key = refKey(draft.customer);
    const failure = refs.failed.get(key);
    const customerId = refs.customerIds.get(key);
    if (failure !== undefined || customerId === undefined) {
      tally.fail(draft.rowLines, `customer profile could not be saved: ${failure ?? 'unknown'}`);
    } else {
      ready.push({ draft, customerId });
    }
  }
  const stored = await loadStoredOrders(
    store,
    ready.map((entry) => entry.customerId),
  );
  const changes: { order: Order; draft: OrderDraft; outcome: 'inserted' | 'updated' }[] = [];
  for (const { draft, customerId } of ready) {
    const previous = stored.get(draft.orderId);
    const earlier = written.get(draft.orderId);
    if (!final && !earlier && previous && previous.lines.length > draft.lines.length) {
      // Re-importing a file whose order lines are far apart: writing this part now would shrink
      // the stored order until the rest arrives, so it waits (such orders are rare).
      hold(draft);
      continue;
    }
    const complete = earlier && previous ? reopen(draft, previous, earlier.explicitTotal) : draft;
    written.set(draft.orderId, {
      explicitTotal: earlier?.explicitTotal ?? draft.total !== undefined,
    });
    const order = toOrder(complete, customerId, rules);
    if (previous && isDeepEqual(previous, order)) tally.count('unchanged', draft.rowLines.length);
    else changes.push({ order, draft, outcome: previous ? 'updated' : 'inserted' });
  }
  if (changes.length === 0) return;
  const failures = new Map(
    (await store.saveOrders(changes.map((change) => change.order))).failed.map((f) => [
      f.key,
      f.reason,
    ]),
  );
  for (const { order, draft, outcome } of changes) {
    const reason = failures.get(order.orderId);
    if (reason !== undefined) tally.fail(draft.rowLines, reason);
    else tally.count(outcome, draft.rowLines.length);
  }
};
