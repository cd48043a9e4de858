import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import type { Campaign } from '../../core/campaigns/campaign';
import type { CampaignResults } from '../../core/campaigns/campaign-results';
import type { ApiClient } from '../api-client';
import { apiClientFor, type ApiTargetOptions, withApiTarget } from '../api-target-option';
import { EXIT_CODES } from '../exit-codes';
import { formatCount, formatSeconds } from '../format-numbers';
import { pollUntil } from '../poll-until';
import { printJson } from '../print-json';
import { type ProgressIndicator, startProgress } from '../progress-indicator';
import { readSegmentCatalog, type SegmentSummary } from '../segment-catalog';
import { readShopConfig } from '../shop-config';
import { paintStatus, terminalStyle } from '../terminal-style';
import { formatCampaignResults } from './campaign-results';

/** A send is bounded by the SES rate; an hour covers a large audience at the sandbox's rate. */
const SEND_TIMEOUT_MS = 60 * 60_000;
const STILL_SENDING = new Set<string>(['scheduled', 'sending']);

interface CampaignSendOptions extends ApiTargetOptions {
  segment: string;
  subject: string;
  html: string;
  text?: string;
  holdout?: number;
  name?: string;
  wait?: boolean;
  json?: boolean;
}

/** Where each field of the create request comes from, so a 400 names the flag to fix. */
const CREATE_FLAGS = {
  name: '--name',
  audience: '--segment',
  'content.subject': '--subject',
  'content.html': '--html',
  'content.text': '--text',
  holdoutPercent: '--holdout',
};

const parsePercent = (value: string): number => {
  const percent = Number(value);
  if (value.trim() === '' || !Number.isFinite(percent)) {
    throw new InvalidArgumentError('expected a percentage such as 10');
  }
  return percent;
};

const readTemplate = async ({ path, flag }: { path: string; flag: string }): Promise<string> => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${flag} ${path}: ${(error as Error).message}`, { cause: error });
  }
};

/** By id first, then by name ignoring case; an unknown or ambiguous name lists what exists. */
export const findSegment = ({
  segments,
  wanted,
}: {
  segments: SegmentSummary[];
  wanted: string;
}): SegmentSummary => {
  const byId = segments.find((segment) => segment.segmentId === wanted);
  if (byId) return byId;
  const byName = segments.filter((segment) => segment.name.toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1) return byName[0] as SegmentSummary;
  const known = (byName.length > 1 ? byName : segments)
    .map((segment) => `${segment.name} (${segment.segmentId})`)
    .join(', ');
  throw new Error(
    byName.length > 1
      ? `--segment "${wanted}" names several segments; pass one id: ${known}`
      : `--segment "${wanted}" is neither a segment id nor a name; segments: ${known || 'none yet'}`,
  );
};

const createAndSend = async ({
  api,
  options,
  segment,
}: {
  api: ApiClient;
  options: CampaignSendOptions;
  segment: SegmentSummary;
}): Promise<Campaign> => {
  const [html, text] = await Promise.all([
    readTemplate({ path: options.html, flag: '--html' }),
    options.text === undefined ? undefined : readTemplate({ path: options.text, flag: '--text' }),
  ]);
  const created = await api.request<Campaign>({
    method: 'POST',
    path: '/v1/campaigns',
    body: {
      name: options.name ?? options.subject,
      audience: { segmentIds: [segment.segmentId] },
      content: { subject: options.subject, html, ...(text !== undefined && { text }) },
      ...(options.holdout !== undefined && { holdoutPercent: options.holdout }),
    },
    flags: CREATE_FLAGS,
  });
  return api.request<Campaign>({
    method: 'POST',
    path: `/v1/campaigns/${encodeURIComponent(created.campaignId)}/send`,
  });
};

const waitForSend = ({
  api,
  campaignId,
  progress,
}: {
  api: ApiClient;
  campaignId: string;
  progress: ProgressIndicator;
}): Promise<{ campaign: Campaign; results: CampaignResults }> => {
  const path = `/v1/campaigns/${encodeURIComponent(campaignId)}`;
  return pollUntil({
    read: async () => {
      const [campaign, results] = await Promise.all([
        api.request<Campaign>({ path }),
        api.request<CampaignResults>({ path: `${path}/results` }),
      ]);
      return { campaign, results };
    },
    isDone: (state): state is { campaign: Campaign; results: CampaignResults } =>
      !STILL_SENDING.has(state.campaign.status),
    onRead: ({ results }, elapsed) => {
      const handled = results.sent + results.failed;
      const toSend = results.eligible - results.heldOut;
      progress.update({
        label: `sending: ${formatCount(handled)} of ${formatCount(toSend)} (${formatSeconds(elapsed)})`,
        ...(toSend > 0 && { fraction: handled / toSend }),
      });
    },
    waitingFor: `campaign ${campaignId} to finish sending`,
    timeoutMs: SEND_TIMEOUT_MS,
  });
};

/** `shoal campaign send`: create a one-off campaign to a segment and start sending it. */
export const campaignSendCommand = (): Command =>
  withApiTarget(
    new Command('send')
      .description(
        'Create a campaign to one segment and send it now; with --wait, follow it to the end (exit code 2 when it ends paused or cancelled)',
      )
      .requiredOption(
        '--segment <segment>',
        'the audience: a segment id or name (`shoal segments`)',
      )
      .requiredOption('--subject <text>', 'the subject line (Liquid, e.g. "Hi {{ first_name }}")')
      .requiredOption('--html <file>', 'the HTML body (Liquid)')
      .option('--text <file>', 'the plain-text body (default: derived from the HTML)')
      .option(
        '--holdout <pct>',
        'percent of the audience held back to measure uplift',
        parsePercent,
      )
      .option('--name <name>', 'the campaign’s name (default: the subject)')
      .option('--wait', 'wait until sending ends and print the results')
      .option('--json', 'print the API’s JSON (the campaign; with --wait, as it ended)'),
  ).action(async (options: CampaignSendOptions) => {
    const api = await apiClientFor(options);
    const segment = findSegment({
      segments: (await readSegmentCatalog({ api })).segments,
      wanted: options.segment,
    });
    const sending = await createAndSend({ api, options, segment });
    if (!options.wait) {
      if (options.json) return printJson(sending);
      console.log(
        `Campaign ${sending.campaignId} to ${segment.name} (${formatCount(segment.customers)} customers): ${sending.status}; \`npx shoal campaign results ${sending.campaignId}\` shows how it goes.`,
      );
      return;
    }
    const progress = startProgress();
    const { campaign, results } = await waitForSend({
      api,
      campaignId: sending.campaignId,
      progress,
    }).finally(progress.stop);
    if (options.json) printJson(campaign);
    else {
      const { currency } = await readShopConfig({ api });
      const status = paintStatus({ style: terminalStyle(), status: campaign.status })(
        campaign.status,
      );
      console.log(`Campaign ${campaign.campaignId} to ${segment.name}: ${status}`);
      console.log(formatCampaignResults({ results, currency }));
    }
    if (campaign.status !== 'sent') process.exitCode = EXIT_CODES.outcomeNotSucceeded;
  });
