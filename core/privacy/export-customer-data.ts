import type { CampaignSend } from '../campaigns/campaign-send';
import type { DeliveryEventRecord } from '../campaigns/delivery-event';
import { suppressionKey } from '../campaigns/email-address';
import type { SuppressionReason } from '../campaigns/suppression';
import type { CustomerEvent } from '../customers/customer-event';
import type { CustomerProfile } from '../customers/customer-profile';
import type { Order } from '../customers/order';
import type { CampaignStore } from '../ports/campaign-store';
import type { CustomerStore } from '../ports/customer-store';
import type { ObjectStore } from '../ports/object-store';
import type { SegmentStore } from '../ports/segment-store';
import type { CustomerSegments } from '../segmentation-runs/segmentation-run';
import type { Clock } from '../shared/clock';
import { findCustomerData } from './find-customer-data';
import { listImportReportCsvKeys, splitReport } from './import-report-mentions';

/** Everything Shoal holds about one person, as plain JSON-able data (a subject access request). */
export interface CustomerDataExport {
  customerId: string;
  exportedAt: string;
  /** Absent when only traces remain, e.g. memberships of a run written during an erasure. */
  profile?: CustomerProfile;
  orders: Order[];
  events: CustomerEvent[];
  segments: {
    /** The summary in the run readers follow now, with memberships and their reasons. */
    current?: CustomerSegments;
    /** Every kept run's summary, newest first (the current one included). */
    history: CustomerSegments[];
  };
  campaigns: { sends: CampaignSend[]; deliveryEvents: DeliveryEventRecord[] };
  /** Each known address and whether it may be mailed. */
  suppressions: { email: string; suppressed: boolean; reason?: SuppressionReason }[];
  /** Rows of import reports (rejected rows, warnings) that name the person, by report file. */
  importReportRows: { report: string; row: Record<string, string> }[];
}

/**
 * Collects everything held about a person.
 * 1. Gather what is stored under the id (NotFoundError when nothing is), as erasure does.
 * 2. Add the delivery events of their messages, the current run and each address's suppression.
 * 3. Read every import report for rows that name their addresses or ids.
 */
export const exportCustomerData = async ({
  customerId,
  customers,
  segments,
  campaigns,
  objects,
  clock,
}: {
  customerId: string;
  customers: Pick<CustomerStore, 'getCustomer'>;
  segments: Pick<SegmentStore, 'listCustomerSegmentHistory' | 'getCurrentRunId'>;
  campaigns: Pick<CampaignStore, 'listCustomerSends' | 'listDeliveryEvents' | 'getSuppressions'>;
  objects: Pick<ObjectStore, 'list' | 'readText'>;
  clock: Clock;
}): Promise<CustomerDataExport> => {
  const data = await findCustomerData({ customerId, customers, segments, campaigns });
  const messageIds = data.sends.flatMap((send) => (send.messageId ? [send.messageId] : []));
  const [deliveryEvents, currentRunId, suppressions, importReportRows] = await Promise.all([
    campaigns.listDeliveryEvents(messageIds),
    segments.getCurrentRunId(),
    campaigns.getSuppressions(data.emails.map(suppressionKey)),
    reportRowsNaming({ objects, identifiers: [customerId, ...data.externalIds, ...data.emails] }),
  ]);
  const current = data.segmentHistory.find((summary) => summary.runId === currentRunId);
  return {
    customerId,
    exportedAt: clock().toISOString(),
    ...(data.record ? { profile: data.record.profile } : {}),
    orders: data.record?.orders ?? [],
    events: data.record?.events ?? [],
    segments: { ...(current ? { current } : {}), history: data.segmentHistory },
    campaigns: { sends: data.sends, deliveryEvents },
    suppressions: data.emails.map((email) => {
      const reason = suppressions.get(suppressionKey(email));
      return { email, suppressed: reason !== undefined, ...(reason ? { reason } : {}) };
    }),
    importReportRows,
  };
};

const reportRowsNaming = async ({
  objects,
  identifiers,
}: {
  objects: Pick<ObjectStore, 'list' | 'readText'>;
  identifiers: string[];
}): Promise<CustomerDataExport['importReportRows']> => {
  const rows: CustomerDataExport['importReportRows'] = [];
  for (const key of await listImportReportCsvKeys({ objects })) {
    const text = await objects.readText(key);
    if (text === undefined) continue;
    const { header, mentioning } = splitReport({ key, text, identifiers });
    for (const values of mentioning) {
      rows.push({
        report: key,
        row: Object.fromEntries(header.map((name, i) => [name, values[i] ?? ''])),
      });
    }
  }
  return rows;
};
