import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatTable } from '../../cli/format-table';
import { startProgress } from '../../cli/progress-indicator';
import { paintStatus, terminalStyle } from '../../cli/terminal-style';

const ESCAPE = '\u001b';

const fakeStream = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, columns: 60, written, write: (text: string) => written.push(text) };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('formatTable', () => {
  it('aligns every column to its widest cell, numbers to the right', () => {
    const table = formatTable({
      columns: [{ header: 'SEGMENT' }, { header: 'CUSTOMERS', align: 'right' }],
      rows: [
        ['Champions', '1,204'],
        ['At risk', '87'],
      ],
    });

    expect(table.split('\n')).toEqual([
      'SEGMENT    CUSTOMERS',
      'Champions      1,204',
      'At risk           87',
    ]);
  });

  it('pads before painting so colour codes never shift a column', () => {
    const style = terminalStyle({ stream: { isTTY: true }, env: {} });

    const table = formatTable({
      columns: [{ header: 'STATUS' }, { header: 'N', align: 'right' }],
      rows: [[{ text: 'failed', paint: style.red }, '1']],
    });

    expect(table.split('\n')[1]).toBe(`${ESCAPE}[31mfailed${ESCAPE}[39m  1`);
  });
});

describe('terminalStyle', () => {
  it('returns text unchanged when NO_COLOR is set, even at a terminal', () => {
    const style = terminalStyle({ stream: { isTTY: true }, env: { NO_COLOR: '1' } });

    expect(paintStatus({ style, status: 'failed' })('failed')).toBe('failed');
  });

  it('returns text unchanged when the output is not a terminal', () => {
    const style = terminalStyle({ stream: { isTTY: false }, env: {} });

    expect(style.green('ok')).toBe('ok');
  });
});

describe('startProgress', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const stream = fakeStream(false);

    const progress = startProgress({ stream });
    progress.update({ label: 'uploading', fraction: 0.5 });
    progress.stop();

    expect(stream.written).toEqual([]);
  });

  it('redraws one line with a carriage return and no escape codes, then clears it', () => {
    vi.useFakeTimers();
    const stream = fakeStream(true);

    const progress = startProgress({ stream });
    progress.update({ label: 'uploading', fraction: 0.5 });
    vi.advanceTimersByTime(300);
    progress.stop();

    const output = stream.written.join('');
    expect(output).toContain('[############............]  50% uploading');
    expect(output).not.toContain(ESCAPE);
    expect(stream.written.every((text) => text.startsWith('\r'))).toBe(true);
    expect(stream.written.at(-1)?.trim()).toBe('');
  });
});
