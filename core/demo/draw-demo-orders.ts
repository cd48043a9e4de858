import { DEMO_INTERESTS, DEMO_PRODUCTS, type DemoProduct } from './demo-catalogue';
import { drawLocalInstant, isSeasonalDay, localSeason, type DemoCalendar } from './demo-calendar';
import type { DemoPerson } from './draw-demo-person';
import type { DemoRandom, Weighted } from './demo-random';

export type DemoOrderStatus =
  'completed' | 'processing' | 'cancelled' | 'refunded' | 'partially_refunded';

export interface DemoOrderLine {
  product: DemoProduct;
  quantity: number;
}

export interface DemoOrder {
  orderedAtMs: number;
  status: DemoOrderStatus;
  channel: string;
  lines: DemoOrderLine[];
  total: number;
  refundedAmount: number | undefined;
  cancelledAtMs: number | undefined;
}

const CHANNELS: Weighted<string> = [
  ['web', 55],
  ['store', 25],
  ['app', 12],
  ['catalog', 8],
];

const QUANTITIES: Weighted<number> = [
  [1, 80],
  [2, 14],
  [3, 4],
  [4, 2],
];

/** Buyers who never meant to come back: a gift, a one-off need. Others may still buy only once. */
const ONE_TIME_SHARE = 0.4;

const CATEGORIES = [...new Set(DEMO_PRODUCTS.map((product) => product.category))];
const OPPOSITE = { winter: 'summer', summer: 'winter' } as const;

/** How one buyer shops; drawn once so their orders look like the same person's. */
interface Habits {
  channel: string;
  category: string;
  /** Lines per order scale with it: the long tail of spend. */
  basket: number;
}

const seasonalWeight = ({
  product,
  season,
}: {
  product: DemoProduct;
  season: string | undefined;
}): number =>
  !product.season
    ? 1
    : product.season === season
      ? 3
      : OPPOSITE[product.season] === season
        ? 0.15
        : 1;

/** Candidate lists per (category or all, season), built once: orders draw tens of thousands of lines. */
const candidateCache = new Map<string, Weighted<DemoProduct>>();

const candidatesFor = ({
  category,
  season,
}: {
  category: string | undefined;
  season: string | undefined;
}): Weighted<DemoProduct> => {
  const key = `${category ?? '*'}|${season ?? ''}`;
  let candidates = candidateCache.get(key);
  if (!candidates) {
    candidates = DEMO_PRODUCTS.filter(
      (product) => category === undefined || product.category === category,
    ).map((product) => [product, seasonalWeight({ product, season })] as const);
    candidateCache.set(key, candidates);
  }
  return candidates;
};

/** What picking the lines of one order depends on: the buyer and the season where they live. */
interface LineDraw {
  random: DemoRandom;
  habits: Habits;
  season: string | undefined;
}

/** More than half of a buyer's picks come from their favourite category. */
const drawProduct = ({ random, habits, season }: LineDraw): DemoProduct =>
  random.weighted(
    candidatesFor({ category: random.chance(0.55) ? habits.category : undefined, season }),
  );

const drawLines = ({ random, habits, season }: LineDraw): DemoOrderLine[] => {
  const count = Math.min(6, 1 + Math.floor(random.exponential(0.6 * habits.basket)));
  const lines: DemoOrderLine[] = [];
  for (let i = 0; i < count; i += 1) {
    const product = drawProduct({ random, habits, season });
    const quantity = random.weighted(QUANTITIES);
    const same = lines.find((line) => line.product === product);
    if (same) same.quantity += quantity;
    else lines.push({ product, quantity });
  }
  return lines;
};

/** Waiting times between a repeat buyer's orders are memoryless around their own pace. */
const gapAfter = ({ random, meanGapDays }: { random: DemoRandom; meanGapDays: number }): number =>
  Math.max(1, Math.round(random.exponential(meanGapDays)));

const cents = (amount: number): number => Math.round(amount * 100) / 100;

