import { toCsvLine } from '../shared/csv-cell';
import type { ImportKind } from '../ingest/import-kind';
import type { ImportRecord } from '../ingest/import-record';
import { ingestCustomerExport } from '../ingest/ingest-customer-export';
import type { CustomerRecord, CustomerStore } from '../ports/customer-store';
import type { Clock } from '../shared/clock';
import { buildAnalysisReport } from './build-analysis-report';
import { buildRfmGrid } from './rfm-grid';
import {
  buildCustomersCsv,
  buildSegmentsCsv,
  defaultAsOf,
  segmentCustomers,
  type RunResult,
} from '../segments';

export interface ExportFile {
  /** How the file is named in reports (`file` column of rejected.csv). */
  name: string;
  open: () => AsyncIterable<Uint8Array>;
}

export interface AnalysisResult {
  imports: ImportRecord[];
  /** `file,line,reason,column,value` for every rejected row of every file. */
  rejectedCsv: string;
  asOf: string;
  asOfSource: 'argument' | 'day after newest order' | 'clock';
  customersCsv: string;
  segmentsCsv: string;
  reportHtml: string;
  run: RunResult;
}

const collect = async (store: CustomerStore): Promise<CustomerRecord[]> => {
  const customers: CustomerRecord[] = [];
  for await (const record of store.scanCustomers({ index: 0, count: 1 })) customers.push(record);
  return customers;
};

/**
 * `shoal analyze`: ingest exports and segment the result without any AWS or emulator.
 * 1. Ingests each file, in the order given, into the (in-memory) store, as an upload would be.
 * 2. Gathers every rejected row into one report, naming the file and line.
 * 3. Picks the as-of date: the argument, else the day after the newest order, else today.
 * 4. Segments all customers (RFM, lifecycle, clusters, the given rule segments).
 * 5. Returns the CSV files and the self-contained HTML report the CLI writes.
 */
export const analyzeExports = async ({
  files,
  store,
  clock,
  kind,
  mapping,
  asOf,
  timeZone,
  rules,
  chartLibrary,
}: {
  files: readonly ExportFile[];
  /** Chart.js's UMD source, inlined into report.html. */
  chartLibrary: string;
  store: CustomerStore;
  clock: Clock;
  kind?: ImportKind;
  mapping?: unknown;
  asOf?: string;
  timeZone: string;
  rules: readonly unknown[];
}): Promise<AnalysisResult> => {
  const imports: ImportRecord[] = [];
  const rejectedLines = [toCsvLine(['file', 'line', 'reason', 'column', 'value'])];
  for (const [index, file] of files.entries()) {
    const result = await ingestCustomerExport({
      source: file.open(),
      key: file.name,
      sourceTime: clock(),
      store,
      clock,
      ...(kind && { kind }),
      ...(mapping !== undefined && { mapping }),
      importId: `analyze-${index + 1}`,
    });
    imports.push(result.record);
    for (const row of result.rejected) {
      rejectedLines.push(toCsvLine([file.name, row.line, row.reason, row.column, row.value]));
    }
  }

  const customers = await collect(store);
  const newest = defaultAsOf({ customers, timeZone });
  const chosenAsOf = asOf ?? newest ?? clock().toISOString().slice(0, 10);
  const asOfSource = asOf ? 'argument' : newest ? 'day after newest order' : 'clock';
  const segmentation = await segmentCustomers({ customers, asOf: chosenAsOf, timeZone, rules });
  return {
    imports,
    rejectedCsv: `${rejectedLines.join('\r\n')}\r\n`,
    asOf: chosenAsOf,
    asOfSource,
    customersCsv: buildCustomersCsv({ customers: segmentation.customers }),
    segmentsCsv: buildSegmentsCsv({ run: segmentation.run }),
    reportHtml: buildAnalysisReport({
      run: segmentation.run,
      grid: buildRfmGrid(segmentation.customers),
      chartLibrary,
    }),
    run: segmentation.run,
  };
};
