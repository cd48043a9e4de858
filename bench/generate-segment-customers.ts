import { join } from 'node:path';
import type { Order, OrderStatus } from '../core/customers/order';
import type { CustomerRecord } from '../core/ports/customer-store';
import type { CustomerSource } from '../core/segments';
import { createSeededRandom, pick, randomInt } from './seeded-random';
import { writeLines } from './write-lines';

const COUNTRIES = [
  'DE',
  'FR',
  'US',
  'GB',
  'ES',
  'IT',
  'NL',
  'SE',
  'NO',
  'AU',
  'BR',
  'CA',
  'JP',
  'ZA',
];
const CATEGORIES = ['wine', 'meat', 'fish', 'fruit', 'sweets', 'gold'];
const CHANNELS = ['web', 'web', 'store', 'catalog'];
const DAY_MS = 86_400_000;
/** Orders fall in the four years before the run's as-of date. */
const FIRST_ORDER_MS = Date.UTC(2022, 0, 1);
const ORDER_SPAN_DAYS = 4 * 365;

const statusOf = (random: () => number): OrderStatus => {
  const roll = random();
  if (roll < 0.06) return 'cancelled';
  if (roll < 0.09) return 'refunded';
  if (roll < 0.14) return 'pending';
  return 'completed';
};

/** Net revenue in whole cents so the core's and DuckDB's monetary sums are exactly equal. */
const orderOf = (random: () => number, customerId: string, n: number): Order => {
  const status = statusOf(random);
  const lines = Array.from({ length: randomInt(random, 1, 3) }, () => ({
    category: pick(random, CATEGORIES),
    quantity: randomInt(random, 1, 3),
    unitPrice: randomInt(random, 299, 12_999) / 100,
  }));
  const total = Math.round(lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0) * 100) / 100;
  const orderedAt = new Date(
    FIRST_ORDER_MS +
      randomInt(random, 0, ORDER_SPAN_DAYS - 1) * DAY_MS +
      randomInt(random, 0, DAY_MS - 1),
  ).toISOString();
  return {
    orderId: `${customerId}-${n}`,
    customerId,
    orderedAt,
    total,
    netRevenue: status === 'cancelled' ? 0 : status === 'refunded' ? -total : total,
    currency: 'EUR',
    status,
    channel: pick(random, CHANNELS),
    lines,
  };
};

/**
 * Customer `index` (from 0), rebuilt from its own seed: both segmentation passes and the DuckDB
 * file see identical data without anything being kept. A fifth never ordered; buyers have 1–12.
 */
export const syntheticCustomer = (index: number): CustomerRecord => {
  const random = createSeededRandom(index * 2_654_435_761 + 17);
  const customerId = `S${index}`;
  const orderCount =
    random() < 0.2 ? 0 : Math.min(12, 1 + Math.floor(-Math.log(1 - random()) * 2.5));
  const orders = Array.from({ length: orderCount }, (_, n) => orderOf(random, customerId, n)).sort(
    (a, b) => (a.orderedAt < b.orderedAt ? -1 : 1),
  );
  const signupAt = `${randomInt(random, 2015, 2021)}-0${randomInt(random, 1, 9)}-1${randomInt(random, 0, 9)}T00:00:00.000Z`;
  return {
    profile: {
      customerId,
      email: `s${index}@example.com`,
      firstName: 'Sam',
      country: pick(random, COUNTRIES),
      birthYear: randomInt(random, 1945, 2005),
      ...(random() < 0.9 ? { income: randomInt(random, 12, 180) * 1000 } : {}),
      children: randomInt(random, 0, 3),
      ...(random() < 0.7 ? { consent: { state: random() < 0.8 ? 'granted' : 'denied' } } : {}),
      tags: random() < 0.1 ? ['wine'] : [],
      signupAt,
      attributes: {},
      sourceTimes: {},
      createdAt: signupAt,
      updatedAt: signupAt,
      version: 1,
    },
    orders,
    events: [],
  };
};

/** A shard function over `count` customers: contiguous slices, each customer made on demand. */
export const syntheticCustomerSource = (count: number): CustomerSource =>
  function* ({ index, count: shards }) {
    const size = Math.ceil(count / shards);
    for (let i = index * size; i < Math.min(count, (index + 1) * size); i += 1) {
      yield syntheticCustomer(i);
    }
  };

function* orderRows(count: number): Generator<string> {
  yield 'customer_id,ordered_at,status,net_cents';
  for (let i = 0; i < count; i += 1) {
    for (const order of syntheticCustomer(i).orders) {
      // UTC without the zone, so DuckDB reads a plain TIMESTAMP and days are UTC days as in the run.
      const at = order.orderedAt.slice(0, 19).replace('T', ' ');
      yield `${order.customerId},${at},${order.status},${Math.round(order.netRevenue * 100)}`;
    }
  }
}

/** The same customers' orders as a CSV for DuckDB; returns the path. */
export const writeSyntheticOrdersCsv = async ({
  dir,
  count,
}: {
  dir: string;
  count: number;
}): Promise<string> => {
  const path = join(dir, `segment-orders-${count}.csv`);
  await writeLines(path, orderRows(count));
  return path;
};
