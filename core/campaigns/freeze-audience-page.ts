import type { Clock } from '../shared/clock';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import type { CampaignWorkQueue } from '../ports/campaign-work-queue';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import type { Campaign } from './campaign';
import { type CampaignWorkItem, FREEZE_PAGE_SIZE, SEND_BATCH_SIZE } from './campaign-work-item';
import { checkCampaignCompletion } from './check-campaign-completion';
import { OPEN_SEND_STATUSES } from './complete-campaign';
import { suppressionKey } from './email-address';
import type { EligibilityPolicy } from './eligibility-policy';
import { createOutboxRecords, type FreezeSummary, outboxRecord } from './freeze-campaign-audience';
import { loadCandidatesOf } from './load-recipient-candidates';
import { outboxIdOf } from './outbox-id';
import { resolveAudience } from './resolve-audience';

export type FreezeItem = Extract<CampaignWorkItem, { kind: 'freeze' }>;

export type FreezeAudiencePageResult =
  | { outcome: 'stopped'; status?: string }
  | { outcome: 'already-frozen' }
  | { outcome: 'frozen'; frozen: FreezeSummary; batches: number; last: boolean };

/**
 * Freezes one page of a sending broadcast's audience and fans it out; the freeze of a million
 * recipients is a chain of these, each a bounded piece of work inside one Lambda's 15 minutes.
 * 1. Load the campaign: a cancelled or sent one stops the chain; a page at or behind the pages
 *    already frozen is a late duplicate and does nothing.
 * 2. Read up to `pageSize` members of one audience segment of the run at the item's cursor. A
 *    customer also in an earlier segment of the audience was that segment's to freeze.
 * 3. Resolve, classify and hold out as a whole-audience freeze does; write the records with
 *    bounded-concurrency conditional writes, so a retried or duplicated page adds nothing twice.
 * 4. Queue send items for the page's open records: those this call created and, when a retry
 *    finds records an earlier attempt created, those of them still open (senders claim each
 *    record, so a slice queued twice mails nobody twice). Queue the next page with them.
 * 5. The last page stamps the audience frozen before queuing its slices, and its last slice starts
 *    the completion checks (or the page starts them itself when it has none): the campaign cannot
 *    be completed before every page is frozen. Then count the page as frozen.
 */
export const freezeAudiencePage = async ({
  item,
  segments,
  customers,
  policy,
  store,
  queue,
  clock,
  pageSize = FREEZE_PAGE_SIZE,
}: {
  item: FreezeItem;
  segments: SegmentStore;
  customers: CustomerStore;
  policy: EligibilityPolicy;
  store: CampaignStore;
  queue: CampaignWorkQueue;
  clock: Clock;
  pageSize?: number;
}): Promise<FreezeAudiencePageResult> => {
  const { campaignId, runId } = item;
  const campaign = await store.getCampaign(campaignId);
  if (!campaign) throw new NotFoundError(`campaign ${campaignId} not found`, { campaignId });
  if (!['sending', 'paused'].includes(campaign.status)) {
    return { outcome: 'stopped', status: campaign.status };
  }
  if ((campaign.frozenPages ?? 0) > item.page) return { outcome: 'already-frozen' };

  const { segmentIds } = campaign.audience;
  const segmentId = segmentIds[item.segment];
  const members = segmentId
    ? await segments.listMemberIdsPage(runId, segmentId, { cursor: item.cursor, limit: pageSize })
    : { items: [] };
  const earlier = new Set(segmentIds.slice(0, item.segment));
  const candidates = (
    await loadCandidatesOf({ runId, customerIds: members.items, segments, customers })
  ).filter((candidate) => !candidate.segmentIds.some((s) => earlier.has(s)));
  const recipients = resolveAudience({ audience: campaign.audience, candidates });
  const suppressions = await store.getSuppressions(
    recipients.flatMap((r) => (r.profile.email ? [suppressionKey(r.profile.email)] : [])),
  );
  const now = clock();
  const records = recipients.map((recipient) =>
    outboxRecord({ campaign, recipient, policy, suppressions, now }),
  );
  const created = await createOutboxRecords({ records, store });
  const existing = records.filter((_, i) => !created[i]).map(outboxIdOf);
  const open = [
    ...records.filter((r, i) => created[i] && r.status === 'pending').map(outboxIdOf),
    ...(existing.length === 0
      ? []
      : (
          await store.listSends(campaignId, {
            outboxIds: existing,
            statuses: [...OPEN_SEND_STATUSES],
          })
        ).map(outboxIdOf)),
  ];

  const next = nextPage({ item, segmentCount: segmentIds.length, cursor: members.cursor });
  if (!next) await stampFrozen({ campaignId, store, clock });
  const work = [];
  for (let i = 0; i < open.length; i += SEND_BATCH_SIZE) {
    const last = !next && i + SEND_BATCH_SIZE >= open.length;
    const outboxIds = open.slice(i, i + SEND_BATCH_SIZE);
    work.push({ item: { kind: 'send' as const, campaignId, outboxIds, ...(last && { last }) } });
  }
  await queue.enqueue(next ? [...work, { item: next }] : work);
  // Nobody of the last page to mail: no slice of it will start the checks.
  if (!next && work.length === 0)
    await checkCampaignCompletion({ campaignId, store, queue, clock });
  await countFrozenPage({ campaignId, page: item.page, store });
  return {
    outcome: 'frozen',
    frozen: summarisePage(records),
    batches: work.length,
    last: !next,
  };
};

/** The item after this one: the same segment from the cursor, else the next segment's start. */
const nextPage = ({
  item,
  segmentCount,
  cursor,
}: {
  item: FreezeItem;
  segmentCount: number;
  cursor: string | undefined;
}): FreezeItem | undefined => {
  const base = { kind: 'freeze' as const, campaignId: item.campaignId, runId: item.runId };
  if (cursor) return { ...base, page: item.page + 1, segment: item.segment, cursor };
  if (item.segment + 1 < segmentCount) {
    return { ...base, page: item.page + 1, segment: item.segment + 1 };
  }
  return undefined;
};

/** Retries lost races: senders and status changes write the campaign item too. */
const updateCampaign = async ({
  campaignId,
  store,
  change,
}: {
  campaignId: string;
  store: CampaignStore;
  change: (campaign: Campaign) => Campaign | undefined;
}): Promise<void> => {
  for (;;) {
    const campaign = await store.getCampaign(campaignId);
    const changed = campaign && change(campaign);
    if (!campaign || !changed) return;
    try {
      await store.putCampaign(changed, campaign.version);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
};

const stampFrozen = ({
  campaignId,
  store,
  clock,
}: {
  campaignId: string;
  store: CampaignStore;
  clock: Clock;
}) =>
  updateCampaign({
    campaignId,
    store,
    change: (campaign) => {
      if (campaign.audienceFrozenAt) return undefined;
      const at = clock().toISOString();
      return { ...campaign, audienceFrozenAt: at, updatedAt: at };
    },
  });

const countFrozenPage = ({
  campaignId,
  page,
  store,
}: {
  campaignId: string;
  page: number;
  store: CampaignStore;
}) =>
  updateCampaign({
    campaignId,
    store,
    change: (campaign) =>
      (campaign.frozenPages ?? 0) > page ? undefined : { ...campaign, frozenPages: page + 1 },
  });

const summarisePage = (records: { status: string }[]): FreezeSummary => {
  const count = (status: string) => records.filter((r) => r.status === status).length;
  return {
    audience: records.length,
    pending: count('pending'),
    heldOut: count('held_out'),
    suppressed: count('suppressed'),
    ineligible: count('ineligible'),
  };
};
