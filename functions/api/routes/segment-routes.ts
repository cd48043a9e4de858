import { z } from 'zod';
import { exportSegmentCsv } from '../../../core/segments/export-segment-csv';
import { listSegmentMembers } from '../../../core/segments/list-segment-members';
import {
  deleteSegmentDefinition,
  saveSegmentDefinition,
  SegmentDefinitionInput,
} from '../../../core/segments/manage-segment-definitions';
import { previewSegmentRule } from '../../../core/segments/preview-segment-rule';
import { readSegmentCampaigns } from '../../../core/campaigns/read-segment-campaigns';
import { getSegmentDetail, listSegmentCatalog } from '../../../core/segments/segment-catalog';
import { CampaignStatus } from '../../../core/campaigns/campaign';
import { SegmentDefinition, SegmentRuleNode } from '../../../core/segments';
import { localDateOf } from '../../../core/shared/local-date';
import type { AdminDeps } from '../admin-deps';
import { ErrorEnvelope, PageQuery, SegmentKindSchema } from '../api-schemas';
import { defineRoute } from '../http-route';

const SegmentParams = z.object({ segmentId: z.string().min(1).max(128) });

const SegmentSummarySchema = z
  .object({
    segmentId: z.string(),
    name: z.string(),
    kind: SegmentKindSchema,
    customers: z.number().int(),
    revenue: z.number(),
    entered: z.number().int(),
    left: z.number().int(),
    description: z.string().optional(),
    category: z.string().optional(),
    rule: z.unknown().optional(),
    definitionText: z.string().optional(),
    inCurrentRun: z.boolean(),
  })
  .meta({ id: 'SegmentSummary' });

const SegmentCampaignsSchema = z
  .object({
    segmentId: z.string(),
    attributionWindowDays: z.number().int(),
    campaigns: z.array(
      z.object({
        campaignId: z.string(),
        name: z.string(),
        kind: z.enum(['broadcast', 'triggered']),
        status: CampaignStatus,
        role: z
          .enum(['included', 'excluded'])
          .describe('Whether the campaign’s audience included the segment or excluded it'),
        createdAt: z.string(),
        scheduledAt: z.string().optional(),
        startedAt: z.string().optional(),
        completedAt: z.string().optional(),
        results: z
          .object({
            audience: z.number().int(),
            sent: z.number().int(),
            delivered: z.number().int(),
            bounced: z.number().int(),
            complained: z.number().int(),
            opened: z.number().int(),
            clicked: z.number().int(),
            unsubscribed: z.number().int(),
            conversions: z
              .number()
              .int()
              .describe('Recipients with a completed order inside the attribution window'),
            orders: z.number().int(),
            revenue: z.number(),
            uplift: z
              .object({
                conversionRatePoints: z.number(),
                relativeConversion: z.number().optional(),
                revenuePerRecipient: z.number(),
                incrementalConversions: z.number(),
                incrementalRevenue: z.number(),
              })
              .optional()
              .describe('Against the holdout; only for a campaign that held anyone out'),
          })
          .optional()
          .describe(
            'The whole campaign’s results (its audience may span segments); absent until it starts sending',
          ),
      }),
    ),
    totals: z
      .object({
        campaignsSent: z.number().int(),
        messagesSent: z.number().int(),
        conversions: z.number().int(),
        revenue: z.number(),
      })
      .describe('Over the campaigns that included the segment and have started sending'),
  })
  .meta({ id: 'SegmentCampaigns' });

const notFound = { description: 'No such segment, or no run yet', schema: ErrorEnvelope };
const invalid = {
  description: 'The rule is invalid; details name the path of the bad node',
  schema: ErrorEnvelope,
};

const admin = { function: 'admin', auth: 'admin', tag: 'segments' } as const;

