import { mapWithConcurrency } from '../shared/map-with-concurrency';
import type { Clock } from '../shared/clock';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import type { Campaign } from './campaign';
import type { CampaignSend } from './campaign-send';
import { classifyRecipient } from './classify-recipient';
import { suppressionKey } from './email-address';
import type { EligibilityPolicy } from './eligibility-policy';
import { isHeldOut } from './holdout';
import type { RecipientCandidate } from './recipient-candidate';
import { resolveAudience } from './resolve-audience';
import type { SuppressionReason } from './suppression';

export interface FreezeSummary {
  audience: number;
  pending: number;
  heldOut: number;
  suppressed: number;
  ineligible: number;
}

/**
 * Turns a list of candidates into the campaign's fixed recipient list in one call: for audiences
 * that fit one invocation (tests, small shops). A broadcast's dispatch freezes page by page
 * instead (freezeAudiencePage), which classifies and writes records the same way.
 * 1. Load the scheduled campaign; a campaign already frozen returns its stored counts untouched.
 * 2. Resolve the audience (included segments minus excluded ones).
 * 3. Classify each recipient on what does not depend on the send time (address, consent,
 *    suppression); frequency caps and quiet hours are checked when sending.
 * 4. Hold back the holdout share among the eligible only, so control and treatment are alike.
 * 5. Create one outbox record per recipient with a conditional write (a bounded number in
 *    flight), so a retried freeze adds nothing twice, then stamp the campaign as frozen.
 */
export const freezeCampaignAudience = async ({
  campaignId,
  candidates,
  policy,
  store,
  clock,
}: {
  campaignId: string;
  candidates: Iterable<RecipientCandidate>;
  policy: EligibilityPolicy;
  store: CampaignStore;
  clock: Clock;
}): Promise<FreezeSummary> => {
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`campaign ${campaignId} not found`, { campaignId });
  if (campaign.audienceFrozenAt) return summarise(await store.countSends(campaignId));
  if (campaign.status !== 'scheduled') {
    throw new ConflictError(`campaign ${campaignId} is ${campaign.status}, not scheduled`, {
      campaignId,
    });
  }
  const now = clock();
  const recipients = resolveAudience({ audience: campaign.audience, candidates });
  const hashes = recipients.flatMap((r) =>
    r.profile.email ? [suppressionKey(r.profile.email)] : [],
  );
  const suppressions = await store.getSuppressions(hashes);

  await createOutboxRecords({
    records: recipients.map((recipient) =>
      outboxRecord({ campaign, recipient, policy, suppressions, now }),
    ),
    store,
  });
  const counts = await store.countSends(campaignId);
  const frozen: Campaign = {
    ...campaign,
    audienceFrozenAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await store.putCampaign(frozen, campaign.version);
  return summarise(counts);
};

/** Conditional writes in flight while freezing: DynamoDB takes them in parallel, one Lambda's sockets allow it. */
const OUTBOX_WRITES_IN_FLIGHT = 32;

/**
 * Writes each record unless it exists, a bounded number at a time; for each, whether this call
 * created it.
 */
export const createOutboxRecords = ({
  records,
  store,
}: {
  records: readonly CampaignSend[];
  store: CampaignStore;
}): Promise<boolean[]> =>
  mapWithConcurrency(
    records,
    (record) => store.createSendIfAbsent(record),
    OUTBOX_WRITES_IN_FLIGHT,
  );

/** The outbox record of one recipient: classified on consent and suppression, or held out. */
export const outboxRecord = ({
  campaign,
  recipient,
  policy,
  suppressions,
  now,
}: {
  campaign: Campaign;
  recipient: RecipientCandidate;
  policy: EligibilityPolicy;
  suppressions: ReadonlyMap<string, SuppressionReason>;
  now: Date;
}): CampaignSend => {
  const classification = classifyRecipient({
    candidate: recipient,
    policy: { consent: policy.consent },
    defaultTimeZone: campaign.defaultTimeZone,
    suppressions,
    recentSendTimes: [],
    now,
  });
  const base = {
    campaignId: campaign.campaignId,
    customerId: recipient.customerId,
    recipient,
    emailHash: recipient.profile.email ? suppressionKey(recipient.profile.email) : undefined,
    attempts: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  if (classification.outcome === 'ineligible' || classification.outcome === 'suppressed') {
    return { ...base, status: classification.outcome, reason: classification.reason };
  }
  const heldOut = isHeldOut({
    campaignId: campaign.campaignId,
    customerId: recipient.customerId,
    holdoutPercent: campaign.holdoutPercent,
  });
  return { ...base, status: heldOut ? 'held_out' : 'pending' };
};

const summarise = (counts: Partial<Record<CampaignSend['status'], number>>): FreezeSummary => {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  return {
    audience: total,
    pending: total - (counts.held_out ?? 0) - (counts.suppressed ?? 0) - (counts.ineligible ?? 0),
    heldOut: counts.held_out ?? 0,
    suppressed: counts.suppressed ?? 0,
    ineligible: counts.ineligible ?? 0,
  };
};
