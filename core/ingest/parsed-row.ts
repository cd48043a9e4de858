import type { AttributeValue, ProfileFields } from '../customers/customer-profile';
import type { OrderLine, OrderStatus } from '../customers/order';
import type { RejectedRow, RowWarning } from './row-issues';

/** Who an order or event belongs to, as the export identifies them. */
export interface CustomerRef {
  externalId?: string;
  email?: string;
}

export interface ProfileRow {
  kind: 'customers';
  line: number;
  fields: ProfileFields;
  attributes: Record<string, AttributeValue>;
  /** The row's own updated-at column, when mapped; otherwise the upload's time applies. */
  sourceTime?: string;
}

/** One export row of an order; rows sharing an order id aggregate into one Order. */
export interface OrderRow {
  kind: 'orders';
  line: number;
  orderId: string;
  customer: CustomerRef;
  orderedAt: string;
  total?: number;
  currency?: string;
  status?: OrderStatus;
  cancelled: boolean;
  refundedAmount?: number;
  channel?: string;
  orderLine?: OrderLine;
}

export interface EventRow {
  kind: 'events';
  line: number;
  customer: CustomerRef;
  type: string;
  at: string;
  eventId?: string;
  properties: Record<string, AttributeValue>;
}

export type ParsedRow = ProfileRow | OrderRow | EventRow;

/** A batch of what one slice of the file produced; `read` counts every record, accepted or not. */
export interface ParsedBatch {
  read: number;
  rows: ParsedRow[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
}
