import type { CustomerEvent } from '../../../core/customers/customer-event';
import type { Order } from '../../../core/customers/order';
import type { CustomerRecord } from '../../../core/ports/customer-store';
import { createSeededRandom } from '../../../core/shared/seeded-random';

const COUNTRIES = [
  ['DE', 'BY'],
  ['US', 'MN'],
  ['US', 'FL'],
  ['AU', 'VIC'],
  ['BR', 'SP'],
  ['FR', undefined],
  ['CA', 'ON'],
] as const;
const CHANNELS = ['web', 'store', 'catalog'] as const;
const CATEGORIES = ['wine', 'meat', 'fish', 'sweets', 'fruit'] as const;
const EVENT_TYPES = [
  'page_viewed',
  'product_viewed',
  'added_to_cart',
  'purchased',
  'support_contacted',
] as const;
const DAY_MS = 86_400_000;
const END_MS = Date.UTC(2026, 10, 1);

/** Plausible, reproducible customers for scale measurements and equivalence tests. */
export function* syntheticCustomers({
  count,
  seed = 7,
}: {
  count: number;
  seed?: number;
}): Generator<CustomerRecord> {
  const random = createSeededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  for (let i = 0; i < count; i += 1) {
    const customerId = `c${i}`;
    const orderCount = random() < 0.2 ? 0 : 1 + Math.floor(random() * random() * 12);
    const orders: Order[] = [];
    let at = END_MS - Math.floor(random() * 900) * DAY_MS;
    for (let o = 0; o < orderCount; o += 1) {
      const total = Math.round((10 + random() * random() * 300) * 100) / 100;
      const cancelled = random() < 0.05;
      orders.push({
        orderId: `${customerId}-o${o}`,
        customerId,
        orderedAt: new Date(at + Math.floor(random() * DAY_MS)).toISOString(),
        total,
        netRevenue: cancelled ? 0 : total,
        status: cancelled ? 'cancelled' : 'completed',
        channel: pick(CHANNELS),
        lines: [
          { category: pick(CATEGORIES), quantity: 1, unitPrice: total / 2 },
          { category: pick(CATEGORIES), quantity: 1, unitPrice: total / 2 },
        ],
      });
      at += Math.floor(5 + random() * 90) * DAY_MS;
      if (at >= END_MS) break;
    }
    const events: CustomerEvent[] = [];
    const eventCount = Math.floor(random() * 4);
    for (let e = 0; e < eventCount; e += 1) {
      events.push({
        customerId,
        type: pick(EVENT_TYPES),
        at: new Date(END_MS - Math.floor(random() * 120 * DAY_MS)).toISOString(),
        properties: { category: pick(CATEGORIES) },
      });
    }
    const [country, region] = pick(COUNTRIES);
    yield {
      profile: {
        customerId,
        email: `${customerId}@example.com`,
        birthYear: 1945 + Math.floor(random() * 60),
        income: Math.round(15_000 + random() * 120_000),
        children: Math.floor(random() * 3),
        country,
        region,
        consent: { state: random() < 0.8 ? 'granted' : 'denied' },
        attributes: {
          MntWines: Math.floor(random() * 1200),
          NumDealsPurchases: Math.floor(random() * 10),
          NumWebPurchases: Math.floor(random() * 10),
        },
        sourceTimes: {},
        createdAt: '2024-01-01T00:00:00Z',
        updatedAt: '2024-01-01T00:00:00Z',
        version: 1,
      },
      orders,
      events,
    };
  }
}
