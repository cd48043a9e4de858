import type { Clock } from '../shared/clock';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import type { Mailer, SendResult } from '../ports/mailer';
import type { Campaign } from './campaign';
import type { CampaignSend } from './campaign-send';
import { type CompiledContent, compileCampaignContent } from './campaign-template';
import { transitionCampaignStatus } from './campaign-status-transition';
import { classifyRecipient, type PostponeReason } from './classify-recipient';
import { completeCampaignIfDone, OPEN_SEND_STATUSES } from './complete-campaign';
import { composeCampaignMessage } from './compose-campaign-message';
import type { EligibilityPolicy } from './eligibility-policy';
import { mapWithConcurrency } from '../shared/map-with-concurrency';
import { renderForRecipient } from './render-for-recipient';
import { seededRandom } from '../shared/seeded-random';
import { backoffDelayMs } from './backoff-delay';
import { outboxIdOf } from './outbox-id';
import { sendIdFor } from './send-id';
import type { SenderConfig } from './sender-config';
import type { SuppressionReason } from './suppression';
import { createTokenBucket, type Sleep, type TokenBucket } from './token-bucket';
import type { UnsubscribeKeys } from './unsubscribe-token';

export interface SendLimits {
  /** Retries of one message while SES says `throttled`, before giving the slice back. */
  maxThrottleRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /**
   * A `sending` claim younger than this belongs to a live invocation and is left alone; older
   * ones are reconciled. Longer than a Lambda can run (15 minutes).
   */
  claimLeaseMs: number;
  /** Records per batch: suppressions, send history and the campaign status are re-read per batch. */
  batchSize: number;
  /**
   * Records of a batch in flight at once. Each message costs four round trips (claim, send, map,
   * mark sent); one at a time, their latency rather than the token bucket would set the rate.
   */
  recordConcurrency: number;
  /** When to try again after SES reports the 24-hour quota used up (it frees up gradually). */
  quotaRetryAfterMs: number;
}

export const defaultSendLimits: SendLimits = {
  maxThrottleRetries: 6,
  backoffBaseMs: 250,
  backoffMaxMs: 30_000,
  claimLeaseMs: 16 * 60_000,
  batchSize: 100,
  recordConcurrency: 8,
  quotaRetryAfterMs: 60 * 60_000,
};

export interface SendCampaignConfig {
  sender: SenderConfig;
  policy: EligibilityPolicy;
  unsubscribeKeys: UnsubscribeKeys;
}

export type SendCampaignStatus =
  | 'completed'
  | 'in-progress'
  | 'quota-exhausted'
  | 'throttled'
  | 'not-due'
  | 'paused'
  | 'cancelled';

export interface SendCampaignResult {
  status: SendCampaignStatus;
  /** When to invoke again: quota, throttling, postponed recipients or another invocation's claims. */
  resumeAfter?: string;
  sent: number;
  /** Recipients whose send was found to have happened before a crash. */
  reconciled: number;
  postponed: { customerId: string; reason: PostponeReason; until: string }[];
  /** Recipients found suppressed (or no longer eligible) since the audience was frozen. */
  suppressed: number;
  failed: { customerId: string; reason: string }[];
  /** Sends that may have happened; never retried, reported for a human to look at. */
  unknown: string[];
}

interface Run {
  campaign: Campaign;
  compiled: CompiledContent;
  store: CampaignStore;
  mailer: Mailer;
  clock: Clock;
  sleep: Sleep;
  config: SendCampaignConfig;
  limits: SendLimits;
  outboxIds: string[] | undefined;
  completeWhenDone: boolean;
  bucket: TokenBucket;
  random: () => number;
  /** Messages SES still allows in its rolling 24 hours; Infinity when unlimited. */
  quotaLeft: number;
  result: SendCampaignResult;
}

type Stop = { stop: 'quota-exhausted' | 'throttled' | 'paused' | 'cancelled' };

/**
 * Sends a frozen campaign, or one slice of it, exactly once per recipient.
 * 1. Open the campaign: it must be frozen; a scheduled one becomes `sending`; paused, cancelled
 *    or not yet due campaigns send nothing.
 * 2. Read the SES quota; pace with a token bucket at the maximum send rate.
 * 3. For each open record (pending, due postponed, stale sending), batch by batch and a few
 *    records at a time (the token bucket alone sets the pace):
 *    reconcile stale claims; re-check suppression, frequency cap and quiet hours (postponing
 *    with a reason); claim pending → sending with the deterministic send id; send; record the
 *    MessageId and mark `sent`. A lost claim means another invocation owns the recipient.
 * 4. Throttling backs off with seeded jitter and retries; a daily-quota answer stops the run and
 *    gives the record back as `pending`.
 * 5. When no record is open any more the campaign becomes `sent`.
 */
