import { join } from 'node:path';
import { createSeededRandom, pick, randomInt } from './seeded-random';
import { writeLines } from './write-lines';

const HEADER = 'order_id,customer_id,order_date,total,currency,status,sku,quantity,unit_price';
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'GBP'];
const SKUS = ['WINE-01', 'WINE-02', 'CHEESE-7', 'MEAT-3', 'FISH-9', 'SWEET-4', 'GOLD-1', 'BREAD-2'];

const pad = (value: number): string => String(value).padStart(2, '0');

/** Mostly completed, some pending, about 5% cancelled and 2% refunded. */
const statusOf = (random: () => number): string => {
  const roll = random();
  if (roll < 0.05) return 'cancelled';
  if (roll < 0.07) return 'refunded';
  if (roll < 0.12) return 'pending';
  return 'completed';
};

/**
 * Exactly `lines` data lines of an order export. A quarter of orders have several lines (one row
 * per order line, the order's fields repeated, as Shopify-style exports do); the rest one.
 */
export function* orderCsvLines(lines: number, customers: number, seed = 2): Generator<string> {
  const random = createSeededRandom(seed);
  yield HEADER;
  let written = 0;
  for (let order = 1; written < lines; order += 1) {
    const customer = `C${randomInt(random, 1, customers)}`;
    const date = `${randomInt(random, 2022, 2025)}-${pad(randomInt(random, 1, 12))}-${pad(randomInt(random, 1, 28))}T${pad(randomInt(random, 0, 23))}:${pad(randomInt(random, 0, 59))}:00Z`;
    const currency = pick(random, CURRENCIES);
    const status = statusOf(random);
    const count = Math.min(random() < 0.25 ? randomInt(random, 2, 5) : 1, lines - written);
    const items = Array.from({ length: count }, () => ({
      sku: pick(random, SKUS),
      quantity: randomInt(random, 1, 4),
      price: randomInt(random, 199, 9_999) / 100,
    }));
    const total = items.reduce((sum, item) => sum + item.quantity * item.price, 0).toFixed(2);
    for (const item of items) {
      yield `O${order},${customer},${date},${total},${currency},${status},${item.sku},${item.quantity},${item.price.toFixed(2)}`;
    }
    written += count;
  }
}

/** Writes `orders.csv` under `dir` and returns its path. */
export const generateOrdersCsv = async ({
  dir,
  lines,
  customers,
  seed,
}: {
  dir: string;
  lines: number;
  customers: number;
  seed?: number;
}): Promise<string> => {
  const path = join(dir, 'orders.csv');
  await writeLines(path, orderCsvLines(lines, customers, seed));
  return path;
};
