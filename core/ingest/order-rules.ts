import type { OrderStatus } from '../customers/order';
import { assertNever } from '../shared/assert-never';
import type { OrderRules } from './import-mapping';

/** Status words of Shopify, WooCommerce, Stripe-like and ERP exports, mapped to Shoal's four. */
const STATUS: Readonly<Record<string, OrderStatus>> = {
  completed: 'completed',
  complete: 'completed',
  paid: 'completed',
  fulfilled: 'completed',
  shipped: 'completed',
  delivered: 'completed',
  succeeded: 'completed',
  success: 'completed',
  closed: 'completed',
  pending: 'pending',
  processing: 'pending',
  'on-hold': 'pending',
  on_hold: 'pending',
  authorized: 'pending',
  partially_paid: 'pending',
  unpaid: 'pending',
  open: 'pending',
  new: 'pending',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  voided: 'cancelled',
  void: 'cancelled',
  failed: 'cancelled',
  declined: 'cancelled',
  expired: 'cancelled',
  refunded: 'refunded',
  partially_refunded: 'refunded',
  'partially refunded': 'refunded',
  returned: 'refunded',
};

export const parseOrderStatus = (text: string): OrderStatus | undefined =>
  STATUS[text.trim().toLowerCase()];

/**
 * The named order rules a preset or mapping can switch on, and what each means. Kept as a table
 * so the import report and docs can list them.
 */
export const ORDER_RULES: Readonly<Record<keyof OrderRules, string>> = {
  cancellationPrefix:
    'An order number starting with this prefix is a cancellation invoice (UCI "Online Retail" writes C536379): status cancelled, and its negative lines reduce revenue.',
};

export const isCancellationInvoice = (orderId: string, rules: OrderRules): boolean =>
  typeof rules.cancellationPrefix === 'string' && orderId.startsWith(rules.cancellationPrefix);

/**
 * What an order contributes to monetary value:
 * - completed or pending: its total;
 * - cancelled: 0, except a cancellation invoice with a negative total, which reverses the
 *   revenue of the invoice it cancels;
 * - refunded: the total minus the refunded amount when the export says how much (a partial
 *   refund keeps the rest), 0 when it does not (a full refund); a refund recorded as its own
 *   negative transaction counts as that negative amount.
 */
export const netRevenue = ({
  status,
  total,
  refundedAmount,
  cancellationInvoice,
}: {
  status: OrderStatus;
  total: number;
  refundedAmount?: number;
  cancellationInvoice: boolean;
}): number => {
  switch (status) {
    case 'completed':
    case 'pending':
      return total;
    case 'cancelled':
      return cancellationInvoice && total < 0 ? total : 0;
    case 'refunded':
      if (total < 0) return total;
      return refundedAmount === undefined ? 0 : Math.max(0, total - Math.abs(refundedAmount));
    default:
      return assertNever(status);
  }
};