/** Recent orders are still being processed; a few in every hundred are cancelled or refunded. */
const settle = ({
  random,
  calendar,
  day,
  orderedAtMs,
  lines,
  total,
}: {
  random: DemoRandom;
  calendar: DemoCalendar;
  day: number;
  orderedAtMs: number;
  lines: DemoOrderLine[];
  total: number;
}): Pick<DemoOrder, 'status' | 'refundedAmount' | 'cancelledAtMs'> => {
  const none = { refundedAmount: undefined, cancelledAtMs: undefined };
  if (calendar.asOfDay - day <= 2 && random.chance(0.6)) return { status: 'processing', ...none };
  const roll = random.next();
  if (roll < 0.03) {
    const cancelledAtMs = Math.min(
      orderedAtMs + random.int(1, 30) * 3_600_000,
      calendar.asOfMs - 1000,
    );
    return { status: 'cancelled', refundedAmount: undefined, cancelledAtMs };
  }
  if (roll < 0.055) return { status: 'refunded', refundedAmount: total, cancelledAtMs: undefined };
  const [first] = lines;
  if (roll < 0.07 && lines.length > 1 && first) {
    return {
      status: 'partially_refunded',
      refundedAmount: cents(first.product.price * first.quantity),
      cancelledAtMs: undefined,
    };
  }
  return { status: 'completed', ...none };
};

/**
 * Draws a buyer's order history.
 * 1. Habits: the usual channel, a favourite category (from the person's interests when they gave
 *    any) and a basket size from a log-normal, for a long tail of spend.
 * 2. The first order on or soon after signup. A little over half of buyers stay active until the
 *    as-of date; the others drift away after a few months, which is what makes "At Risk",
 *    "Cannot Lose Them", lapsing and churned customers.
 * 3. Unless they are one-time buyers by nature, more orders at their own pace (a log-normal mean
 *    gap, so some buy monthly and some yearly) until they drift away, thinned by the season.
 * 4. Lines favour products in season at the customer's place; statuses from `settle`.
 */
export const drawDemoOrders = ({
  random,
  calendar,
  person,
}: {
  random: DemoRandom;
  calendar: DemoCalendar;
  person: DemoPerson;
}): DemoOrder[] => {
  const interest = person.interests.length > 0 ? random.pick(person.interests) : undefined;
  const habits: Habits = {
    channel: random.weighted(CHANNELS),
    category: (interest && DEMO_INTERESTS[interest]) ?? random.pick(CATEGORIES),
    basket: random.logNormal(1, 0.6),
  };
  const lastDay = calendar.asOfDay - 1;
  const firstDay = Math.min(
    lastDay,
    person.signupDay + (random.chance(0.7) ? 0 : random.int(1, 20)),
  );
  const activeUntil = random.chance(0.55)
    ? lastDay
    : Math.min(lastDay, firstDay + 30 + Math.round(random.exponential(240)));
  const days = [firstDay];
  if (!random.chance(ONE_TIME_SHARE)) {
    const meanGapDays = Math.min(365, Math.max(5, random.logNormal(40, 0.6)));
    for (
      let day = firstDay + gapAfter({ random, meanGapDays });
      day <= activeUntil;
      day += gapAfter({ random, meanGapDays })
    ) {
      if (isSeasonalDay({ random, calendar, day })) days.push(day);
    }
  }

  return days.map((day) => {
    const localMs =
      day === person.signupDay
        ? person.signupMs + random.int(2, 40) * 60_000
        : drawLocalInstant({ random, calendar, place: person.place, day });
    const orderedAtMs = Math.min(localMs, calendar.asOfMs - 1000);
    const season = localSeason({ place: person.place, month: calendar.monthOf(day) });
    const lines = drawLines({ random, habits, season });
    const total = cents(lines.reduce((sum, line) => sum + line.product.price * line.quantity, 0));
    const channel = random.chance(0.75) ? habits.channel : random.weighted(CHANNELS);
    return {
      orderedAtMs,
      channel,
      lines,
      total,
      ...settle({ random, calendar, day, orderedAtMs, lines, total }),
    };
  });
};
