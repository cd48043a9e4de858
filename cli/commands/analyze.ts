import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { InMemoryCustomerStore } from '../../adapters/memory/in-memory-customer-store';
import { analyzeExports } from '../../core/analysis/analyze-exports';
import { ImportKind } from '../../core/ingest/import-kind';
import { segmentTemplates } from '../../core/segments';
import { ValidationError } from '../../core/shared/errors';

const readJson = async (path: string, option: string): Promise<unknown> => {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ValidationError(`${option} ${path}: ${(error as Error).message}`, [option]);
  }
};

// The UMD build is not in chart.js's exports map; find it beside the package's CommonJS entry.
const CHART_LIBRARY = join(
  dirname(createRequire(import.meta.url).resolve('chart.js')),
  'chart.umd.min.js',
);

interface AnalyzeOptions {
  out: string;
  asOf?: string;
  segments?: string;
  kind?: ImportKind;
  mapping?: string;
  timeZone: string;
}

/** `shoal analyze FILE... --out DIR`: ingest and segment exports in memory, no AWS needed. */
export const analyzeCommand = (): Command =>
  new Command('analyze')
    .description('Ingest and segment export files in memory and write the results to a folder')
    .argument('<files...>', 'customer, order or event exports (CSV, JSON, NDJSON, optionally .gz)')
    .requiredOption(
      '--out <dir>',
      'folder for customers.csv, segments.csv, report.html, rejected.csv, summary.json',
    )
    .option('--as-of <date>', 'as-of date YYYY-MM-DD (default: the day after the newest order)')
    .option('--segments <rules.json>', 'rule segments to evaluate (default: the shipped templates)')
    .addOption(new Option('--kind <kind>', 'kind of every file').choices(ImportKind.options))
    .option('--mapping <mapping.json>', 'explicit column mapping for every file')
    .option('--time-zone <zone>', "the shop's IANA time zone", 'UTC')
    .action(async (files: string[], options: AnalyzeOptions) => {
      if (options.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) {
        throw new ValidationError(`--as-of must be YYYY-MM-DD, got "${options.asOf}"`, ['--as-of']);
      }
      const rules = options.segments
        ? await readJson(options.segments, '--segments')
        : segmentTemplates;
      if (!Array.isArray(rules)) {
        throw new ValidationError('--segments must contain a JSON array of segment definitions', [
          '--segments',
        ]);
      }
      const result = await analyzeExports({
        files: files.map((path) => ({ name: basename(path), open: () => createReadStream(path) })),
        store: new InMemoryCustomerStore(),
        clock: () => new Date(),
        ...(options.kind && { kind: options.kind }),
        ...(options.mapping && { mapping: await readJson(options.mapping, '--mapping') }),
        ...(options.asOf && { asOf: options.asOf }),
        timeZone: options.timeZone,
        rules,
        chartLibrary: await readFile(CHART_LIBRARY, 'utf8'),
      });
      await mkdir(options.out, { recursive: true });
      const summary = {
        asOf: result.asOf,
        asOfSource: result.asOfSource,
        imports: result.imports,
        segments: result.run.segments,
      };
      await Promise.all([
        writeFile(join(options.out, 'customers.csv'), result.customersCsv),
        writeFile(join(options.out, 'segments.csv'), result.segmentsCsv),
        writeFile(join(options.out, 'rejected.csv'), result.rejectedCsv),
        writeFile(join(options.out, 'report.html'), result.reportHtml),
        writeFile(join(options.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`),
      ]);
      for (const record of result.imports) {
        const { read, rejected, warnings } = record.counts;
        console.log(
          `${record.key}: ${record.status}, ${read} rows read, ${rejected} rejected, ${warnings} warnings`,
        );
      }
      console.log(`As of ${result.asOf} (${result.asOfSource}); results in ${options.out}`);
    });
