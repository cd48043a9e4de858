import type { Order, OrderLine, OrderStatus } from '../customers/order';
import type { OrderRules } from './import-mapping';
import { isCancellationInvoice, netRevenue } from './order-rules';
import type { OrderRow } from './parsed-row';

/** An order being assembled from its rows: the order-level fields of its rows, plus its lines. */
export type OrderDraft = Omit<OrderRow, 'kind' | 'line' | 'orderLine'> & {
  lines: OrderLine[];
  /** File lines of the rows, so each row can be counted and reported. */
  rowLines: number[];
  lastRow: number;
};

/**
 * Rows of an order not seen for this many rows are complete. Exports write an order's lines
 * together or nearly so; an order whose lines come back later is reopened from the store.
 */
export const ORDER_WINDOW_ROWS = 10_000;

const cents = (amount: number): number => Math.round(amount * 100) / 100;

export const linesTotal = (lines: readonly OrderLine[]): number =>
  cents(lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0));

/**
 * Groups order rows by order id while keeping memory bounded. Orders are kept in
 * least-recently-touched order; one untouched for a window of rows is complete and moves to the
 * ready set, handed out in batches. A ready or held order that gets another line is reopened, so
 * no two drafts of one order are ever written in the same batch.
 */
export class OrderAssembler {
  private readonly open = new Map<string, OrderDraft>();
  private readonly ready = new Map<string, OrderDraft>();
  /** Orders the writer chose to wait on: the store knows more lines than this file has shown yet. */
  private readonly held = new Map<string, OrderDraft>();
  private rowsSeen = 0;

  add(row: OrderRow): void {
    this.rowsSeen++;
    const draft = this.open.get(row.orderId) ?? this.reclaim(row.orderId);
    if (!draft) {
      this.open.set(row.orderId, {
        orderId: row.orderId,
        customer: row.customer,
        orderedAt: row.orderedAt,
        cancelled: row.cancelled,
        ...(row.total !== undefined ? { total: row.total } : {}),
        ...(row.currency !== undefined ? { currency: row.currency } : {}),
        ...(row.status !== undefined ? { status: row.status } : {}),
        ...(row.refundedAmount !== undefined ? { refundedAmount: row.refundedAmount } : {}),
        ...(row.channel !== undefined ? { channel: row.channel } : {}),
        lines: row.orderLine ? [row.orderLine] : [],
        rowLines: [row.line],
        lastRow: this.rowsSeen,
      });
      return;
    }
    // Order-level columns are often filled on the first line only: the first value wins.
    draft.total ??= row.total;
    draft.currency ??= row.currency;
    draft.status ??= row.status;
    draft.refundedAmount ??= row.refundedAmount;
    draft.channel ??= row.channel;
    draft.cancelled ||= row.cancelled;
    if (row.orderLine) draft.lines.push(row.orderLine);
    draft.rowLines.push(row.line);
    draft.lastRow = this.rowsSeen;
    this.open.delete(row.orderId);
    this.open.set(row.orderId, draft);
  }

  /** Complete orders, once at least `minimum` of them are ready; none before. */
  takeReady(minimum: number): OrderDraft[] {
    for (const draft of this.open.values()) {
      if (draft.lastRow > this.rowsSeen - ORDER_WINDOW_ROWS) break;
      this.ready.set(draft.orderId, draft);
    }
    for (const orderId of this.ready.keys()) this.open.delete(orderId);
    if (this.ready.size < minimum) return [];
    const drafts = [...this.ready.values()];
    this.ready.clear();
    return drafts;
  }

  hold(draft: OrderDraft): void {
    this.held.set(draft.orderId, draft);
  }

  takeAll(): OrderDraft[] {
    const all = [...this.ready.values(), ...this.held.values(), ...this.open.values()];
    this.ready.clear();
    this.held.clear();
    this.open.clear();
    return all;
  }

  private reclaim(orderId: string): OrderDraft | undefined {
    const draft = this.ready.get(orderId) ?? this.held.get(orderId);
    this.ready.delete(orderId);
    this.held.delete(orderId);
    return draft;
  }
}

/**
 * The Order a draft describes. Status: cancelled when the export says so (a status or a
 * cancelled-at date) or the cancellation-prefix rule matches, else the export's status, else
 * completed. Total: the export's order total, else the sum of its lines.
 */
export const toOrder = (draft: OrderDraft, customerId: string, rules: OrderRules): Order => {
  const cancellationInvoice = isCancellationInvoice(draft.orderId, rules);
  const status: OrderStatus =
    draft.cancelled || cancellationInvoice ? 'cancelled' : (draft.status ?? 'completed');
  const total = draft.total ?? linesTotal(draft.lines);
  return {
    orderId: draft.orderId,
    customerId,
    orderedAt: draft.orderedAt,
    total,
    netRevenue: cents(
      netRevenue({ status, total, refundedAmount: draft.refundedAmount, cancellationInvoice }),
    ),
    ...(draft.currency !== undefined ? { currency: draft.currency } : {}),
    status,
    ...(draft.channel !== undefined ? { channel: draft.channel } : {}),
    lines: draft.lines,
  };
};
