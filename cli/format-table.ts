import type { Paint } from './terminal-style';

export interface Column {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
}

/** A cell's text, and optionally a colour applied after padding so escape codes never skew widths. */
export type Cell = string | { text: string; paint: Paint };

const textOf = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.text);

const pad = (text: string, width: number, align: Column['align']): string =>
  align === 'right' ? text.padStart(width) : text.padEnd(width);

/** Rows under a header, each column as wide as its widest cell, two spaces apart. */
export const formatTable = ({ columns, rows }: { columns: Column[]; rows: Cell[][] }): string => {
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...rows.map((row) => textOf(row[index] ?? '').length)),
  );
  const line = (cells: Cell[]) =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const padded = pad(textOf(cell), widths[index] ?? 0, column.align);
        return typeof cell === 'string' ? padded : cell.paint(padded);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map(line)].join('\n');
};