export const sendCampaign = async ({
  campaignId,
  outboxIds,
  completeWhenDone = true,
  store,
  mailer,
  clock,
  sleep,
  config,
  limits,
}: {
  campaignId: string;
  /** A slice of the outbox (one send item's, see outboxIdOf); the whole campaign when absent. */
  outboxIds?: string[];
  /**
   * Whether to mark the campaign `sent` when nothing is left open in it, which reads its whole
   * outbox: a fan-out turns it off for all slices but the last (completeCampaignIfDone).
   */
  completeWhenDone?: boolean;
  store: CampaignStore;
  mailer: Mailer;
  clock: Clock;
  sleep: Sleep;
  config: SendCampaignConfig;
  limits?: Partial<SendLimits>;
}): Promise<SendCampaignResult> => {
  const result: SendCampaignResult = {
    status: 'completed',
    sent: 0,
    reconciled: 0,
    postponed: [],
    suppressed: 0,
    failed: [],
    unknown: [],
  };
  const opened = await openCampaign({ campaignId, store, clock });
  if ('status' in opened) return { ...result, ...opened };

  const quota = await mailer.getSendQuota();
  const run: Run = {
    campaign: opened.campaign,
    compiled: compileCampaignContent(opened.campaign.content),
    store,
    mailer,
    clock,
    sleep,
    config,
    limits: { ...defaultSendLimits, ...limits },
    outboxIds,
    completeWhenDone,
    bucket: createTokenBucket({
      ratePerSecond: Math.max(quota.maxSendRatePerSecond, 0.1),
      clock,
      sleep,
    }),
    random: seededRandom(`${campaignId}:${clock().toISOString()}`),
    quotaLeft: quota.max24HourSend < 0 ? Infinity : quota.max24HourSend - quota.sentLast24Hours,
    result,
  };
  const open = await store.listSends(campaignId, {
    statuses: ['pending', 'postponed', 'sending'],
    outboxIds,
  });
  for (let i = 0; i < open.length; i += run.limits.batchSize) {
    const stop = await processBatch(run, open.slice(i, i + run.limits.batchSize), i > 0);
    if (stop) return finishStopped(run, stop);
  }
  return finish(run);
};

const openCampaign = async ({
  campaignId,
  store,
  clock,
}: {
  campaignId: string;
  store: CampaignStore;
  clock: Clock;
}): Promise<{ campaign: Campaign } | { status: SendCampaignStatus; resumeAfter?: string }> => {
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`campaign ${campaignId} not found`, { campaignId });
  switch (campaign.status) {
    case 'sending':
      return { campaign };
    case 'paused':
    case 'cancelled':
      return { status: campaign.status };
    case 'sent':
      return { status: 'completed' };
    case 'draft':
      throw new ConflictError(`campaign ${campaignId} is a draft`, { campaignId });
    case 'scheduled': {
      // A sending broadcast may still be freezing later pages; a scheduled one must be frozen.
      if (!campaign.audienceFrozenAt)
        throw new ConflictError(`campaign ${campaignId} has no frozen audience`, { campaignId });
      const now = clock();
      if (campaign.scheduledAt && Date.parse(campaign.scheduledAt) > now.getTime()) {
        return { status: 'not-due', resumeAfter: campaign.scheduledAt };
      }
      try {
        const sending = transitionCampaignStatus({ campaign, to: 'sending', at: now });
        return { campaign: await store.putCampaign(sending, campaign.version) };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // Another invocation started it first; carry on with what it stored.
        return openCampaign({ campaignId, store, clock });
      }
    }
  }
};

