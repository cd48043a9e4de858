import type { CustomerEvent } from '../customers/customer-event';

/**
 * The identity of an event: the same customer doing the same thing at the same instant (with the
 * source's id when it has one) is one event however often the file is imported.
 */
export const eventKey = (
  event: Pick<CustomerEvent, 'customerId' | 'type' | 'at' | 'eventId'>,
): string => `${event.customerId}#${event.type}#${event.at}#${event.eventId ?? ''}`;
