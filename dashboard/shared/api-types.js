// @ts-check
// The JSON shapes of docs/api.md, for the pages' JSDoc; the OpenAPI document is the full contract.

/**
 * @typedef {{ segmentId: string, name: string, kind: string, customers: number, revenue: number, description?: string, rule?: unknown, inCurrentRun?: boolean, definitionText?: string }} SegmentSummary
 * @typedef {SegmentSummary & { aov: number, trend: { asOf: string, customers: number, revenue: number }[] }} SegmentDetail
 * @typedef {{ segmentId: string, segmentName: string, kind: string, customers: number, revenue: number, entered: number, left: number }} RunSegment
 * @typedef {{ runId: string, asOf: string, status: 'running' | 'complete' | 'failed', startedAt: string, finishedAt?: string, customers: number, segments: RunSegment[], rfmTransitions: Record<string, Record<string, number>>, previousRunId?: string, error?: string }} Run
 * @typedef {{ read: number, inserted: number, updated: number, unchanged: number, rejected: number, failed: number, warnings: number, profilesCreated: number }} ImportCounts
 * @typedef {{ id: string, key: string, kind?: string, status: string, counts: ImportCounts, detection?: { format: string, delimiter?: string, encoding: string, dateFormat: string, preset?: string, columns: Record<string, string> }, issuesTruncated: boolean, startedAt: string, finishedAt?: string, durationMs?: number, error?: string }} Import
 * @typedef {{ customers: number, customersWithOrders: number, revenue: number, lastImport?: Import, lastRun?: Run, segments: SegmentSummary[], trend: { asOf: string, segments: Record<string, number> }[] }} Overview
 * @typedef {import('../../core/analysis/rfm-grid').RfmGridCell} GridCell
 * @typedef {import('../../core/insights/describe-clusters').ClusterProfile} Cluster
 * @typedef {Cluster['features'][number]} ClusterFeature
 * @typedef {{ segmentIds: string[], excludedSegmentIds?: string[] }} Audience
 * @typedef {{ subject: string, preheader?: string, html: string, text?: string }} CampaignContent
 * @typedef {{ campaignId: string, name: string, kind: string, status: string, audience: Audience, content: CampaignContent, holdoutPercent: number, pausedReason?: string, scheduledAt?: string, startedAt?: string, completedAt?: string, createdAt: string }} Campaign
 * @typedef {{ recipients: number, converted: number, orders: number, revenue: number, conversionRate: number, revenuePerRecipient: number }} ConversionStats
 * @typedef {{ audience: number, eligible: number, heldOut: number, sent: number, failed: number, delivered: number, bounced: number, complained: number, opened: number, clicked: number, unsubscribed: number, attributionWindowDays: number, treatment: ConversionStats, holdout: ConversionStats, uplift: { conversionRatePoints: number, relativeConversion?: number, revenuePerRecipient: number, incrementalConversions: number, incrementalRevenue: number } }} CampaignResults
 * @typedef {{ audience: number, sent: number, delivered: number, bounced: number, complained: number, opened: number, clicked: number, unsubscribed: number, conversions: number, orders: number, revenue: number, uplift?: CampaignResults['uplift'] }} SegmentCampaignResults
 * @typedef {{ campaignId: string, name: string, kind: string, status: string, role: 'included' | 'excluded', createdAt: string, scheduledAt?: string, startedAt?: string, completedAt?: string, results?: SegmentCampaignResults }} SegmentCampaign
 * @typedef {{ segmentId: string, attributionWindowDays: number, campaigns: SegmentCampaign[], totals: { campaignsSent: number, messagesSent: number, conversions: number, revenue: number } }} SegmentCampaigns
 * @typedef {{ customerId: string, email?: string, reason: string[] }} SampleMember
 * @typedef {{ customerId: string, email?: string, rfmSegment?: string, lifecycleStage: string, monetary: number }} CustomerListItem
 * @typedef {{ segmentId: string, segmentName: string, kind: string, reason: string[], since: string }} Membership
 * @typedef {{ customerId: string, runId: string, asOf: string, rfm?: { r: number, f: number, m: number, segmentName: string }, lifecycleStage: string, cluster?: { name: string }, memberships: Membership[], features: Record<string, unknown> }} CustomerSegments
 * @typedef {{ orderId: string, orderedAt: string, total: number, netRevenue: number, status: string, channel?: string }} Order
 * @typedef {{ type: string, at: string, properties: Record<string, unknown> }} CustomerEvent
 * @typedef {{ subject: string, preheader?: string, html: string, text: string, headers: Record<string, string>, raw: string }} CampaignPreview
 * @typedef {{ campaignId: string, campaignName?: string, status: string, sentAt?: string, reason?: string }} Send
 * @typedef {{ profile: Record<string, unknown> & { customerId: string }, segments?: CustomerSegments, orders: Order[], events: CustomerEvent[], sends?: Send[] }} CustomerDetail
 * @typedef {{ customerId: string, customers?: { profiles: number, orders: number, events: number, aliases: number }, segments?: { runs: number, memberships: number }, campaigns?: { sends: number, messages: number, deliveryEvents: number }, importReports?: { files: number, rows: number }, suppressedAddresses?: number }} ErasureSummary
 * @typedef {{ messageId: string, from?: string, to: string[] | string, subject: string, receivedAt?: string, date?: string, headers: Record<string, string> | [string, string][], html?: string, text?: string }} OutboxMessage
 */

export {};
