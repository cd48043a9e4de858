import type { ImportKind } from '../ingest/import-kind';
import { ValidationError } from '../shared/errors';
import { createDemoCalendar } from './demo-calendar';
import { createDemoRandom, type DemoRandom } from './demo-random';
import { DEMO_SHOP_KEYS } from './demo-shop-keys';
import { drawDemoEvents, type DemoEvent, type DemoEventHabits } from './draw-demo-events';
import { drawDemoOrders, type DemoOrder } from './draw-demo-orders';
import { drawDemoPerson } from './draw-demo-person';
import { formatCustomersCsv, formatEventsCsv, formatOrdersCsv } from './format-demo-exports';

export interface DemoShopFile {
  kind: ImportKind;
  /** Where to upload it in the bucket; the prefix tells ingest the kind. */
  key: string;
  /** UTF-8 CSV with a header row. */
  content: string;
  /** Data rows: customers, order lines or events. */
  rows: number;
}

export interface DemoShop {
  files: Readonly<Record<ImportKind, DemoShopFile>>;
  /** Orders, not order lines. */
  orders: number;
}

const HISTORY_DAYS = 730;
const FIRST_CUSTOMER_NUMBER = 100_001;
const FIRST_ORDER_NUMBER = 100_001;
const AS_OF_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

type Role = 'prospect' | 'browser' | 'buyer';

/** Newsletter sign-ups who never came back, visitors who never bought, and buyers. */
const ROLES: readonly (readonly [Role, number])[] = [
  ['prospect', 6],
  ['browser', 12],
  ['buyer', 82],
];

const drawEventHabits = ({
  random,
  role,
}: {
  random: DemoRandom;
  role: Role;
}): DemoEventHabits => ({
  browsingSessions:
    role === 'prospect'
      ? 0
      : role === 'browser'
        ? random.int(1, 6)
        : random.weighted([
            [0, 4],
            [1, 3],
            [2, 2],
            [4, 1],
          ]),
  abandonsCart: role !== 'prospect' && random.chance(0.08),
  contactsSupport: role === 'buyer' && random.chance(0.05),
});

const file = ({ kind, content }: { kind: ImportKind; content: string }): DemoShopFile => ({
  kind,
  key: DEMO_SHOP_KEYS[kind],
  content,
  // Every row ends in \n and no cell holds a line break, so lines are rows; minus the header.
  rows: content.split('\n').length - 2,
});

/**
 * Generates the demo shop: a customers, an orders and an events export that Shoal ingests without
 * a mapping and without a rejected row. The same seed, size and as-of date give the same bytes.
 * 1. Draws the people and numbers them in signup order, as a shop's database would.
 * 2. Gives each a role; buyers get two years of orders, everyone but prospects some events.
 * 3. Numbers orders and events in time order across the shop and writes the three CSV files.
 */
export const generateDemoShop = ({
  seed = 1,
  customers = 3_000,
  asOf,
}: {
  seed?: number;
  customers?: number;
  /** YYYY-MM-DD: the history ends the day before, so a run as of this date sees all of it. */
  asOf: string;
}): DemoShop => {
  if (!AS_OF_PATTERN.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new ValidationError(`asOf must be YYYY-MM-DD, got "${asOf}"`, ['asOf']);
  }
  if (!Number.isInteger(customers) || customers < 1) {
    throw new ValidationError('customers must be a positive whole number', ['customers']);
  }
  const random = createDemoRandom({ seed });
  const calendar = createDemoCalendar({ asOf, historyDays: HISTORY_DAYS });
  const taken = new Set<string>();
  const people = Array.from({ length: customers }, () =>
    drawDemoPerson({ random, calendar, taken }),
  )
    .sort((a, b) => a.signupMs - b.signupMs)
    .map((person, index) => ({ customerId: String(FIRST_CUSTOMER_NUMBER + index), person }));

  const orders: { customerId: string; order: DemoOrder }[] = [];
  const events: { customerId: string; event: DemoEvent }[] = [];
  for (const { customerId, person } of people) {
    const role = random.weighted(ROLES);
    const own = role === 'buyer' ? drawDemoOrders({ random, calendar, person }) : [];
    const habits = drawEventHabits({ random, role });
    for (const order of own) orders.push({ customerId, order });
    for (const event of drawDemoEvents({ random, calendar, person, orders: own, habits })) {
      events.push({ customerId, event });
    }
  }
  orders.sort((a, b) => a.order.orderedAtMs - b.order.orderedAtMs);
  events.sort((a, b) => a.event.atMs - b.event.atMs);

  return {
    files: {
      customers: file({ kind: 'customers', content: formatCustomersCsv({ people }) }),
      orders: file({
        kind: 'orders',
        content: formatOrdersCsv({
          orders: orders.map((entry, index) => ({
            ...entry,
            orderId: `SO-${FIRST_ORDER_NUMBER + index}`,
          })),
        }),
      }),
      events: file({
        kind: 'events',
        content: formatEventsCsv({
          events: events.map((entry, index) => ({
            ...entry,
            eventId: `EV-${String(index + 1).padStart(7, '0')}`,
          })),
        }),
      }),
    },
    orders: orders.length,
  };
};