export const segmentRoutes = [
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/segments',
    summary: 'Every segment with its size and revenue in the current run',
    responses: {
      200: {
        description: 'The catalog',
        schema: z.object({
          runId: z.string().optional(),
          asOf: z.string().optional(),
          segments: z.array(SegmentSummarySchema),
        }),
      },
    },
    handle: async (_request, deps: AdminDeps) => ({ body: await listSegmentCatalog(deps) }),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/segments',
    summary: 'Create a rule segment; the id is derived from the name unless given',
    body: SegmentDefinitionInput,
    responses: {
      201: { description: 'Created', schema: SegmentDefinition },
      400: invalid,
      409: { description: 'The id is taken', schema: ErrorEnvelope },
    },
    handle: async ({ body }, deps: AdminDeps) => ({
      status: 201,
      body: await saveSegmentDefinition({ input: body, segments: deps.segments }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'POST',
    path: '/v1/segments/preview',
    summary: 'Count and sample (20, with reasons) the customers an unsaved rule matches',
    body: z.object({ rule: SegmentRuleNode }),
    responses: {
      200: {
        description: 'Who the rule would match as of the current run',
        schema: z.object({
          asOf: z.string(),
          count: z.number().int(),
          customers: z.number().int(),
          sample: z.array(
            z.object({
              customerId: z.string(),
              email: z.string().optional(),
              reason: z.array(z.string()),
            }),
          ),
          definitionText: z.string(),
        }),
      },
      400: invalid,
    },
    handle: async ({ body }, deps: AdminDeps) => ({
      body: await previewSegmentRule({
        rule: body.rule,
        customers: deps.customers,
        segments: deps.segments,
        fallbackAsOf: localDateOf(deps.clock(), deps.settings.timeZone),
        timeZone: deps.settings.timeZone,
      }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/segments/{segmentId}',
    summary: 'One segment: definition in words, size, revenue, AOV and its trend over past runs',
    params: SegmentParams,
    responses: {
      200: {
        description: 'The segment',
        schema: SegmentSummarySchema.extend({
          aov: z.number(),
          trend: z.array(
            z.object({ asOf: z.string(), customers: z.number().int(), revenue: z.number() }),
          ),
        }),
      },
      404: notFound,
    },
    handle: async ({ params }, deps: AdminDeps) => ({
      body: await getSegmentDetail({ segments: deps.segments, segmentId: params.segmentId }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'PUT',
    path: '/v1/segments/{segmentId}',
    summary: 'Replace a rule segment’s definition; the next run applies it',
    params: SegmentParams,
    body: SegmentDefinitionInput,
    responses: {
      200: { description: 'Replaced', schema: SegmentDefinition },
      400: invalid,
      404: notFound,
    },
    handle: async ({ params, body }, deps: AdminDeps) => ({
      body: await saveSegmentDefinition({
        input: body,
        segments: deps.segments,
        replace: params.segmentId,
      }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'DELETE',
    path: '/v1/segments/{segmentId}',
    summary: 'Delete a rule segment (built-in ones and segments other rules use cannot be)',
    params: SegmentParams,
    responses: {
      204: { description: 'Deleted' },
      404: notFound,
      409: { description: 'Built in, or used by another rule', schema: ErrorEnvelope },
    },
    handle: async ({ params }, deps: AdminDeps) => {
      await deleteSegmentDefinition({ segmentId: params.segmentId, segments: deps.segments });
      return { status: 204 };
    },
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/segments/{segmentId}/members',
    summary:
      'Members of a segment in the current run, each with the reason, searchable by id or e-mail',
    params: SegmentParams,
    query: PageQuery.extend({ search: z.string().max(200).optional() }),
    responses: {
      200: {
        description: 'One page',
        schema: z.object({
          items: z.array(
            z.object({
              customerId: z.string(),
              email: z.string().optional(),
              since: z.string(),
              reason: z.array(z.string()),
            }),
          ),
          cursor: z.string().optional(),
        }),
      },
      404: notFound,
    },
    handle: async ({ params, query }, deps: AdminDeps) => ({
      body: await listSegmentMembers({
        segments: deps.segments,
        segmentId: params.segmentId,
        ...query,
      }),
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/segments/{segmentId}/export',
    summary:
      'The members as CSV (formula-safe); hashEmails=true gives SHA-256 of the normalised address instead',
    params: SegmentParams,
    query: z.object({ hashEmails: z.enum(['true', 'false']).default('false') }),
    responses: { 200: { description: 'CSV', contentType: 'text/csv' }, 404: notFound },
    handle: async ({ params, query }, deps: AdminDeps) => ({
      text: await exportSegmentCsv({
        segments: deps.segments,
        segmentId: params.segmentId,
        hashEmails: query.hashEmails === 'true',
      }),
      contentType: 'text/csv; charset=utf-8',
      headers: {
        'content-disposition': `attachment; filename="${params.segmentId.replace(/[^a-z0-9_-]/gi, '_')}.csv"`,
      },
    }),
  }),
  defineRoute({
    ...admin,
    method: 'GET',
    path: '/v1/segments/{segmentId}/campaigns',
    summary:
      'Campaigns that targeted (or excluded) a segment, newest first, with their results and the segment’s totals',
    params: SegmentParams,
    query: z.object({ attributionWindowDays: z.coerce.number().int().min(1).max(90).default(7) }),
    responses: {
      200: { description: 'The segment’s campaigns', schema: SegmentCampaignsSchema },
      404: { description: 'No such segment, and no campaign names it', schema: ErrorEnvelope },
    },
    handle: async ({ params, query }, deps: AdminDeps) => ({
      body: await readSegmentCampaigns({ segmentId: params.segmentId, ...query, ...deps }),
    }),
  }),
];
