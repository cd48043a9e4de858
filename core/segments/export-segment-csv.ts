import { suppressionKey } from '../campaigns/email-address';
import type { SegmentStore } from '../ports/segment-store';
import { csvLine, textCell } from '../shared/csv-cell';
import { listSegmentMembers } from './list-segment-members';

/**
 * A segment's members as CSV for a spreadsheet or an ad platform, every text cell formula-safe.
 * With `hashEmails` the plain address is replaced by the SHA-256 of the trimmed, lower-cased
 * address — what ad platforms (Customer Match, custom audiences) match on, and the same hash the
 * suppression list keys by — so the file can leave the company without carrying addresses.
 */
export const exportSegmentCsv = async ({
  segments,
  segmentId,
  hashEmails,
}: {
  segments: SegmentStore;
  segmentId: string;
  hashEmails: boolean;
}): Promise<string> => {
  const lines = [
    csvLine(['customer_id', hashEmails ? 'email_sha256' : 'email', 'since', 'reason']),
  ];
  let cursor: string | undefined;
  do {
    const page = await listSegmentMembers({ segments, segmentId, limit: 1000, cursor });
    for (const member of page.items) {
      const email =
        member.email === undefined
          ? undefined
          : hashEmails
            ? suppressionKey(member.email)
            : member.email;
      lines.push(
        csvLine([
          textCell(member.customerId),
          textCell(email),
          textCell(member.since),
          textCell(member.reason.join('; ')),
        ]),
      );
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return lines.join('');
};
