import type { Campaign } from './campaign';

export interface SegmentEntry {
  customerId: string;
  segmentId: string;
  /** ISO-8601 instant the customer entered the segment. */
  enteredAt: string;
}

export interface TriggeredRecipient extends SegmentEntry {
  /**
   * campaign + customer + entry time: the identity of this one send. A customer who leaves and
   * re-enters is mailed again; the same entry reported twice is not.
   */
  dedupeKey: string;
}

/**
 * Picks who a triggered campaign mails for a batch of segment entries: entries into one of its
 * segments, while it is live (`sending`), once per customer per entry, skipping keys already
 * handled. A segment both included and
 * excluded never triggers.
 */
export const selectTriggeredRecipients = ({
  campaign,
  entered,
  alreadyTriggered = new Set<string>(),
}: {
  campaign: Campaign;
  entered: readonly SegmentEntry[];
  alreadyTriggered?: ReadonlySet<string>;
}): TriggeredRecipient[] => {
  if (campaign.kind !== 'triggered' || campaign.status !== 'sending') return [];
  const excluded = new Set(campaign.audience.excludedSegmentIds);
  const triggering = new Set(campaign.audience.segmentIds.filter((id) => !excluded.has(id)));
  const seen = new Set(alreadyTriggered);
  const selected: TriggeredRecipient[] = [];
  for (const entry of entered) {
    if (!triggering.has(entry.segmentId)) continue;
    const at = new Date(entry.enteredAt);
    if (Number.isNaN(at.getTime())) continue;
    const dedupeKey = `${campaign.campaignId}#${entry.customerId}#${at.toISOString()}`;
    if (seen.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    selected.push({ ...entry, enteredAt: at.toISOString(), dedupeKey });
  }
  return selected;
};
