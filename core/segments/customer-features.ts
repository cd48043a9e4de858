import type { AttributeValue } from '../customers/customer-profile';
import type { Climate, Season } from './climate-table';
import type { AgeBand, IncomeBand } from './demographic-bands';

export interface EventWindowCounts {
  total: number;
  last7Days: number;
  last30Days: number;
  last90Days: number;
}

export type ConsentState = 'granted' | 'denied' | 'unknown';

/**
 * Everything segmentation knows about one customer as of the run's date, flat so that rules, RFM
 * and clustering read plain properties. "Orders" means counted orders: `completed` and `pending`.
 * Cancelled and refunded orders are not purchases the customer kept, so they never raise frequency
 * or recency, but their (zero or negative) `netRevenue` still counts towards monetary.
 * Windows ("last 30 days") cover the 30 local days before the as-of day.
 */
export interface CustomerFeatures {
  customerId: string;
  /** Where frequency, monetary and recency came from: orders, or an export's purchase traits. */
  purchaseSource: 'orders' | 'traits' | 'none';
  frequency: number;
  cancelledOrders: number;
  refundedOrders: number;
  /** Sum of `netRevenue` over every order before the as-of date, rounded to cents. */
  monetary: number;
  averageOrderValue: number | undefined;
  recencyDays: number | undefined;
  firstOrderDate: string | undefined;
  lastOrderDate: string | undefined;
  daysSinceFirstOrder: number | undefined;
  /** Days since signup or first order, whichever came first. */
  tenureDays: number | undefined;
  ordersLast30Days: number;
  ordersLast90Days: number;
  ordersLast365Days: number;
  /** Gaps in days between consecutive counted orders, in order; empty with fewer than 2 orders. */
  daysBetweenOrders: number[];
  meanDaysBetweenOrders: number | undefined;
  medianDaysBetweenOrders: number | undefined;
  /** Counted orders containing at least one line of the category. */
  categoryCounts: Record<string, number>;
  topCategory: string | undefined;
  /** Counted orders per channel; from the dataset's Num*Purchases attributes when orders carry none. */
  channelCounts: Record<string, number>;
  preferredChannel: string | undefined;
  webShare: number;
  storeShare: number;
  catalogShare: number;
  eventCounts: Record<string, EventWindowCounts>;
  lastEventDate: string | undefined;
  /** Latest `added_to_cart`, epoch ms; with `lastPurchaseAtMs` it tells an abandoned cart. */
  lastCartAtMs: number | undefined;
  /** Latest counted order or `purchased` event, epoch ms. */
  lastPurchaseAtMs: number | undefined;
  age: number | undefined;
  ageBand: AgeBand | undefined;
  income: number | undefined;
  incomeBand: IncomeBand | undefined;
  householdSize: number | undefined;
  children: number | undefined;
  country: string | undefined;
  region: string | undefined;
  city: string | undefined;
  hemisphere: Climate['hemisphere'] | undefined;
  climateZone: Climate['climateZone'] | undefined;
  /** The season at the customer's place on the as-of date. */
  season: Season | undefined;
  consentState: ConsentState;
  tags: string[];
  attributes: Record<string, AttributeValue>;
}
