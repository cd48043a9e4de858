import { z } from 'zod';

/**
 * Customers per send item. Small enough that one sender invocation settles its slice well within
 * its time limit at SES's lowest production rate (14/s shared by the sender concurrency), large
 * enough that a million recipients is ten thousand messages, not a million.
 */
export const SEND_BATCH_SIZE = 100;

/**
 * Audience members frozen per `freeze` item. One page reads its members, their profiles and
 * summaries, and writes their outbox records a few dozen at a time: a few seconds at DynamoDB's
 * latencies, so a million recipients is 200 invocations, each far inside 15 minutes.
 */
export const FREEZE_PAGE_SIZE = 5_000;

/** How often a live triggered campaign looks for a new segmentation run. */
export const WATCH_INTERVAL_MS = 15 * 60_000;

/**
 * How soon a campaign with stragglers (slices still running, requeued or postponed) is checked
 * for completion again; in AWS the deferred queue's delivery delay stretches it to 15 minutes.
 */
export const COMPLETION_CHECK_INTERVAL_MS = 10_000;

/**
 * One unit of campaign work on the work queue: `dispatch` starts a campaign, `freeze` freezes
 * one page of a broadcast's audience and fans it out,
 * `send` mails one slice of it, `complete` marks it sent once nobody is open, `watch` queues a
 * live triggered campaign's new entrants once per segmentation run (`runId` is the run last
 * handled). All are idempotent, so a redelivered or duplicated item is harmless.
 */
export const CampaignWorkItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dispatch'), campaignId: z.string().min(1) }),
  z.object({
    kind: z.literal('watch'),
    campaignId: z.string().min(1),
    runId: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('complete'), campaignId: z.string().min(1) }),
  z.object({
    kind: z.literal('freeze'),
    campaignId: z.string().min(1),
    /** The run the audience is frozen from, fixed by the first page so every page reads the same. */
    runId: z.string().min(1),
    /** Pages frozen before this one. */
    page: z.number().int().nonnegative(),
    /** Index of the audience segment whose members this page reads. */
    segment: z.number().int().nonnegative(),
    /** Where in that segment's members the page starts; its first member when absent. */
    cursor: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('send'),
    campaignId: z.string().min(1),
    /** The slice's outbox records (outboxIdOf): customers of a broadcast, entries of a trigger. */
    outboxIds: z.array(z.string().min(1)).min(1).max(SEND_BATCH_SIZE),
    /** The last slice dispatched: it starts the completion checks, which read the whole outbox. */
    last: z.literal(true).optional(),
  }),
]);
export type CampaignWorkItem = z.infer<typeof CampaignWorkItem>;

/** An item with the earliest instant it may be worked on (ISO-8601); due now when absent. */
export const QueuedCampaignWork = z.object({
  item: CampaignWorkItem,
  notBefore: z.iso.datetime({ offset: true }).optional(),
});
export type QueuedCampaignWork = z.infer<typeof QueuedCampaignWork>;
