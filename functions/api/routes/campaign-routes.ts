import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readCampaignResults } from '../../../core/campaigns/read-campaign-results';
import { Campaign, CampaignAudience } from '../../../core/campaigns/campaign';
import { changeCampaignStatus } from '../../../core/campaigns/change-campaign-status';
import { CampaignInput, createCampaign } from '../../../core/campaigns/create-campaign';
import { isDeliverableEmail } from '../../../core/campaigns/email-address';
import { estimateCampaignAudience } from '../../../core/campaigns/estimate-campaign-audience';
import { loadCampaignRecipient } from '../../../core/campaigns/load-campaign-recipient';
import { previewCampaign } from '../../../core/campaigns/preview-campaign';
import { sampleRecipient, testSendCampaign } from '../../../core/campaigns/test-send-campaign';
import { startCampaignSend } from '../../../core/campaigns/start-campaign-send';
import { standardVariables } from '../../../core/campaigns/template-variables';
import { NotFoundError } from '../../../core/shared/errors';
import type { AdminDeps } from '../admin-deps';
import { ErrorEnvelope } from '../api-schemas';
import { defineRoute } from '../http-route';
import { mimeHeaders } from '../mime-headers';

const CampaignSchema = Campaign.meta({ id: 'Campaign' });
const CampaignParams = z.object({ campaignId: z.string().min(1).max(128) });
const notFound = { description: 'No such campaign', schema: ErrorEnvelope };
const conflict = {
  description: 'Not allowed in the campaign’s current status',
  schema: ErrorEnvelope,
};
const admin = { function: 'admin', auth: 'admin', tag: 'campaigns' } as const;
const CustomerId = z.string().min(1).max(256);
const unknownCampaignOrCustomer = {
  description: 'No such campaign or customer, or the customer is not in the current run',
  schema: ErrorEnvelope,
};

const campaignOf = async (campaignId: string, deps: AdminDeps): Promise<Campaign> => {
  const campaign = await deps.campaigns.getCampaign(campaignId);
  if (campaign === undefined) throw new NotFoundError(`no campaign ${campaignId}`);
  return campaign;
};

