import { Command } from 'commander';
import type { CampaignResults } from '../../core/campaigns/campaign-results';
import { apiClientFor, type ApiTargetOptions, withApiTarget } from '../api-target-option';
import { formatCount, formatMoney, formatPercent } from '../format-numbers';
import { formatTable } from '../format-table';
import { printJson } from '../print-json';
import { readShopConfig } from '../shop-config';

const funnelTable = (results: CampaignResults): string => {
  const funnel: [string, number][] = [
    ['audience', results.audience],
    ['eligible', results.eligible],
    ['held out', results.heldOut],
    ['postponed', results.postponed.total],
    ['sent', results.sent],
    ['failed', results.failed],
    ['delivered', results.delivered],
    ['bounced', results.bounced],
    ['complained', results.complained],
    ['opened', results.opened],
    ['clicked', results.clicked],
    ['unsubscribed', results.unsubscribed],
  ];
  return formatTable({
    columns: [{ header: 'RECIPIENTS' }, { header: '', align: 'right' }],
    rows: funnel.map(([label, count]) => [label, formatCount(count)]),
  });
};

const conversionTable = ({
  results,
  currency,
}: {
  results: CampaignResults;
  currency: string;
}): string =>
  formatTable({
    columns: [
      { header: 'GROUP' },
      { header: 'RECIPIENTS', align: 'right' },
      { header: 'CONVERTED', align: 'right' },
      { header: 'RATE', align: 'right' },
      { header: 'REVENUE', align: 'right' },
      { header: 'PER RECIPIENT', align: 'right' },
    ],
    rows: (['treatment', 'holdout'] as const).map((group) => {
      const stats = results[group];
      return [
        group,
        formatCount(stats.recipients),
        formatCount(stats.converted),
        formatPercent(stats.conversionRate),
        formatMoney({ amount: stats.revenue, currency }),
        formatMoney({ amount: stats.revenuePerRecipient, currency }),
      ];
    }),
  });

const upliftLine = ({
  results,
  currency,
}: {
  results: CampaignResults;
  currency: string;
}): string => {
  const { uplift } = results;
  const points = new Intl.NumberFormat(undefined, {
    maximumFractionDigits: 2,
    signDisplay: 'always',
  }).format(uplift.conversionRatePoints);
  const relative =
    uplift.relativeConversion === undefined
      ? ''
      : ` (${formatPercent(uplift.relativeConversion)} relative)`;
  return (
    `Uplift: ${points} points of conversion${relative}, ` +
    `${formatCount(Math.round(uplift.incrementalConversions))} incremental conversions, ` +
    `${formatMoney({ amount: uplift.incrementalRevenue, currency })} incremental revenue`
  );
};

/** The funnel from audience to unsubscribes, then conversions against the holdout and the uplift. */
export const formatCampaignResults = ({
  results,
  currency,
}: {
  results: CampaignResults;
  currency: string;
}): string =>
  [
    funnelTable(results),
    '',
    `Conversions within ${formatCount(results.attributionWindowDays)} days of sending:`,
    conversionTable({ results, currency }),
    '',
    upliftLine({ results, currency }),
  ].join('\n');

/** `shoal campaign results ID`. */
export const campaignResultsCommand = (): Command =>
  withApiTarget(
    new Command('results')
      .description('Show a campaign’s funnel, conversions and uplift over its holdout')
      .argument('<id>', 'the campaign id')
      .option('--json', 'print the API’s JSON'),
  ).action(async (id: string, options: ApiTargetOptions & { json?: boolean }) => {
    const api = await apiClientFor(options);
    const path = `/v1/campaigns/${encodeURIComponent(id)}/results`;
    if (options.json) return printJson(await api.request<CampaignResults>({ path }));
    const [results, config] = await Promise.all([
      api.request<CampaignResults>({ path }),
      readShopConfig({ api }),
    ]);
    console.log(formatCampaignResults({ results, currency: config.currency }));
  });
