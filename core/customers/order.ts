import { z } from 'zod';

export const OrderStatus = z.enum(['completed', 'pending', 'cancelled', 'refunded']);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderLine = z.object({
  sku: z.string().optional(),
  name: z.string().optional(),
  category: z.string().optional(),
  quantity: z.number(),
  unitPrice: z.number(),
});
export type OrderLine = z.infer<typeof OrderLine>;

/**
 * One order, aggregated from one or more export rows. `total` is what the source says the order was
 * worth; `netRevenue` is what it contributes to monetary value (0 for a cancelled order, negative
 * for a refund or a cancellation invoice), so re-importing can never double-count.
 */
export const Order = z.object({
  orderId: z.string(),
  customerId: z.string(),
  /** ISO-8601 instant. */
  orderedAt: z.string(),
  total: z.number(),
  netRevenue: z.number(),
  currency: z.string().optional(),
  status: OrderStatus,
  channel: z.string().optional(),
  lines: z.array(OrderLine),
});
export type Order = z.infer<typeof Order>;
