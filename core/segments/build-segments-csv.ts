import { csvLine, numberCell, textCell } from '../shared/csv-cell';
import type { RunResult } from './segment-membership';

/**
 * `segments.csv` for `shoal analyze`: every segment of the run, empty ones included. The contract's
 * columns come first; kind and id follow so names that repeat across kinds stay traceable.
 */
export const buildSegmentsCsv = ({ run }: { run: RunResult }): string =>
  [
    csvLine(['segment', 'customers', 'revenue', 'kind', 'segment_id']),
    ...run.segments.map((segment) =>
      csvLine([
        textCell(segment.segmentName),
        numberCell(segment.customers),
        numberCell(segment.revenue),
        textCell(segment.kind),
        textCell(segment.segmentId),
      ]),
    ),
  ].join('');
