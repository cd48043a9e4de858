import { z } from 'zod';
import type { Clock } from '../shared/clock';
import { ValidationError } from '../shared/errors';
import type { CampaignStore } from '../ports/campaign-store';
import { Campaign, CampaignAudience, CampaignContent, QuietHours } from './campaign';
import { validateCampaignContent } from './campaign-template';
import type { KnownVariables } from './template-variables';

/** What a marketer submits; ids come from the caller because core has no randomness. */
export const CampaignInput = z.object({
  campaignId: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['broadcast', 'triggered']).optional(),
  audience: CampaignAudience,
  content: CampaignContent,
  holdoutPercent: z.number().min(0).max(50).optional(),
  quietHours: QuietHours.optional(),
  defaultTimeZone: z.string().optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});
export type CampaignInput = z.infer<typeof CampaignInput>;

/**
 * Creates a draft campaign.
 * 1. Validate the input against the schema (ValidationError naming the field).
 * 2. Validate every template against the known variables (InvalidTemplateError with line and
 *    variable) so a broken template never reaches a send.
 * 3. Store it; an existing campaign with the same id is a ConflictError.
 */
export const createCampaign = async ({
  input,
  knownVariables,
  store,
  clock,
}: {
  input: unknown;
  knownVariables: KnownVariables;
  store: CampaignStore;
  clock: Clock;
}): Promise<Campaign> => {
  const parsed = CampaignInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(
      issue?.message ?? 'invalid campaign',
      issue?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? [],
    );
  }
  validateCampaignContent({ content: parsed.data.content, knownVariables });
  const now = clock().toISOString();
  const campaign = Campaign.parse({
    ...parsed.data,
    variables: knownVariables,
    status: 'draft',
    createdAt: now,
    updatedAt: now,
    version: 0,
  });
  return store.putCampaign(campaign);
};
