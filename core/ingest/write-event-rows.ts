import type { CustomerEvent } from '../customers/customer-event';
import type { CustomerStore } from '../ports/customer-store';
import { eventKey } from './event-key';
import { mapWithConcurrency } from '../shared/map-with-concurrency';
import type { ImportTally } from './import-tally';
import type { EventRow } from './parsed-row';
import { refKey, resolveCustomerRefs } from './resolve-customer-refs';

/**
 * Writes a batch of event rows.
 * 1. Resolves each event's customer, creating minimal profiles for unknown ones.
 * 2. De-duplicates by (customer, type, time, source id): a repeat in the file or an event already
 *    stored counts as unchanged and is not written again.
 * 3. Saves the new events; rows the store could not write are failed.
 */
export const writeEventRows = async ({
  rows,
  store,
  sourceTime,
  now,
  tally,
}: {
  rows: readonly EventRow[];
  store: CustomerStore;
  sourceTime: string;
  now: string;
  tally: ImportTally;
}): Promise<void> => {
  if (rows.length === 0) return;
  const refs = await resolveCustomerRefs({
    refs: rows.map((row) => row.customer),
    store,
    sourceTime,
    now,
  });
  tally.counts.profilesCreated += refs.created;
  const events: { event: CustomerEvent; line: number }[] = [];
  for (const row of rows) {
    const key = refKey(row.customer);
    const customerId = refs.customerIds.get(key);
    const failure = refs.failed.get(key);
    if (failure !== undefined || customerId === undefined) {
      tally.fail([row.line], `customer profile could not be saved: ${failure ?? 'unknown'}`);
      continue;
    }
    const event: CustomerEvent = {
      customerId,
      type: row.type,
      at: row.at,
      ...(row.eventId !== undefined ? { eventId: row.eventId } : {}),
      properties: row.properties,
    };
    events.push({ event, line: row.line });
  }
  const records = await mapWithConcurrency(
    [...new Set(events.map(({ event }) => event.customerId))],
    (customerId) => store.getCustomer(customerId),
  );
  const seen = new Set(records.flatMap((record) => record?.events ?? []).map(eventKey));
  const fresh = new Map<string, { event: CustomerEvent; line: number }>();
  for (const entry of events) {
    const key = eventKey(entry.event);
    if (seen.has(key)) {
      tally.count('unchanged');
      continue;
    }
    seen.add(key);
    fresh.set(key, entry);
  }
  if (fresh.size === 0) return;
  const failures = new Map(
    (await store.saveEvents([...fresh.values()].map(({ event }) => event))).failed.map((f) => [
      f.key,
      f.reason,
    ]),
  );
  for (const [key, { line }] of fresh) {
    const reason = failures.get(key);
    if (reason !== undefined) tally.fail([line], reason);
    else tally.count('inserted');
  }
};
