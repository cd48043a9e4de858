import { Command } from 'commander';
import { kindFromKey } from '../../core/ingest/import-keys';
import type { ImportRecord } from '../../core/ingest/import-record';
import { apiClientFor, type ApiTargetOptions, withApiTarget } from '../api-target-option';
import { formatCount } from '../format-numbers';
import { formatTable } from '../format-table';
import type { ImportsPage } from '../import-types';
import { printJson } from '../print-json';
import { paintStatus, terminalStyle, type TerminalStyle } from '../terminal-style';

/** `2026-05-01T12:03:04.567Z` → `2026-05-01 12:03`, in UTC as the API reports it. */
export const formatInstant = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

/** One line per import: when, outcome, kind, file and every count. */
export const formatImportsTable = ({
  imports,
  style,
}: {
  imports: ImportRecord[];
  style: TerminalStyle;
}): string =>
  formatTable({
    columns: [
      { header: 'STARTED (UTC)' },
      { header: 'STATUS' },
      { header: 'KIND' },
      { header: 'READ', align: 'right' },
      { header: 'INSERTED', align: 'right' },
      { header: 'UPDATED', align: 'right' },
      { header: 'REJECTED', align: 'right' },
      { header: 'WARNINGS', align: 'right' },
      { header: 'FILE' },
    ],
    rows: imports.map((record) => [
      formatInstant(record.startedAt),
      { text: record.status, paint: paintStatus({ style, status: record.status }) },
      record.kind ?? kindFromKey(record.key) ?? '',
      formatCount(record.counts.read),
      formatCount(record.counts.inserted),
      formatCount(record.counts.updated),
      formatCount(record.counts.rejected),
      formatCount(record.counts.warnings),
      record.key,
    ]),
  });

/** `shoal imports`: what was imported, newest first. */
export const importsCommand = (): Command =>
  withApiTarget(
    new Command('imports')
      .description('List imports, newest first, with their counts')
      .option('--json', 'print the API’s JSON'),
  ).action(async (options: ApiTargetOptions & { json?: boolean }) => {
    const api = await apiClientFor(options);
    const page = await api.request<ImportsPage>({ path: '/v1/imports' });
    if (options.json) return printJson(page);
    if (page.items.length === 0) {
      console.log('No imports yet: upload an export with `npx shoal upload FILE`.');
      return;
    }
    console.log(formatImportsTable({ imports: page.items, style: terminalStyle() }));
  });
