import { describe, expect, it } from 'vitest';
import { buildImportReportFiles, importReportKeys } from '../../../core/ingest/import-report-files';
import { startImportRecord } from '../../../core/ingest/import-record';
import { csvCell as escapeCsvCell } from '../../../core/shared/csv-cell';

describe('escapeCsvCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
  ])('returns %j as %j', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected);
  });
});

describe('buildImportReportFiles', () => {
  it('returns a JSON summary and CSVs of rejected rows and warnings with file and line', () => {
    const record = startImportRecord({
      id: 'imp-1',
      key: 'imports/customers/a.csv',
      startedAt: new Date('2026-11-22T10:00:00Z'),
    });

    const files = buildImportReportFiles({
      record,
      rejected: [
        { line: 3, reason: 'no customer identifier', column: 'Email', value: '=HYPERLINK("x")' },
      ],
      warnings: [{ line: 4, column: 'Income', value: '-5', reason: 'negative income' }],
    });

    expect(JSON.parse(files.summaryJson)).toMatchObject({ id: 'imp-1', status: 'running' });
    expect(files.rejectedCsv).toBe(
      'file,line,reason,column,value\r\nimports/customers/a.csv,3,no customer identifier,Email,"\'=HYPERLINK(""x"")"\r\n',
    );
    expect(files.warningsCsv).toBe(
      "file,line,column,value,reason\r\nimports/customers/a.csv,4,Income,'-5,negative income\r\n",
    );
    expect(importReportKeys('imp-1').rejected).toBe('reports/imports/imp-1/rejected.csv');
  });
});

describe('buildImportReportFiles summary', () => {
  it('explains the order rules the import applied', () => {
    const record = {
      ...startImportRecord({
        id: 'imp-2',
        key: 'imports/orders/retail.csv',
        startedAt: new Date('2026-11-22T10:00:00Z'),
      }),
      detection: {
        format: 'csv' as const,
        encoding: 'utf-8',
        compression: 'none' as const,
        dateFormat: 'mdy' as const,
        dateFormatSource: 'preset' as const,
        columns: {},
        rules: { cancellationPrefix: 'C' },
      },
    };

    const summary = JSON.parse(
      buildImportReportFiles({ record, rejected: [], warnings: [] }).summaryJson,
    );

    expect(summary.rulesApplied).toEqual([
      {
        name: 'cancellationPrefix',
        value: 'C',
        meaning: expect.stringContaining('cancellation invoice'),
      },
    ]);
  });
});
