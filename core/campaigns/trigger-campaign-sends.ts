import type { CampaignStore } from '../ports/campaign-store';
import type { CampaignWorkQueue } from '../ports/campaign-work-queue';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import type { Clock } from '../shared/clock';
import { SEND_BATCH_SIZE, type QueuedCampaignWork, WATCH_INTERVAL_MS } from './campaign-work-item';
import { suppressionKey } from './email-address';
import type { EligibilityPolicy } from './eligibility-policy';
import { outboxRecord } from './freeze-campaign-audience';
import { loadCandidatesOf } from './load-recipient-candidates';
import { type SegmentEntry, selectTriggeredRecipients } from './select-triggered-recipients';

export type TriggerCampaignSendsResult =
  { outcome: 'stopped'; status?: string } | { outcome: 'watching'; runId?: string; queued: number };

/**
 * One look of a live triggered campaign at the segmentation runs: customers who entered one of
 * its segments in a run completed since the last look are mailed once per entry.
 * 1. Load the campaign: the watch stops when it is gone, cancelled or sent; while it is paused
 *    (or still scheduled) it keeps watching but mails nobody and leaves the run unhandled.
 * 2. A first look only notes the current run: going live mails entrants from then on.
 * 3. For a new run, entries are members of the campaign's segments whose membership began with
 *    it; selectTriggeredRecipients keeps those of segments that trigger.
 * 4. Each entry gets an outbox record named by customer and entry instant (suppression and
 *    consent checked, holdout applied) unless it has one: the same run seen twice (a duplicate
 *    or concurrent watch) adds nothing, while a customer who left and entered again in a later
 *    run has a new entry and is mailed again. New pending records are queued as send items.
 * 5. The watch is queued again for the next look.
 */
export const triggerCampaignSends = async ({
  campaignId,
  lastRunId,
  segments,
  customers,
  policy,
  store,
  queue,
  clock,
}: {
  campaignId: string;
  lastRunId: string | undefined;
  segments: SegmentStore;
  customers: CustomerStore;
  policy: EligibilityPolicy;
  store: CampaignStore;
  queue: CampaignWorkQueue;
  clock: Clock;
}): Promise<TriggerCampaignSendsResult> => {
  const campaign = await store.getCampaign(campaignId);
  if (!campaign || !['sending', 'paused', 'scheduled'].includes(campaign.status)) {
    return { outcome: 'stopped', status: campaign?.status };
  }
  const now = clock();
  const watchAgain = async (runId: string | undefined, work: QueuedCampaignWork[] = []) => {
    await queue.enqueue([
      ...work,
      {
        item: { kind: 'watch', campaignId, ...(runId && { runId }) },
        notBefore: new Date(now.getTime() + WATCH_INTERVAL_MS).toISOString(),
      },
    ]);
    return { outcome: 'watching' as const, runId, queued: work.length };
  };
  const runId = await segments.getCurrentRunId();
  if (campaign.status !== 'sending' || !runId || runId === lastRunId) return watchAgain(lastRunId);
  if (lastRunId === undefined) return watchAgain(runId);
  const run = await segments.getRun(runId);
  if (!run) return watchAgain(lastRunId);

  const memberIds = new Set<string>();
  for (const segmentId of campaign.audience.segmentIds) {
    for (const id of await segments.listMemberIds(runId, segmentId)) memberIds.add(id);
  }
  const entered: SegmentEntry[] = [];
  const ids = [...memberIds];
  for (let i = 0; i < ids.length; i += SEND_BATCH_SIZE) {
    const summaries = await segments.getCustomerSegments(runId, ids.slice(i, i + SEND_BATCH_SIZE));
    for (const summary of summaries.values()) {
      for (const membership of summary.memberships) {
        if (membership.since !== run.asOf) continue;
        entered.push({
          customerId: summary.customerId,
          segmentId: membership.segmentId,
          enteredAt: new Date(`${run.asOf}T00:00:00Z`).toISOString(),
        });
      }
    }
  }
  const selected = selectTriggeredRecipients({ campaign, entered });
  const excluded = new Set(campaign.audience.excludedSegmentIds);
  // An excluded segment vetoes the entry, as it does a broadcast's audience.
  const recipients = new Map(
    (
      await loadCandidatesOf({
        runId,
        customerIds: [...new Set(selected.map((s) => s.customerId))],
        segments,
        customers,
      })
    )
      .filter((candidate) => !candidate.segmentIds.some((s) => excluded.has(s)))
      .map((candidate) => [candidate.customerId, candidate]),
  );
  const hashes = [...recipients.values()].flatMap((r) =>
    r.profile.email ? [suppressionKey(r.profile.email)] : [],
  );
  const suppressions = await store.getSuppressions(hashes);
  const pending: string[] = [];
  for (const { customerId, enteredAt, outboxId } of selected) {
    const recipient = recipients.get(customerId);
    if (!recipient) continue;
    const record = {
      ...outboxRecord({ campaign, recipient, policy, suppressions, now }),
      entry: enteredAt,
    };
    if ((await store.createSendIfAbsent(record)) && record.status === 'pending') {
      pending.push(outboxId);
    }
  }
  const work: QueuedCampaignWork[] = [];
  for (let i = 0; i < pending.length; i += SEND_BATCH_SIZE) {
    work.push({
      item: { kind: 'send', campaignId, outboxIds: pending.slice(i, i + SEND_BATCH_SIZE) },
    });
  }
  return watchAgain(runId, work);
};
