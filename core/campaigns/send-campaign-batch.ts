import type { CampaignWorkQueue } from '../ports/campaign-work-queue';
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
 * 2. When recipients of the slice are still open (daily quota used up, throttling that outlasted
 *    the backoff, postponed by a cap or quiet hours, claimed by a live invocation, campaign not
 *    yet due), queue the same slice again not before `resumeAfter`. Paused and cancelled
 *    campaigns stop; resuming one dispatches its open recipients again.
 */
export const sendCampaignBatch = async ({
  queue,
  ...send
}: Parameters<typeof sendCampaign>[0] & {
  campaignId: string;
  customerIds: string[];
  queue: CampaignWorkQueue;
}): Promise<SendCampaignBatchResult> => {
  const result = await sendCampaign(send);
  if (!resumable.has(result.status) || !result.resumeAfter) return result;
  await queue.enqueue([
    {
      item: { kind: 'send', campaignId: send.campaignId, customerIds: send.customerIds },
      notBefore: result.resumeAfter,
    },
  ]);
  return { ...result, requeuedFor: result.resumeAfter };
};
