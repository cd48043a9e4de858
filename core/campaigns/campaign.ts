import { z } from 'zod';
import { KnownVariables } from './template-variables';

export const CampaignStatus = z.enum([
  'draft',
  'scheduled',
  'sending',
  'sent',
  'paused',
  'cancelled',
]);
export type CampaignStatus = z.infer<typeof CampaignStatus>;

/** Wall-clock `HH:MM` in the recipient's own time zone. */
const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

/** A window in which nobody is mailed; it may wrap midnight (22:00 → 08:00). */
export const QuietHours = z.object({ start: WallTime, end: WallTime });
export type QuietHours = z.infer<typeof QuietHours>;

/** Who receives the campaign: anyone in any included segment, unless they are in an excluded one. */
export const CampaignAudience = z.object({
  segmentIds: z.array(z.string().min(1)).min(1),
  excludedSegmentIds: z.array(z.string().min(1)).default([]),
});
export type CampaignAudience = z.infer<typeof CampaignAudience>;

/** Liquid templates, validated against the known variables when the campaign is created. */
export const CampaignContent = z.object({
  subject: z.string().min(1),
  preheader: z.string().optional(),
  html: z.string().min(1),
  /** Generated from the HTML when absent. */
  text: z.string().optional(),
});
export type CampaignContent = z.infer<typeof CampaignContent>;

export const Campaign = z.object({
  campaignId: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['broadcast', 'triggered']).default('broadcast'),
  audience: CampaignAudience,
  content: CampaignContent,
  /** The variables the templates were validated against; every one is filled (or null) at send time. */
  variables: KnownVariables,
  /** Share of the audience held back to measure uplift, 0–50. */
  holdoutPercent: z.number().min(0).max(50).default(0),
  quietHours: QuietHours.optional(),
  /** Used for recipients whose profile has no (valid) time zone. */
  defaultTimeZone: z.string().default('UTC'),
  status: CampaignStatus,
  /** Why the campaign was paused, e.g. a bounce rate over the limit. */
  pausedReason: z.string().optional(),
  /** Not sent before this instant. */
  scheduledAt: z.string().optional(),
  /** Set once every recipient of the audience has an outbox record; the audience never changes after. */
  audienceFrozenAt: z.string().optional(),
  /**
   * Pages of the audience frozen so far (freezeAudiencePage), counted after each page has queued
   * its sends and the next page: a late duplicate of a page behind it has nothing left to do.
   */
  frozenPages: z.number().int().nonnegative().optional(),
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optimistic concurrency counter for conditional writes. */
  version: z.number().int().nonnegative(),
});
export type Campaign = z.infer<typeof Campaign>;
