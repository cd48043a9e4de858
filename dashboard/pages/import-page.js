// @ts-check
import { definitions, h, table } from '../shared/dom.js';
import { emptyState, pageHeading, statusBadge } from '../shared/page-states.js';

/**
 * @typedef {{ file?: string, line: number, reason: string, column?: string, value?: string }} RowIssue
 * @typedef {{ import: import('../shared/api-types.js').Import, rejected: RowIssue[], warnings: RowIssue[] }} ImportReport
 */

/**
 * @param {string} title
 * @param {RowIssue[]} issues
 * @param {string} none
 */
const issuesTable = (title, issues, none) =>
  issues.length === 0
    ? h('section', {}, h('h2', {}, title), h('p', {}, none))
    : h(
        'section',
        {},
        h('h2', {}, title),
        table({
          headers: ['Line', 'Column', 'Value', 'Reason'],
          rowHeaders: true,
          rows: issues.map((issue) => [
            String(issue.line),
            issue.column ?? '—',
            issue.value ?? '—',
            issue.reason,
          ]),
        }),
      );

/** @type {import('../shared/page-context.js').Page} */
export const importPage = {
  title: () => 'Import',
  render: async ({ api, format, params, show, signal }) => {
    /** @type {ImportReport} */
    const report = await api.get(`v1/imports/${encodeURIComponent(params.id ?? '')}`, signal);
    const { counts, detection } = report.import;
    const fileName = report.import.key.split('/').at(-1) ?? report.import.key;
    document.title = `Import ${fileName} · Shoal`;
    show(
      pageHeading(`Import of ${fileName}`),
      report.import.error
        ? h(
            'div',
            { class: 'state state-error', role: 'alert' },
            h('p', {}, `The import failed: ${report.import.error}`),
          )
        : null,
      definitions([
        ['Status', statusBadge(report.import.status)],
        ['Kind', report.import.kind],
        ['Started', format.dateTime(report.import.startedAt)],
        [
          'Finished',
          report.import.finishedAt ? format.dateTime(report.import.finishedAt) : undefined,
        ],
        [
          'Read as',
          detection
            ? `${detection.format}, ${detection.encoding}, dates ${detection.dateFormat}`
            : undefined,
        ],
      ]),
      h(
        'section',
        { class: 'stats', 'aria-label': 'Row counts' },
        definitions(
          /** @type {[string, string][]} */ (
            [
              ['Rows read', counts.read],
              ['Inserted', counts.inserted],
              ['Updated', counts.updated],
              ['Unchanged', counts.unchanged],
              ['Rejected', counts.rejected],
              ['Failed writes', counts.failed],
              ['Warnings', counts.warnings],
            ].map(([label, value]) => [label, format.integer(Number(value))])
          ),
        ),
      ),
      report.import.issuesTruncated
        ? h(
            'p',
            { class: 'hint' },
            'Only the first 10,000 rejected rows and warnings are listed; the counts are exact.',
          )
        : null,
      issuesTable('Rejected rows', report.rejected, 'No row was rejected.'),
      issuesTable('Warnings', report.warnings, 'No warnings.'),
      counts.read === 0 && report.import.status !== 'running'
        ? emptyState('The file had no rows.')
        : null,
    );
  },
};
