import type { Campaign } from './campaign';
import { outboxIdOf } from './outbox-id';

export interface SegmentEntry {
  customerId: string;
  segmentId: string;
  /** ISO-8601 instant the customer entered the segment. */
  enteredAt: string;
}

export interface TriggeredRecipient extends SegmentEntry {
  /**
   * customer + entry instant: the outbox record of this one send. A customer who leaves and
   * re-enters gets a new one and is mailed again; the same entry reported twice finds the record
   * it already has (the store creates it conditionally) and is not.
   */
  outboxId: string;
}

/**
 * Picks who a triggered campaign mails for a batch of segment entries: entries into one of its
 * segments, while it is live (`sending`), once per customer per entry instant (entering two of
 * its segments at once is one entry). A segment both included and excluded never triggers.
 */
export const selectTriggeredRecipients = ({
  campaign,
  entered,
}: {
  campaign: Campaign;
  entered: readonly SegmentEntry[];
}): TriggeredRecipient[] => {
  if (campaign.kind !== 'triggered' || campaign.status !== 'sending') return [];
  const excluded = new Set(campaign.audience.excludedSegmentIds);
  const triggering = new Set(campaign.audience.segmentIds.filter((id) => !excluded.has(id)));
  const seen = new Set<string>();
  const selected: TriggeredRecipient[] = [];
  for (const entry of entered) {
    if (!triggering.has(entry.segmentId)) continue;
    const at = new Date(entry.enteredAt);
    if (Number.isNaN(at.getTime())) continue;
    const enteredAt = at.toISOString();
    const outboxId = outboxIdOf({ customerId: entry.customerId, entry: enteredAt });
    if (seen.has(outboxId)) continue;
    seen.add(outboxId);
    selected.push({ ...entry, enteredAt, outboxId });
  }
  return selected;
};
