import { suppressionKey } from '../campaigns/email-address';
import type { CampaignStore, SendDeletion } from '../ports/campaign-store';
import type { CustomerDeletion, CustomerStore } from '../ports/customer-store';
import type { ObjectStore } from '../ports/object-store';
import type { SegmentStore } from '../ports/segment-store';
import type { Clock } from '../shared/clock';
import { findCustomerData } from './find-customer-data';
import { listImportReportCsvKeys, reportText, splitReport } from './import-report-mentions';

/** What one erasure removed, per store: the API returns it and the log keeps it. */
export interface ErasureSummary {
  customerId: string;
  customers: CustomerDeletion;
  segments: { runs: number; memberships: number };
  campaigns: SendDeletion;
  importReports: { files: number; rows: number };
  /** Addresses now suppressed by hash: as `erased`, or under the earlier reason kept for them. */
  suppressedAddresses: number;
}

/**
 * Erases a person from everything Shoal keeps, leaving only the hash of each of their addresses
 * on the suppression list, so a later import of the same person can never make them mailable:
 * every campaign checks that list when it freezes its audience and again before each send.
 * 1. Gather what is stored under the id (NotFoundError when nothing is) and every address and
 *    external id it names.
 * 2. Suppress each address with reason `erased` first: if a later step fails, the person is
 *    already unmailable while the erasure is retried.
 * 3. Delete their outbox records with the MessageId map entries and delivery events of their
 *    messages (the send history frequency caps read is those records).
 * 4. Delete their summary and memberships in every kept run.
 * 5. Rewrite the import report CSVs without the rows that name them; summaries keep their
 *    counts, which are aggregates.
 * 6. Delete orders, events, identity aliases and the profile, the profile last, so an erasure cut
 *    short still finds the person when retried. Every step is idempotent.
 */
export const eraseCustomer = async ({
  customerId,
  customers,
  segments,
  campaigns,
  objects,
  clock,
}: {
  customerId: string;
  customers: Pick<CustomerStore, 'getCustomer' | 'findIdentities' | 'deleteCustomer'>;
  segments: Pick<SegmentStore, 'listCustomerSegmentHistory' | 'deleteCustomerSegments'>;
  campaigns: Pick<CampaignStore, 'listCustomerSends' | 'addSuppression' | 'deleteSends'>;
  objects: Pick<ObjectStore, 'list' | 'readText' | 'write'>;
  clock: Clock;
}): Promise<ErasureSummary> => {
  const data = await findCustomerData({ customerId, customers, segments, campaigns });
  const { byEmail } = await customers.findIdentities({ externalIds: [], emails: data.emails });
  // An address whose alias now belongs to someone else is theirs too; suppressing it would stop
  // mail to a person who asked for nothing.
  const ownAddresses = data.emails.filter(
    (email) => (byEmail.get(email) ?? customerId) === customerId,
  );
  const at = clock().toISOString();
  for (const email of ownAddresses) {
    await campaigns.addSuppression({ emailHash: suppressionKey(email), reason: 'erased', at });
  }

  const sendDeletion = await campaigns.deleteSends(data.sends);
  await segments.deleteCustomerSegments(data.segmentHistory);
  const importReports = await scrubImportReports({
    objects,
    identifiers: [customerId, ...data.externalIds, ...data.emails],
  });
  const customerDeletion = await customers.deleteCustomer(customerId, {
    externalIds: data.externalIds,
    emails: data.emails,
  });
  return {
    customerId,
    customers: customerDeletion,
    segments: {
      runs: data.segmentHistory.length,
      memberships: data.segmentHistory.reduce((sum, run) => sum + run.memberships.length, 0),
    },
    campaigns: sendDeletion,
    importReports,
    suppressedAddresses: ownAddresses.length,
  };
};

/** Rewrites only the reports that name the person, so the others keep their bytes and versions. */
const scrubImportReports = async ({
  objects,
  identifiers,
}: {
  objects: Pick<ObjectStore, 'list' | 'readText' | 'write'>;
  identifiers: string[];
}): Promise<{ files: number; rows: number }> => {
  const scrubbed = { files: 0, rows: 0 };
  for (const key of await listImportReportCsvKeys({ objects })) {
    const text = await objects.readText(key);
    if (text === undefined) continue;
    const split = splitReport({ key, text, identifiers });
    if (split.mentioning.length === 0) continue;
    await objects.write(key, reportText(split), 'text/csv; charset=utf-8');
    scrubbed.files += 1;
    scrubbed.rows += split.mentioning.length;
  }
  return scrubbed;
};
