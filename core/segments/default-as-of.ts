import { parseInstant } from './parse-instant';
import type { CustomerRecord } from '../ports/customer-store';
import { createLocalCalendar, formatDay } from './local-calendar';

/**
 * The day after the newest order (of any status) in the shop's time zone, so a run over a
 * historical export sees every order and the newest is 1 day old; undefined without orders.
 */
export const defaultAsOf = ({
  customers,
  timeZone,
}: {
  customers: Iterable<CustomerRecord>;
  timeZone: string;
}): string | undefined => {
  let newest = -Infinity;
  for (const { orders } of customers) {
    for (const order of orders) {
      const ms = parseInstant(order.orderedAt);
      if (ms > newest) newest = ms;
    }
  }
  if (newest === -Infinity) return undefined;
  // Any valid date will do to get at the zone's day boundaries; only dayOfInstant is used.
  const calendar = createLocalCalendar({ asOf: '1970-01-01', timeZone });
  return formatDay(calendar.dayOfInstant(newest) + 1);
};