const processBatch = async (
  run: Run,
  batch: CampaignSend[],
  recheckStatus: boolean,
): Promise<Stop | undefined> => {
  if (recheckStatus) {
    const current = await run.store.getCampaign(run.campaign.campaignId);
    if (current?.status === 'paused' || current?.status === 'cancelled')
      return { stop: current.status };
  }
  const now = run.clock();
  const hashes = batch.flatMap((s) => (s.emailHash ? [s.emailHash] : []));
  const suppressions = await run.store.getSuppressions(hashes);
  const cap = run.config.policy.frequencyCap;
  const history = cap
    ? await run.store.getRecentSendTimes(
        batch.map((s) => s.customerId),
        new Date(now.getTime() - cap.windowDays * 24 * 60 * 60_000).toISOString(),
      )
    : new Map<string, string[]>();
  let stop: Stop | undefined;
  let failure: { error: unknown } | undefined;
  // Records in flight when one stops the run or fails finish before this returns (a crash must
  // not leave sends running behind the caller's back); no new one starts.
  await mapWithConcurrency(
    batch,
    async (send) => {
      if (stop || failure) return;
      try {
        const outcome = await processRecord(
          run,
          send,
          suppressions,
          history.get(send.customerId) ?? [],
        );
        // Read after the await: another record may have stopped the run meanwhile.
        stop ??= outcome;
      } catch (error) {
        failure ??= { error };
      }
    },
    run.limits.recordConcurrency,
  );
  if (failure) throw failure.error;
  return stop;
};

const processRecord = async (
  run: Run,
  record: CampaignSend,
  suppressions: ReadonlyMap<string, SuppressionReason>,
  recentSendTimes: string[],
): Promise<Stop | undefined> => {
  const now = run.clock();
  let send: CampaignSend | undefined = record;
  if (send.status === 'sending') send = await reconcileStale(run, send);
  if (!send) return undefined;
  if (send.status === 'postponed' && send.notBefore && Date.parse(send.notBefore) > now.getTime()) {
    run.result.postponed.push({
      customerId: send.customerId,
      reason: send.reason as PostponeReason,
      until: send.notBefore,
    });
    return undefined;
  }
  const classification = classifyRecipient({
    candidate: send.recipient,
    policy: run.config.policy,
    quietHours: run.campaign.quietHours,
    defaultTimeZone: run.campaign.defaultTimeZone,
    suppressions,
    recentSendTimes,
    now,
  });
  switch (classification.outcome) {
    case 'ineligible':
    case 'suppressed':
      if (
        await ignoreLostRace(
          run.store.transition(
            send.campaignId,
            outboxIdOf(send),
            send.status,
            classification.outcome,
            { reason: classification.reason },
          ),
        )
      ) {
        run.result.suppressed += 1;
      }
      return undefined;
    case 'postponed': {
      const postponed = await ignoreLostRace(
        run.store.transition(send.campaignId, outboxIdOf(send), send.status, 'postponed', {
          reason: classification.reason,
          notBefore: classification.until,
        }),
      );
      if (!postponed) return undefined;
      run.result.postponed.push({
        customerId: send.customerId,
        reason: classification.reason,
        until: classification.until,
      });
      return undefined;
    }
    case 'eligible':
      return deliver(run, send);
  }
};

/** Returns the record to process further, or undefined when it is settled or owned by a live invocation. */
const reconcileStale = async (run: Run, send: CampaignSend): Promise<CampaignSend | undefined> => {
  const claimedAt = send.claimedAt ? Date.parse(send.claimedAt) : 0;
  if (claimedAt + run.limits.claimLeaseMs > run.clock().getTime()) return undefined;
  const found = await run.store.reconcile(send);
  const { campaignId, customerId, entry } = send;
  const outboxId = outboxIdOf(send);
  switch (found.outcome) {
    case 'sent':
      await run.store.recordMessage(found.messageId, { campaignId, customerId, entry });
      await ignoreLostRace(
        run.store.transition(campaignId, outboxId, 'sending', 'sent', {
          messageId: found.messageId,
          sentAt: found.sentAt ?? send.claimedAt,
        }),
      );
      run.result.reconciled += 1;
      return undefined;
    case 'unknown':
      await ignoreLostRace(
        run.store.transition(campaignId, outboxId, 'sending', 'unknown', {
          reason: 'outcome of an interrupted send could not be established',
        }),
      );
      run.result.unknown.push(customerId);
      return undefined;
    case 'not-sent':
      return ignoreLostRace(run.store.transition(campaignId, outboxId, 'sending', 'pending', {}));
  }
};

const deliver = async (run: Run, send: CampaignSend): Promise<Stop | undefined> => {
  if (run.quotaLeft <= 0) return { stop: 'quota-exhausted' };
  // Reserved before the first await, so records in flight together cannot overdraw the quota.
  run.quotaLeft -= 1;
  const { sent, stop } = await claimAndSend(run, send);
  if (!sent) run.quotaLeft += 1;
  return stop;
};

