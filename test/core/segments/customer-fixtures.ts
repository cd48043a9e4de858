import type { CustomerEvent } from '../../../core/customers/customer-event';
import type { CustomerProfile } from '../../../core/customers/customer-profile';
import type { Order } from '../../../core/customers/order';
import type { CustomerRecord } from '../../../core/ports/customer-store';

export interface OrderFixture {
  at: string;
  revenue?: number;
  status?: Order['status'];
  channel?: string;
  categories?: string[];
}

export interface EventFixture {
  type: string;
  at: string;
  properties?: Record<string, unknown>;
}

/** A stored customer with just the parts a test cares about. */
export const customer = ({
  id,
  orders = [],
  events = [],
  profile = {},
}: {
  id: string;
  orders?: OrderFixture[];
  events?: EventFixture[];
  profile?: Partial<CustomerProfile>;
}): CustomerRecord => ({
  profile: {
    customerId: id,
    email: `${id}@example.com`,
    attributes: {},
    sourceTimes: {},
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    version: 1,
    ...profile,
  },
  orders: orders.map((order, index): Order => ({
    orderId: `${id}-${index}`,
    customerId: id,
    orderedAt: order.at,
    total: order.revenue ?? 10,
    netRevenue: order.status === 'cancelled' ? 0 : (order.revenue ?? 10),
    status: order.status ?? 'completed',
    channel: order.channel,
    lines: (order.categories ?? []).map((category) => ({ category, quantity: 1, unitPrice: 1 })),
  })),
  events: events.map((event): CustomerEvent => ({
    customerId: id,
    type: event.type,
    at: event.at,
    properties: event.properties ?? {},
  })),
});
