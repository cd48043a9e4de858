import { DEMO_PRODUCTS, type DemoProduct } from './demo-catalogue';
import { DAY_MS, drawLocalInstant, type DemoCalendar } from './demo-calendar';
import type { DemoOrder } from './draw-demo-orders';
import type { DemoPerson } from './draw-demo-person';
import type { DemoRandom } from './demo-random';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The tracker export keeps three months, like most analytics tools' raw event retention. */
export const EVENT_WINDOW_DAYS = 90;
/** Shoal's default: a cart counts as abandoned from 24 hours to 14 days after it was left. */
const ABANDONED_CART_WINDOW_DAYS = 14;
const ONLINE_CHANNELS = new Set(['web', 'app']);
const SUPPORT_TOPICS = ['delivery', 'sizing', 'payment', 'product question'] as const;

export interface DemoEvent {
  type:
    'page_viewed' | 'product_viewed' | 'added_to_cart' | 'checkout_started' | 'support_contacted';
  atMs: number;
  page?: string;
  product?: DemoProduct;
  topic?: string;
}

/** What the person does on the site besides what their orders imply. */
export interface DemoEventHabits {
  browsingSessions: number;
  abandonsCart: boolean;
  contactsSupport: boolean;
}

/** The clicks leading up to an online order: landing, product pages, cart, checkout. */
const orderJourney = ({ random, order }: { random: DemoRandom; order: DemoOrder }): DemoEvent[] => {
  let at = order.orderedAtMs - random.int(8, 40) * MINUTE_MS;
  const events: DemoEvent[] = [{ type: 'page_viewed', atMs: at, page: '/' }];
  for (const { product } of order.lines) {
    at += random.int(20, 120) * 1000;
    events.push({ type: 'product_viewed', atMs: at, product });
    at += random.int(10, 90) * 1000;
    events.push({ type: 'added_to_cart', atMs: at, product });
  }
  events.push({ type: 'checkout_started', atMs: order.orderedAtMs - random.int(60, 240) * 1000 });
  return events;
};

/** Looking around: a landing page and a few products, sometimes a cart left behind. */
const browsingSession = ({
  random,
  startMs,
  withCart,
  checkout,
}: {
  random: DemoRandom;
  startMs: number;
  withCart: boolean;
  checkout: boolean;
}): DemoEvent[] => {
  let at = startMs;
  const events: DemoEvent[] = [
    { type: 'page_viewed', atMs: at, page: random.pick(['/', '/new', '/sale', '/gifts']) },
  ];
  const viewed: DemoProduct[] = [];
  for (let i = random.int(1, 5); i > 0; i -= 1) {
    at += random.int(15, 180) * 1000;
    const product = random.pick(DEMO_PRODUCTS);
    viewed.push(product);
    events.push({ type: 'product_viewed', atMs: at, product });
  }
  if (!withCart) return events;
  for (const product of viewed.slice(0, random.int(1, 2))) {
    at += random.int(10, 60) * 1000;
    events.push({ type: 'added_to_cart', atMs: at, product });
  }
  if (checkout) events.push({ type: 'checkout_started', atMs: at + random.int(30, 300) * 1000 });
  return events;
};

/**
 * Draws a person's tracked events over the last `EVENT_WINDOW_DAYS` days.
 * 1. Every online order in the window gets the journey that led to it.
 * 2. Browsing sessions on random days. A cart is only left in them more than 14 days before the
 *    as-of date, so that recent abandoned carts are exactly the ones step 3 makes.
 * 3. An abandoned cart, for those who abandon one: 3–13 days before the as-of date and after the
 *    person's last order, so no purchase follows it.
 * 4. Support contacts a day or few after a cancelled or refunded order, and now and then after
 *    any order.
 */
export const drawDemoEvents = ({
  random,
  calendar,
  person,
  orders,
  habits,
}: {
  random: DemoRandom;
  calendar: DemoCalendar;
  person: DemoPerson;
  orders: readonly DemoOrder[];
  habits: DemoEventHabits;
}): DemoEvent[] => {
  const windowStart = Math.max(person.signupDay, calendar.asOfDay - EVENT_WINDOW_DAYS);
  const windowStartMs = windowStart * DAY_MS;
  const recentOrders = orders.filter((order) => order.orderedAtMs >= windowStartMs);
  const events: DemoEvent[] = [];
  for (const order of recentOrders) {
    if (ONLINE_CHANNELS.has(order.channel)) events.push(...orderJourney({ random, order }));
  }

  const cartCutoff = calendar.asOfDay - ABANDONED_CART_WINDOW_DAYS;
  for (let i = 0; i < habits.browsingSessions && windowStart < calendar.asOfDay; i += 1) {
    const day = random.int(windowStart, calendar.asOfDay - 1);
    const startMs = drawLocalInstant({ random, calendar, place: person.place, day });
    const withCart = day < cartCutoff - 1 && random.chance(0.3);
    events.push(...browsingSession({ random, startMs, withCart, checkout: false }));
  }

  const lastOrderMs = orders.reduce((latest, order) => Math.max(latest, order.orderedAtMs), 0);
  // Three days back at the latest: an evening cart west of UTC lands on the next UTC day, and
  // Shoal waits 24 hours before calling a cart abandoned.
  const cartFrom = Math.max(windowStart, cartCutoff + 1);
  const cartTo = calendar.asOfDay - 3;
  if (habits.abandonsCart && cartFrom <= cartTo) {
    const day = random.int(cartFrom, cartTo);
    const startMs = drawLocalInstant({ random, calendar, place: person.place, day });
    if (startMs > lastOrderMs && startMs > person.signupMs) {
      events.push(
        ...browsingSession({ random, startMs, withCart: true, checkout: random.chance(0.25) }),
      );
    }
  }

  for (const order of recentOrders) {
    const troubled =
      order.status === 'cancelled' ||
      order.status === 'refunded' ||
      order.status === 'partially_refunded';
    if (!troubled && !(habits.contactsSupport && random.chance(0.5))) continue;
    const atMs = order.orderedAtMs + random.int(20, 120) * HOUR_MS;
    if (atMs >= calendar.asOfMs) continue;
    const topic = troubled
      ? order.status === 'cancelled'
        ? 'cancellation'
        : 'return'
      : random.pick(SUPPORT_TOPICS);
    events.push({ type: 'support_contacted', atMs, topic });
  }
  return events.filter((event) => event.atMs < calendar.asOfMs);
};
