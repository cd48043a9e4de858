import type { OrderLine, OrderStatus } from '../customers/order';
import type { OrderRow, ParsedBatch } from './parsed-row';
import { readCustomerRef } from './read-customer-ref';
import { rejectForField, warnAboutIssues } from './reject-for-field';
import type { RowDraft, RowReader } from './row-reader';

const readLine = (fields: RowDraft['fields']): OrderLine | undefined => {
  const quantity = fields.quantity as number | undefined;
  const unitPrice = fields.unitPrice as number | undefined;
  const lineTotal = fields.lineTotal as number | undefined;
  const sku = fields.sku as string | undefined;
  const name = fields.productName as string | undefined;
  if (
    quantity === undefined &&
    unitPrice === undefined &&
    lineTotal === undefined &&
    sku === undefined &&
    name === undefined
  ) {
    return undefined;
  }
  const count = quantity ?? 1;
  const line: OrderLine = {
    quantity: count,
    unitPrice: unitPrice ?? (lineTotal !== undefined && count !== 0 ? lineTotal / count : 0),
  };
  if (sku !== undefined) line.sku = sku;
  if (name !== undefined) line.name = name;
  const category = fields.category as string | undefined;
  if (category !== undefined) line.category = category;
  return line;
};

/**
 * Turns a draft into one order row (an order or one of its lines).
 * 1. Rejects rows without an order id, a readable date or a customer id / e-mail.
 * 2. Reads the line (quantity, price, product) when the export has line columns.
 * 3. Turns every other unusable value into a warning.
 */
export const finishOrderRow = (draft: RowDraft, reader: RowReader, batch: ParsedBatch): void => {
  const fields = draft.fields;
  const orderId = fields.orderId as string | undefined;
  if (orderId === undefined)
    return rejectForField(draft, reader, batch, 'orderId', 'order without an order id');
  const orderedAt = fields.orderedAt as string | undefined;
  if (orderedAt === undefined)
    return rejectForField(draft, reader, batch, 'orderedAt', 'order without a readable date');
  const customer = readCustomerRef(draft);
  if (!customer) {
    return rejectForField(
      draft,
      reader,
      batch,
      reader.customerRefField(),
      'order without a customer id or e-mail',
    );
  }
  warnAboutIssues(draft, batch);
  const row: OrderRow = {
    kind: 'orders',
    line: draft.line,
    orderId,
    customer,
    orderedAt,
    cancelled: fields.cancelledAt !== undefined,
  };
  if (fields.total !== undefined) row.total = fields.total as number;
  if (fields.currency !== undefined) row.currency = fields.currency as string;
  if (fields.status !== undefined) row.status = fields.status as OrderStatus;
  if (fields.refundedAmount !== undefined) row.refundedAmount = fields.refundedAmount as number;
  if (fields.channel !== undefined) row.channel = fields.channel as string;
  const orderLine = readLine(fields);
  if (orderLine) row.orderLine = orderLine;
  batch.rows.push(row);
};
