import { csvLine, numberCell, textCell } from '../shared/csv-cell';
import { lifecycleStageNames } from './lifecycle-config';
import type { CustomerSegmentation } from './segment-membership';

export const CUSTOMERS_CSV_HEADER = [
  'customer_id',
  'email',
  'recency_days',
  'frequency',
  'monetary',
  'r_score',
  'f_score',
  'm_score',
  'rfm_segment',
  'lifecycle_stage',
  'cluster',
  'segments',
] as const;

/** One customer's row; customers without orders have empty recency and RFM cells. */
export const customersCsvRow = (customer: CustomerSegmentation): string => {
  const { features, rfm, cluster } = customer;
  return csvLine([
    textCell(customer.customerId),
    textCell(customer.email),
    numberCell(features.recencyDays),
    numberCell(features.frequency),
    numberCell(features.monetary),
    numberCell(rfm?.r),
    numberCell(rfm?.f),
    numberCell(rfm?.m),
    textCell(rfm?.segmentName),
    textCell(lifecycleStageNames[customer.lifecycleStage]),
    textCell(cluster?.name),
    textCell(customer.memberships.map(({ segmentName }) => segmentName).join('|')),
  ]);
};

/** `customers.csv` for `shoal analyze`: a header, then one CRLF-terminated row per customer. */
export const buildCustomersCsv = ({
  customers,
}: {
  customers: Iterable<CustomerSegmentation>;
}): string => {
  const lines = [csvLine(CUSTOMERS_CSV_HEADER)];
  for (const customer of customers) lines.push(customersCsvRow(customer));
  return lines.join('');
};