const claimAndSend = async (
  run: Run,
  send: CampaignSend,
): Promise<{ sent: boolean; stop?: Stop }> => {
  const now = run.clock();
  const { campaignId, customerId, entry } = send;
  const outboxId = outboxIdOf(send);
  const sendId = sendIdFor({ campaignId, customerId, entry });
  const email = send.recipient.profile.email ?? '';
  let raw: Uint8Array;
  try {
    const { rendered, links } = renderForRecipient({
      campaign: run.campaign,
      compiled: run.compiled,
      recipient: send.recipient,
      entry,
      sender: run.config.sender,
      keys: run.config.unsubscribeKeys,
      now,
    });
    raw = await composeCampaignMessage({
      to: email,
      rendered,
      sender: run.config.sender,
      links,
      campaignId,
      sendId,
      date: now,
    });
  } catch (error) {
    const reason = `could not build the message: ${error instanceof Error ? error.message : String(error)}`;
    await ignoreLostRace(
      run.store.transition(campaignId, outboxId, send.status, 'failed', { reason }),
    );
    run.result.failed.push({ customerId, reason });
    return { sent: false };
  }
  const claimed = await ignoreLostRace(
    run.store.transition(campaignId, outboxId, send.status, 'sending', {
      sendId,
      claimedAt: now.toISOString(),
      attempts: send.attempts + 1,
    }),
  );
  if (!claimed) return { sent: false };

  const outcome = await sendWithBackoff(run, { from: run.config.sender.from, to: [email], raw });
  if (outcome.ok) {
    await run.store.recordMessage(outcome.messageId, { campaignId, customerId, entry });
    await run.store.transition(campaignId, outboxId, 'sending', 'sent', {
      messageId: outcome.messageId,
      sentAt: run.clock().toISOString(),
    });
    run.result.sent += 1;
    return { sent: true };
  }
  switch (outcome.failure.kind) {
    case 'rejected':
      await run.store.transition(campaignId, outboxId, 'sending', 'failed', {
        reason: outcome.failure.message,
      });
      run.result.failed.push({ customerId, reason: outcome.failure.message });
      return { sent: false };
    case 'daily-quota-exceeded':
    case 'throttled':
      // SES refused the message, so it was not sent: give it back for the next run.
      await run.store.transition(campaignId, outboxId, 'sending', 'pending', {
        claimedAt: undefined,
      });
      return {
        sent: false,
        stop: { stop: outcome.failure.kind === 'throttled' ? 'throttled' : 'quota-exhausted' },
      };
  }
};

const sendWithBackoff = async (
  run: Run,
  message: Parameters<Mailer['sendRaw']>[0],
): Promise<SendResult> => {
  for (let attempt = 0; ; attempt += 1) {
    await run.bucket.take();
    const outcome = await run.mailer.sendRaw(message);
    if (
      outcome.ok ||
      outcome.failure.kind !== 'throttled' ||
      attempt >= run.limits.maxThrottleRetries
    )
      return outcome;
    await run.sleep(
      backoffDelayMs({
        attempt,
        baseMs: run.limits.backoffBaseMs,
        maxMs: run.limits.backoffMaxMs,
        random: run.random,
      }),
    );
  }
};

/** Another invocation changed the record first: it owns the outcome, so this one moves on. */
const ignoreLostRace = async <T>(write: Promise<T>): Promise<T | undefined> => {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ConflictError) return undefined;
    throw error;
  }
};

const finishStopped = (run: Run, { stop }: Stop): SendCampaignResult => {
  const retryAfterMs =
    stop === 'quota-exhausted' ? run.limits.quotaRetryAfterMs : run.limits.backoffMaxMs;
  const resumeAfter =
    stop === 'paused' || stop === 'cancelled'
      ? undefined
      : new Date(run.clock().getTime() + retryAfterMs).toISOString();
  return { ...run.result, status: stop, resumeAfter };
};

const finish = async (run: Run): Promise<SendCampaignResult> => {
  const { campaignId } = run.campaign;
  const openInSlice = await run.store.listSends(campaignId, {
    statuses: [...OPEN_SEND_STATUSES],
    outboxIds: run.outboxIds,
  });
  if (openInSlice.length === 0) {
    if (run.completeWhenDone) {
      await completeCampaignIfDone({ campaignId, store: run.store, clock: run.clock });
    }
    return { ...run.result, status: 'completed' };
  }
  const nextDue = run.result.postponed.map((p) => p.until).sort()[0];
  const leaseEnd = new Date(run.clock().getTime() + run.limits.claimLeaseMs).toISOString();
  return { ...run.result, status: 'in-progress', resumeAfter: nextDue ?? leaseEnd };
};
