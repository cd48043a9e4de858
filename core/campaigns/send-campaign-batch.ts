import type { CampaignWorkQueue } from '../ports/campaign-work-queue';
import { checkCampaignCompletion } from './check-campaign-completion';
import { type SendCampaignResult, type SendCampaignStatus, sendCampaign } from './send-campaign';

/** Outcomes after which the slice still has recipients to mail later. */
const resumable: ReadonlySet<SendCampaignStatus> = new Set([
  'quota-exhausted',
  'throttled',
  'in-progress',
  'not-due',
]);

export type SendCampaignBatchResult = SendCampaignResult & {
  /** When the slice was queued again, because recipients of it are still open. */
  requeuedFor?: string;
};

/**
 * Mails one send item of a campaign and queues the rest of it for later, so nothing waits inside
 * a Lambda and nobody is lost.
 * 1. Send the slice with `sendCampaign`: exactly once per recipient, paced, reconciling crashes.
 * 2. The last slice dispatched, once its own part is done, checks whether the whole campaign is
 *    (and keeps checking while stragglers remain): the other slices never read the whole outbox.
 *    Its part is also done when the only open records are claimed by another live invocation (a
 *    duplicate delivery of the same slice): that invocation finishes them within its run, so
 *    waiting out its claim's lease would only leave the campaign `sending` for that long.
 * 3. When recipients of the slice are still open (daily quota used up, throttling that outlasted
 *    the backoff, postponed by a cap or quiet hours, claimed by a live invocation, campaign not
 *    yet due), queue the same slice again not before `resumeAfter`. Paused and cancelled
 *    campaigns stop; resuming one dispatches its open recipients again.
 */
export const sendCampaignBatch = async ({
  queue,
  last,
  ...send
}: Omit<Parameters<typeof sendCampaign>[0], 'completeWhenDone'> & {
  campaignId: string;
  outboxIds: string[];
  /** The last slice dispatched: when it is done, it checks whether the campaign is. */
  last?: true;
  queue: CampaignWorkQueue;
}): Promise<SendCampaignBatchResult> => {
  const result = await sendCampaign({ ...send, completeWhenDone: false });
  const { campaignId, outboxIds, store, clock } = send;
  const ownPartDone =
    result.status === 'completed' ||
    (result.status === 'in-progress' && result.postponed.length === 0);
  if (ownPartDone && last) {
    await checkCampaignCompletion({ campaignId, store, queue, clock });
  }
  if (!resumable.has(result.status) || !result.resumeAfter) return result;
  await queue.enqueue([
    {
      item: { kind: 'send', campaignId, outboxIds, ...(last && { last }) },
      notBefore: result.resumeAfter,
    },
  ]);
  return { ...result, requeuedFor: result.resumeAfter };
};
