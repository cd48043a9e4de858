import { toCsvLine } from '../shared/csv-cell';
import { DEMO_CURRENCY } from './demo-catalogue';
import { isoInstant } from './demo-calendar';
import type { DemoEvent } from './draw-demo-events';
import type { DemoOrder } from './draw-demo-orders';
import type { DemoPerson } from './draw-demo-person';

/** Headers are ones Shoal's synonym table knows, so the files need no mapping document. */
const CUSTOMER_HEADERS = [
  'customer_id',
  'email',
  'first_name',
  'last_name',
  'gender',
  'birth_date',
  'education',
  'marital_status',
  'household_size',
  'children',
  'income',
  'country',
  'region',
  'city',
  'time_zone',
  'language',
  'interests',
  'accepts_marketing',
  'consent_at',
  'created_at',
  // No Shoal field: these two become custom attributes.
  'referral_source',
  'membership',
];

const ORDER_HEADERS = [
  'order_id',
  'customer_id',
  'ordered_at',
  'status',
  'channel',
  'currency',
  'total',
  'refunded_amount',
  'cancelled_at',
  'sku',
  'product_name',
  'category',
  'quantity',
  'unit_price',
];

/** `page`, `sku`, `category` and `topic` become event properties. */
const EVENT_HEADERS = [
  'event_id',
  'customer_id',
  'event_type',
  'occurred_at',
  'page',
  'sku',
  'category',
  'topic',
];

const csv = (
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
): string => [header, ...rows].map((cells) => `${toCsvLine(cells)}\n`).join('');

export const formatCustomersCsv = ({
  people,
}: {
  people: readonly { customerId: string; person: DemoPerson }[];
}): string =>
  csv(
    CUSTOMER_HEADERS,
    people.map(({ customerId, person }) => [
      customerId,
      person.email,
      person.firstName,
      person.lastName,
      person.gender,
      person.birthDate,
      person.education,
      person.maritalStatus,
      person.householdSize,
      person.children,
      person.income,
      person.place.country,
      person.place.region,
      person.place.city,
      person.place.timeZone,
      person.place.language,
      // Semicolons, so the cell needs no quotes; Shoal splits tags on , ; and |.
      person.interests.join(';'),
      person.acceptsMarketing ? 'yes' : 'no',
      person.acceptsMarketing ? isoInstant(person.signupMs) : undefined,
      isoInstant(person.signupMs),
      person.referralSource,
      person.membership,
    ]),
  );

/** One row per order line, the order's own columns repeated on each, as Shopify and WooCommerce do. */
export const formatOrdersCsv = ({
  orders,
}: {
  orders: readonly { orderId: string; customerId: string; order: DemoOrder }[];
}): string =>
  csv(
    ORDER_HEADERS,
    orders.flatMap(({ orderId, customerId, order }) =>
      order.lines.map((line) => [
        orderId,
        customerId,
        isoInstant(order.orderedAtMs),
        order.status,
        order.channel,
        DEMO_CURRENCY,
        order.total,
        order.refundedAmount,
        order.cancelledAtMs === undefined ? undefined : isoInstant(order.cancelledAtMs),
        line.product.sku,
        line.product.name,
        line.product.category,
        line.quantity,
        line.product.price,
      ]),
    ),
  );

export const formatEventsCsv = ({
  events,
}: {
  events: readonly { eventId: string; customerId: string; event: DemoEvent }[];
}): string =>
  csv(
    EVENT_HEADERS,
    events.map(({ eventId, customerId, event }) => [
      eventId,
      customerId,
      event.type,
      isoInstant(event.atMs),
      event.page,
      event.product?.sku,
      event.product?.category,
      event.topic,
    ]),
  );
