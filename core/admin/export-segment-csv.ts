import { createHash } from 'node:crypto';
import type { SegmentStore } from '../ports/segment-store';
import { csvLine, textCell } from '../shared/csv-cell';
import { listSegmentMembers } from './list-segment-members';

/**
 * Ad platforms (Google Customer Match, Meta custom audiences) match on the SHA-256 of the
 * trimmed, lower-cased address, which is how Shoal already stores e-mails.
 */
export const hashEmailForAudience = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/**
 * A segment's members as CSV for a spreadsheet or an ad platform, every text cell formula-safe.
 * With `hashEmails` the plain address is replaced by its SHA-256, so the file can leave the
 * company without carrying addresses.
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
            ? hashEmailForAudience(member.email)
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
