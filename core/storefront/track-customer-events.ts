import { ImportTally } from '../ingest/import-tally';
import { normaliseEmail } from '../ingest/normalise-email';
import { normaliseEventType } from '../ingest/normalise-event-type';
import type { EventRow } from '../ingest/parsed-row';
import { writeEventRows } from '../ingest/write-event-rows';
import type { CustomerStore } from '../ports/customer-store';
import type { Clock } from '../shared/clock';
import { TrackedEvent } from './tracked-event';

/** An event that was not stored, by its position in the request. */
export interface TrackedEventError {
  index: number;
  path: string;
  message: string;
}

export interface TrackEventsResult {
  /** Stored now or already stored before (a resent event is accepted, not stored twice). */
  accepted: number;
  errors: TrackedEventError[];
}

/** Events further ahead than this are a client clock or time-zone bug, not the future. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const toRow = (index: number, event: TrackedEvent, now: number): EventRow | TrackedEventError => {
  const email = event.email === undefined ? undefined : normaliseEmail(event.email);
  if (event.email !== undefined && email === undefined) {
    return { index, path: `${index}.email`, message: `"${event.email}" is not an e-mail address` };
  }
  const type = normaliseEventType(event.type);
  if (type === undefined) {
    return { index, path: `${index}.type`, message: 'the type has no letters or digits' };
  }
  const at = new Date(Date.parse(event.at));
  if (at.getTime() > now + MAX_CLOCK_SKEW_MS) {
    return { index, path: `${index}.at`, message: `${event.at} is in the future` };
  }
  return {
    kind: 'events',
    line: index,
    customer: {
      ...(event.customerId !== undefined && { externalId: event.customerId }),
      ...(email !== undefined && { email: email.email }),
    },
    type,
    at: at.toISOString(),
    ...(event.eventId !== undefined && { eventId: event.eventId }),
    properties: event.properties,
  };
};

/**
 * Stores a storefront's batch of events, each on its own merits.
 * 1. Validate every event; an invalid one is reported by index and path and the rest go on.
 * 2. Normalise types, e-mails and instants the way imports do, so a tracked `addToCart` and an
 *    imported `added_to_cart` are one kind of event and a resent event is stored once.
 * 3. Write them through the import's event writer: unknown customers get a minimal profile.
 */
export const trackCustomerEvents = async ({
  events,
  customers,
  clock,
}: {
  events: readonly unknown[];
  customers: CustomerStore;
  clock: Clock;
}): Promise<TrackEventsResult> => {
  const now = clock();
  const errors: TrackedEventError[] = [];
  const rows: EventRow[] = [];
  events.forEach((raw, index) => {
    const parsed = TrackedEvent.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ index, path: [index, ...issue.path].join('.'), message: issue.message });
      }
      return;
    }
    const row = toRow(index, parsed.data, now.getTime());
    if ('kind' in row) rows.push(row);
    else errors.push(row);
  });
  const tally = new ImportTally();
  await writeEventRows({
    rows,
    store: customers,
    sourceTime: now.toISOString(),
    now: now.toISOString(),
    tally,
  });
  for (const rejected of tally.rejected) {
    errors.push({ index: rejected.line, path: String(rejected.line), message: rejected.reason });
  }
  return {
    accepted: rows.length - tally.counts.failed,
    errors: errors.sort((a, b) => a.index - b.index),
  };
};
