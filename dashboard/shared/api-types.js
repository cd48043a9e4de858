// @ts-check
// The JSON shapes the pages read, as the API's own types: core's where the API returns them, so
// tsc checks the pages against what the server sends. The OpenAPI document is the full contract.

/**
 * @typedef {{ segmentId: string, name: string, kind: string, customers: number, revenue: number, description?: string, rule?: unknown, inCurrentRun?: boolean, definitionText?: string }} SegmentSummary
 * @typedef {SegmentSummary & { aov: number, trend: { asOf: string, customers: number, revenue: number }[] }} SegmentDetail
 * @typedef {import('../../core/segmentation-runs/segmentation-run').RunSegmentSummary} RunSegment
 * @typedef {import('../../core/segmentation-runs/segmentation-run').SegmentationRun} Run
 * @typedef {import('../../core/ingest/import-record').ImportCounts} ImportCounts
 * @typedef {import('../../core/ingest/import-record').ImportRecord} Import
 * @typedef {import('../../core/insights/build-overview').Overview} Overview
 * @typedef {import('../../core/analysis/rfm-grid').RfmGridCell} GridCell
 * @typedef {import('../../core/insights/describe-clusters').ClusterProfile} Cluster
 * @typedef {Cluster['features'][number]} ClusterFeature
 * @typedef {import('../../core/campaigns/campaign').CampaignAudience} Audience
 * @typedef {import('../../core/campaigns/campaign').CampaignContent} CampaignContent
 * @typedef {import('../../core/campaigns/campaign').Campaign} Campaign
 * @typedef {import('../../core/campaigns/campaign-results').ConversionStats} ConversionStats
 * @typedef {import('../../core/campaigns/campaign-results').CampaignResults} CampaignResults
 * @typedef {import('../../core/campaigns/read-segment-campaigns').SegmentCampaignResults} SegmentCampaignResults
 * @typedef {import('../../core/campaigns/read-segment-campaigns').SegmentCampaign} SegmentCampaign
 * @typedef {import('../../core/campaigns/read-segment-campaigns').SegmentCampaigns} SegmentCampaigns
 * @typedef {import('../../core/segments/preview-segment-rule').SegmentPreview['sample'][number]} SampleMember
 * @typedef {{ customerId: string, email?: string, rfmSegment?: string, lifecycleStage: string, monetary: number }} CustomerListItem
 * @typedef {import('../../core/segmentation-runs/segmentation-run').StoredMembership} Membership
 * @typedef {import('../../core/segmentation-runs/segmentation-run').CustomerSegments} CustomerSegments
 * @typedef {import('../../core/customers/order').Order} Order
 * @typedef {import('../../core/customers/customer-event').CustomerEvent} CustomerEvent
 * @typedef {{ subject: string, preheader?: string, html: string, text: string, headers: Record<string, string>, raw: string }} CampaignPreview
 * @typedef {import('../../core/customers/get-customer-detail').CustomerSendSummary} Send
 * @typedef {import('../../core/customers/get-customer-detail').CustomerDetail} CustomerDetail
 * @typedef {import('../../core/privacy/erase-customer').ErasureSummary} ErasureSummary
 * @typedef {{ messageId: string, from?: string, to: string[] | string, subject: string, receivedAt?: string, date?: string, headers: Record<string, string> | [string, string][], html?: string, text?: string }} OutboxMessage
 */

export {};
