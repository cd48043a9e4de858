import type { Measurement } from './measurement';

/** One JSON object per line, baseline fields only where a baseline ran: for CI and dashboards. */
export const measurementJson = (measurement: Measurement): string =>
  JSON.stringify({
    name: measurement.name,
    value: round(measurement.value),
    unit: measurement.unit,
    ...(measurement.baseline !== undefined
      ? {
          baseline: measurement.baseline,
          baselineValue: round(measurement.baselineValue ?? 0),
          ratio: Math.round((measurement.ratio ?? 0) * 1000) / 1000,
        }
      : {}),
  });

const round = (value: number): number =>
  Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;

const format = (value: number | undefined): string =>
  value === undefined ? '' : round(value).toLocaleString('en');

/** A table for people: one row per measurement, numbers aligned right. */
export const measurementTable = (measurements: readonly Measurement[]): string => {
  const header = ['measurement', 'value', 'unit', 'baseline', 'baseline value', 'ratio', 'note'];
  const rows = measurements.map((m) => [
    m.name,
    format(m.value),
    m.unit,
    m.baseline ?? '',
    format(m.baselineValue),
    m.ratio === undefined ? '' : m.ratio.toFixed(2),
    m.note ?? '',
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const numeric = new Set([1, 4, 5]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) =>
        numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};
