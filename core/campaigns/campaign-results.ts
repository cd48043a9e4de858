import type { Order } from '../customers/order';
import type { Campaign } from './campaign';
import type { CampaignSend } from './campaign-send';
import type { DeliveryCounts } from './delivery-event';

export interface ConversionStats {
  recipients: number;
  /** Recipients with at least one completed order inside the attribution window. */
  converted: number;
  orders: number;
  revenue: number;
  conversionRate: number;
  revenuePerRecipient: number;
}

export interface CampaignResults {
  audience: number;
  eligible: number;
  heldOut: number;
  postponed: { total: number; frequencyCap: number; quietHours: number };
  sent: number;
  failed: number;
  unknown: number;
  delivered: number;
  bounced: number;
  complained: number;
  opened: number;
  clicked: number;
  unsubscribed: number;
  attributionWindowDays: number;
  treatment: ConversionStats;
  holdout: ConversionStats;
  uplift: {
    /** Treatment minus holdout conversion rate, in percentage points. */
    conversionRatePoints: number;
    /** Relative to the holdout rate; undefined without holdout conversions to compare with. */
    relativeConversion?: number;
    revenuePerRecipient: number;
    /** Conversions the campaign caused beyond what the holdout rate predicts. */
    incrementalConversions: number;
    incrementalRevenue: number;
  };
}

const conversionStats = (
  people: { customerId: string; from: number }[],
  ordersByCustomer: ReadonlyMap<string, readonly Order[]>,
  windowMs: number,
): ConversionStats => {
  let converted = 0;
  let orders = 0;
  let revenue = 0;
  for (const { customerId, from } of people) {
    const attributed = (ordersByCustomer.get(customerId) ?? []).filter((order) => {
      const at = Date.parse(order.orderedAt);
      return order.status === 'completed' && at >= from && at < from + windowMs;
    });
    if (attributed.length > 0) converted += 1;
    orders += attributed.length;
    revenue += attributed.reduce((sum, order) => sum + order.netRevenue, 0);
  }
  const recipients = people.length;
  return {
    recipients,
    converted,
    orders,
    revenue,
    conversionRate: recipients === 0 ? 0 : converted / recipients,
    revenuePerRecipient: recipients === 0 ? 0 : revenue / recipients,
  };
};

/**
 * A campaign's funnel and its effect. Conversions are completed orders placed within the window
 * after the message was sent; for the holdout, after the campaign started sending, the moment
 * they would have been mailed. Uplift compares the two groups' rates.
 */
export const computeCampaignResults = ({
  campaign,
  sends,
  counts,
  ordersByCustomer,
  attributionWindowDays = 7,
}: {
  campaign: Campaign;
  sends: readonly CampaignSend[];
  counts: DeliveryCounts;
  ordersByCustomer: ReadonlyMap<string, readonly Order[]>;
  attributionWindowDays?: number;
}): CampaignResults => {
  const withStatus = (status: CampaignSend['status']) => sends.filter((s) => s.status === status);
  const postponed = withStatus('postponed');
  const windowMs = attributionWindowDays * 24 * 60 * 60_000;
  const started = Date.parse(campaign.startedAt ?? campaign.audienceFrozenAt ?? campaign.createdAt);
  const treatment = conversionStats(
    withStatus('sent').map((s) => ({
      customerId: s.customerId,
      from: Date.parse(s.sentAt ?? s.updatedAt),
    })),
    ordersByCustomer,
    windowMs,
  );
  const holdout = conversionStats(
    withStatus('held_out').map((s) => ({ customerId: s.customerId, from: started })),
    ordersByCustomer,
    windowMs,
  );
  const rateGap = treatment.conversionRate - holdout.conversionRate;
  const revenueGap = treatment.revenuePerRecipient - holdout.revenuePerRecipient;
  return {
    audience: sends.length,
    eligible: sends.length - withStatus('ineligible').length - withStatus('suppressed').length,
    heldOut: holdout.recipients,
    postponed: {
      total: postponed.length,
      frequencyCap: postponed.filter((s) => s.reason === 'frequency-cap').length,
      quietHours: postponed.filter((s) => s.reason === 'quiet-hours').length,
    },
    sent: treatment.recipients,
    failed: withStatus('failed').length,
    unknown: withStatus('unknown').length,
    delivered: counts.delivery,
    bounced: counts.bounce,
    complained: counts.complaint,
    opened: counts.open,
    clicked: counts.click,
    unsubscribed: counts.unsubscribe,
    attributionWindowDays,
    treatment,
    holdout,
    uplift: {
      conversionRatePoints: rateGap * 100,
      relativeConversion: holdout.conversionRate > 0 ? rateGap / holdout.conversionRate : undefined,
      revenuePerRecipient: revenueGap,
      incrementalConversions: rateGap * treatment.recipients,
      incrementalRevenue: revenueGap * treatment.recipients,
    },
  };
};
