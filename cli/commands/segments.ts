import { Command } from 'commander';
import { apiClientFor, type ApiTargetOptions, withApiTarget } from '../api-target-option';
import { formatCount, formatMoney } from '../format-numbers';
import { formatTable } from '../format-table';
import { printJson } from '../print-json';
import { readSegmentCatalog, type SegmentCatalog } from '../segment-catalog';
import { readShopConfig } from '../shop-config';

/** A headline naming the run, then one row per segment with its size, revenue and movement. */
export const formatSegmentCatalog = ({
  catalog,
  currency,
}: {
  catalog: SegmentCatalog;
  currency: string;
}): string => {
  const headline =
    catalog.runId === undefined
      ? 'No segmentation run yet: start one with `npx shoal resegment --wait`.'
      : `Segments of run ${catalog.runId} (as of ${catalog.asOf})`;
  if (catalog.segments.length === 0) return headline;
  return [
    headline,
    '',
    formatTable({
      columns: [
        { header: 'SEGMENT' },
        { header: 'ID' },
        { header: 'KIND' },
        { header: 'CUSTOMERS', align: 'right' },
        { header: 'REVENUE', align: 'right' },
        { header: 'ENTERED', align: 'right' },
        { header: 'LEFT', align: 'right' },
      ],
      rows: catalog.segments.map((segment) => [
        segment.name,
        segment.segmentId,
        segment.kind,
        formatCount(segment.customers),
        formatMoney({ amount: segment.revenue, currency }),
        formatCount(segment.entered),
        formatCount(segment.left),
      ]),
    }),
  ].join('\n');
};

/** `shoal segments`: the catalog with sizes from the current run. */
export const segmentsCommand = (): Command =>
  withApiTarget(
    new Command('segments')
      .description('List every segment with its size, revenue and movement in the current run')
      .option('--json', 'print the API’s JSON'),
  ).action(async (options: ApiTargetOptions & { json?: boolean }) => {
    const api = await apiClientFor(options);
    if (options.json) return printJson(await readSegmentCatalog({ api }));
    const [catalog, config] = await Promise.all([
      readSegmentCatalog({ api }),
      readShopConfig({ api }),
    ]);
    console.log(formatSegmentCatalog({ catalog, currency: config.currency }));
  });