export const campaignRoutes = [
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/campaigns',
    summary: 'Every campaign, newest first, with its status',
    responses: {
      200: { description: 'The campaigns', schema: z.object({ items: z.array(CampaignSchema) }) },
    },
    handle: async (_request, deps: AdminDeps) => ({
      body: { items: await deps.campaigns.listCampaigns() },
    }),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/campaigns',
    summary:
      'Create a draft campaign; templates are checked now, naming the line and variable at fault',
    body: CampaignInput.omit({ campaignId: true }),
    responses: {
      201: { description: 'The draft', schema: CampaignSchema },
      400: { description: 'Invalid input or template', schema: ErrorEnvelope },
    },
    handle: async ({ body }, deps: AdminDeps) => ({
      status: 201,
      body: await createCampaign({
        input: { ...body, campaignId: `cmp-${randomUUID().slice(0, 8)}` },
        knownVariables: standardVariables,
        store: deps.campaigns,
        clock: deps.clock,
      }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/campaigns/{campaignId}',
    summary: 'One campaign',
    params: CampaignParams,
    responses: { 200: { description: 'The campaign', schema: CampaignSchema }, 404: notFound },
    handle: async ({ params }, deps: AdminDeps) => ({
      body: await campaignOf(params.campaignId, deps),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/campaigns/audience-estimate',
    summary:
      'Who a campaign to this audience would reach if sent now, counted on the current run without creating anything',
    body: z.object({
      audience: CampaignAudience,
      holdoutPercent: Campaign.shape.holdoutPercent,
    }),
    responses: {
      200: {
        description: 'The counts, with the reasons the others would not be mailed',
        schema: z.object({
          audience: z.number().int(),
          eligible: z.number().int(),
          ineligible: z.object({
            missingEmail: z.number().int(),
            invalidEmail: z.number().int(),
            noConsent: z.number().int(),
            suppressed: z.number().int(),
          }),
          suppressedByReason: z.record(z.string(), z.number().int()),
          heldOut: z.number().int(),
          postponed: z.number().int().meta({
            description: 'Eligible customers the frequency cap would postpone if sent now',
          }),
        }),
      },
      400: { description: 'Invalid audience', schema: ErrorEnvelope },
      409: { description: 'No complete segmentation run yet', schema: ErrorEnvelope },
    },
    handle: async ({ body }, deps: AdminDeps) => ({
      body: await estimateCampaignAudience({ ...body, ...deps }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/campaigns/{campaignId}/preview',
    summary:
      'The message one customer would receive, in any status: rendered content, MIME headers and source',
    params: CampaignParams,
    body: z.object({ customerId: CustomerId }),
    responses: {
      200: {
        description: 'The rendered message',
        schema: z.object({
          subject: z.string(),
          preheader: z.string().optional(),
          html: z.string(),
          text: z.string(),
          headers: z.record(z.string(), z.string()),
          raw: z.string(),
        }),
      },
      400: { description: 'Invalid body', schema: ErrorEnvelope },
      404: unknownCampaignOrCustomer,
    },
    handle: async ({ params, body }, deps: AdminDeps) => {
      const [campaign, recipient, keys] = await Promise.all([
        campaignOf(params.campaignId, deps),
        loadCampaignRecipient({ customerId: body.customerId, ...deps }),
        deps.unsubscribeKeys(),
      ]);
      const { raw, ...content } = await previewCampaign({ campaign, recipient, keys, ...deps });
      const source = Buffer.from(raw).toString('utf8');
      return { body: { ...content, headers: mimeHeaders(source), raw: source } };
    },
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/campaigns/{campaignId}/test-send',
    summary:
      'Mail a “[Test]” copy rendered for a customer (or a sample one) to up to 5 addresses; it is not part of the campaign',
    params: CampaignParams,
    body: z.object({
      to: z
        .array(z.string().refine(isDeliverableEmail, 'not a deliverable e-mail address'))
        .min(1)
        .max(5),
      customerId: CustomerId.optional(),
    }),
    responses: {
      202: {
        description: 'Handed to the mailer',
        schema: z.object({
          sent: z.array(z.object({ to: z.string(), messageId: z.string() })),
        }),
      },
      400: {
        description: 'An invalid or refused address, named by its index (`to.2`)',
        schema: ErrorEnvelope,
      },
      404: unknownCampaignOrCustomer,
      429: { description: 'The mailer is throttled or out of quota', schema: ErrorEnvelope },
    },
    handle: async ({ params, body }, deps: AdminDeps) => {
      const campaign = await campaignOf(params.campaignId, deps);
      const [recipient, keys] = await Promise.all([
        body.customerId === undefined
          ? sampleRecipient(campaign)
          : loadCampaignRecipient({ customerId: body.customerId, ...deps }),
        deps.unsubscribeKeys(),
      ]);
      return {
        status: 202,
        body: await testSendCampaign({ campaign, recipient, to: body.to, keys, ...deps }),
      };
    },
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/campaigns/{campaignId}/send',
    summary:
      'Send now: the audience is frozen from the current run and sending fans out; calling again is harmless',
    params: CampaignParams,
    responses: {
      202: { description: 'Sending', schema: CampaignSchema },
      404: notFound,
      409: conflict,
    },
    handle: async ({ params }, deps: AdminDeps) => ({
      status: 202,
      body: await startCampaignSend({
        campaignId: params.campaignId,
        store: deps.campaigns,
        queue: deps.campaignWork,
        clock: deps.clock,
      }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/campaigns/{campaignId}/schedule',
    summary: 'Send at a later time',
    params: CampaignParams,
    body: z.object({ at: z.iso.datetime({ offset: true }) }),
    responses: {
      200: { description: 'Scheduled', schema: CampaignSchema },
      404: notFound,
      409: conflict,
    },
    handle: async ({ params, body }, deps: AdminDeps) => ({
      body: await startCampaignSend({
        campaignId: params.campaignId,
        at: body.at,
        store: deps.campaigns,
        queue: deps.campaignWork,
        clock: deps.clock,
      }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/campaigns/{campaignId}/cancel',
    summary: 'Cancel: nobody not yet mailed will be',
    params: CampaignParams,
    responses: {
      200: { description: 'Cancelled', schema: CampaignSchema },
      404: notFound,
      409: conflict,
    },
    handle: async ({ params }, deps: AdminDeps) => ({
      body: await changeCampaignStatus({
        campaignId: params.campaignId,
        to: 'cancelled',
        store: deps.campaigns,
        clock: deps.clock,
      }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/campaigns/{campaignId}/results',
    summary:
      'Funnel (audience, eligible, held out, postponed, sent, delivered…) and conversions vs the holdout',
    params: CampaignParams,
    query: z.object({ attributionWindowDays: z.coerce.number().int().min(1).max(90).default(7) }),
    responses: {
      200: { description: 'The results', schema: z.looseObject({ audience: z.number().int() }) },
      404: notFound,
    },
    handle: async ({ params, query }, deps: AdminDeps) => ({
      body: await readCampaignResults({ campaignId: params.campaignId, ...query, ...deps }),
    }),
  }),
];
