import type { Clock } from '../shared/clock';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import type { CampaignWorkQueue } from '../ports/campaign-work-queue';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import { transitionCampaignStatus } from './campaign-status-transition';
import { SEND_BATCH_SIZE, type QueuedCampaignWork } from './campaign-work-item';
import { completeCampaignIfDone, OPEN_SEND_STATUSES } from './complete-campaign';
import type { EligibilityPolicy } from './eligibility-policy';
import { type FreezeAudiencePageResult, freezeAudiencePage } from './freeze-audience-page';
import { type FreezeSummary, freezeCampaignAudience } from './freeze-campaign-audience';
import { outboxIdOf } from './outbox-id';

export type DispatchCampaignResult =
  | { outcome: 'freezing'; firstPage: FreezeAudiencePageResult; requeued: number }
  | { outcome: 'dispatched'; frozen: FreezeSummary; batches: number }
  | { outcome: 'not-due'; notBefore: string }
  | { outcome: 'skipped'; status: string };

/**
 * Turns a due campaign into send work: the fan-out that keeps a million recipients from being
 * bound by one Lambda's 15 minutes.
 * 1. Load the campaign. Drafts, paused, sent and cancelled campaigns are skipped; a scheduled one
 *    that is not due yet is queued again for its time (it was rescheduled, or delivered early).
 * 2. A broadcast whose audience is not frozen goes `sending` (so senders take its slices while
 *    later pages are still freezing) and freezes its first page from the current run; each page
 *    queues its slices and the next page (freezeAudiencePage). Dispatched again meanwhile, the
 *    first page finds itself frozen and the records frozen so far are queued again.
 * 3. A triggered campaign freezes an empty audience, goes live and starts its watch: recipients
 *    are added as they enter its segments (triggerCampaignSends).
 * 4. A frozen campaign (dispatched again, e.g. on resume) has its open records (pending,
 *    postponed, sending) queued as send items of SEND_BATCH_SIZE, the last one marked to start
 *    the completion checks. Senders claim each record before mailing it, so dispatching twice
 *    duplicates work, never e-mail. A broadcast with nobody to mail is completed at once.
 */
export const dispatchCampaign = async ({
  campaignId,
  segments,
  customers,
  policy,
  store,
  queue,
  clock,
  pageSize,
}: {
  campaignId: string;
  segments: SegmentStore;
  customers: CustomerStore;
  policy: EligibilityPolicy;
  store: CampaignStore;
  queue: CampaignWorkQueue;
  clock: Clock;
  /** Members per freeze page; FREEZE_PAGE_SIZE unless a test wants many pages. */
  pageSize?: number;
}): Promise<DispatchCampaignResult> => {
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`campaign ${campaignId} not found`, { campaignId });
  if (campaign.status !== 'scheduled' && campaign.status !== 'sending') {
    return { outcome: 'skipped', status: campaign.status };
  }
  const now = clock();
  if (
    campaign.status === 'scheduled' &&
    campaign.scheduledAt &&
    Date.parse(campaign.scheduledAt) > now.getTime()
  ) {
    await queue.enqueue([
      { item: { kind: 'dispatch', campaignId }, notBefore: campaign.scheduledAt },
    ]);
    return { outcome: 'not-due', notBefore: campaign.scheduledAt };
  }
  const triggered = campaign.kind === 'triggered';
  if (!triggered && !campaign.audienceFrozenAt) {
    const runId = await segments.getCurrentRunId();
    if (!runId) throw new ConflictError('there is no complete segmentation run yet');
    await goLive({ campaignId, store, clock });
    const firstPage = await freezeAudiencePage({
      item: { kind: 'freeze', campaignId, runId, page: 0, segment: 0 },
      segments,
      customers,
      policy,
      store,
      queue,
      clock,
      pageSize,
    });
    // Dispatched again while later pages freeze (resumed after a pause, whose senders dropped
    // their slices): the records frozen so far are queued again; the last page's own slice
    // still starts the completion checks.
    const requeued =
      firstPage.outcome === 'already-frozen'
        ? await queueOpenRecords({ campaignId, store, queue, markLast: false })
        : 0;
    return { outcome: 'freezing', firstPage, requeued };
  }
  const frozen = await freezeCampaignAudience({ campaignId, candidates: [], policy, store, clock });
  // The watch starts with the move to `sending`, so there is one per campaign however often
  // it is dispatched.
  if (triggered && (await goLive({ campaignId, store, clock }))) {
    await queue.enqueue([{ item: { kind: 'watch', campaignId } }]);
  }

  const batches = await queueOpenRecords({ campaignId, store, queue, markLast: !triggered });
  if (batches === 0 && !triggered) {
    // Nobody to mail (all held out, suppressed or already sent): no slice will finish it.
    await goLive({ campaignId, store, clock });
    await completeCampaignIfDone({ campaignId, store, clock });
  }
  return { outcome: 'dispatched', frozen, batches };
};

/** Queues the open records as send items, the last one marked when `markLast`; how many items. */
const queueOpenRecords = async ({
  campaignId,
  store,
  queue,
  markLast,
}: {
  campaignId: string;
  store: CampaignStore;
  queue: CampaignWorkQueue;
  markLast: boolean;
}): Promise<number> => {
  const open = await store.listSends(campaignId, { statuses: [...OPEN_SEND_STATUSES] });
  const work: QueuedCampaignWork[] = [];
  for (let i = 0; i < open.length; i += SEND_BATCH_SIZE) {
    const outboxIds = open.slice(i, i + SEND_BATCH_SIZE).map(outboxIdOf);
    const last = markLast && i + SEND_BATCH_SIZE >= open.length;
    work.push({ item: { kind: 'send', campaignId, outboxIds, ...(last && { last }) } });
  }
  await queue.enqueue(work);
  return work.length;
};

/**
 * A triggered campaign is live while `sending`; true when this call made it so. A lost race
 * means someone else moved it.
 */
const goLive = async ({
  campaignId,
  store,
  clock,
}: {
  campaignId: string;
  store: CampaignStore;
  clock: Clock;
}): Promise<boolean> => {
  const campaign = await store.getCampaign(campaignId);
  if (campaign?.status !== 'scheduled') return false;
  try {
    await store.putCampaign(
      transitionCampaignStatus({ campaign, to: 'sending', at: clock() }),
      campaign.version,
    );
    return true;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return false;
  }
};
