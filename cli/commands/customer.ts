import { Command } from 'commander';
import type { CustomerEvent } from '../../core/customers/customer-event';
import type { CustomerProfile } from '../../core/customers/customer-profile';
import type { Order } from '../../core/customers/order';
import type { CustomerSegments } from '../../core/segmentation-runs/segmentation-run';
import { apiClientFor, type ApiTargetOptions, withApiTarget } from '../api-target-option';
import { formatCount, formatMoney } from '../format-numbers';
import { formatTable } from '../format-table';
import { printJson } from '../print-json';
import { readShopConfig } from '../shop-config';

/** `GET /v1/customers/{customerId}`. */
export interface CustomerDetail {
  profile: CustomerProfile;
  segments?: CustomerSegments;
  orders: Order[];
  events: CustomerEvent[];
}

const fullName = (profile: CustomerProfile): string =>
  [profile.firstName, profile.lastName].filter(Boolean).join(' ');

const identityLines = (profile: CustomerProfile): string[] => {
  const place = [profile.city, profile.country].filter(Boolean).join(', ');
  return [
    [`Customer ${profile.customerId}`, fullName(profile), profile.emailDisplay ?? profile.email]
      .filter(Boolean)
      .join('  '),
    ...(place ? [`  ${place}`] : []),
    `  consent: ${profile.consent?.state ?? 'unknown'}`,
  ];
};

const scoreLines = ({
  segments,
  currency,
}: {
  segments: CustomerSegments;
  currency: string;
}): string[] => {
  const { rfm, features } = segments;
  return [
    `Run ${segments.runId} (as of ${segments.asOf})`,
    `  RFM        ${rfm ? `R${rfm.r} F${rfm.f} M${rfm.m}  ${rfm.segmentName}` : 'not scored'}`,
    `  lifecycle  ${segments.lifecycleStage}`,
    ...(segments.cluster ? [`  cluster    ${segments.cluster.name}`] : []),
    `  purchases  ${formatCount(features.frequency)}, ${formatMoney({ amount: features.monetary, currency })}` +
      (features.recencyDays === undefined
        ? ''
        : `, last ${formatCount(features.recencyDays)} days ago`) +
      (features.purchaseSource === 'traits' ? ' (from the export’s purchase traits)' : ''),
  ];
};

const membershipTable = (segments: CustomerSegments): string =>
  formatTable({
    columns: [{ header: 'SEGMENT' }, { header: 'KIND' }, { header: 'SINCE' }, { header: 'WHY' }],
    rows: segments.memberships.map((membership) => [
      membership.segmentName,
      membership.kind,
      membership.since,
      membership.reason.join('; '),
    ]),
  });

/** Who the customer is, how they score in the current run, and why they are in each segment. */
export const formatCustomerDetail = ({
  detail,
  currency,
}: {
  detail: CustomerDetail;
  currency: string;
}): string => {
  const lines = identityLines(detail.profile);
  if (detail.segments === undefined) {
    lines.push('', 'Not segmented yet: run `npx shoal resegment --wait`.');
  } else {
    lines.push('', ...scoreLines({ segments: detail.segments, currency }));
    if (detail.segments.memberships.length > 0) lines.push('', membershipTable(detail.segments));
  }
  lines.push(
    '',
    `On file: ${formatCount(detail.orders.length)} orders, ${formatCount(detail.events.length)} recent events`,
  );
  return lines.join('\n');
};

/** `shoal customer ID`: one customer's profile, scores and segments with reasons. */
export const customerCommand = (): Command =>
  withApiTarget(
    new Command('customer')
      .description(
        'Show a customer: profile, RFM scores, lifecycle stage and segments with reasons',
      )
      .argument('<id>', 'the customer id from the shop’s export (or Shoal’s own id)')
      .option('--json', 'print the API’s JSON'),
  ).action(async (id: string, options: ApiTargetOptions & { json?: boolean }) => {
    const api = await apiClientFor(options);
    const path = `/v1/customers/${encodeURIComponent(id)}`;
    if (options.json) return printJson(await api.request<CustomerDetail>({ path }));
    const [detail, config] = await Promise.all([
      api.request<CustomerDetail>({ path }),
      readShopConfig({ api }),
    ]);
    console.log(formatCustomerDetail({ detail, currency: config.currency }));
  });
