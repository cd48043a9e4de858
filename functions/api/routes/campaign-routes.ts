import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readCampaignResults } from '../../../core/admin/read-campaign-results';
import { Campaign } from '../../../core/campaigns/campaign';
import { changeCampaignStatus } from '../../../core/campaigns/change-campaign-status';
import { CampaignInput, createCampaign } from '../../../core/campaigns/create-campaign';
import { startCampaignSend } from '../../../core/campaigns/start-campaign-send';
import { standardVariables } from '../../../core/campaigns/template-variables';
import { NotFoundError } from '../../../core/shared/errors';
import type { AdminDeps } from '../admin-deps';
import { ErrorEnvelope } from '../api-schemas';
import { defineRoute } from '../http-route';

const CampaignSchema = Campaign.meta({ id: 'Campaign' });
const CampaignParams = z.object({ campaignId: z.string().min(1).max(128) });
const notFound = { description: 'No such campaign', schema: ErrorEnvelope };
const conflict = {
  description: 'Not allowed in the campaign’s current status',
  schema: ErrorEnvelope,
};
const admin = { function: 'admin', auth: 'admin', tag: 'campaigns' } as const;

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
    handle: async ({ params }, deps: AdminDeps) => {
      const campaign = await deps.campaigns.getCampaign(params.campaignId);
      if (campaign === undefined) throw new NotFoundError(`no campaign ${params.campaignId}`);
      return { body: campaign };
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
