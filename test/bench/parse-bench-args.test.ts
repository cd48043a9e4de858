import { describe, expect, it } from 'vitest';
import { BenchArgsError, parseBenchArgs } from '../../bench/parse-bench-args';

const GROUPS = ['ingest', 'segment'];

describe('parseBenchArgs', () => {
  it('returns the defaults when no option is given', () => {
    expect(parseBenchArgs([], GROUPS)).toEqual({ json: false, size: 1_000_000 });
  });

  it('returns the group, size and output format when they are given', () => {
    expect(parseBenchArgs(['--only', 'segment', '--size', '200_000', '--json'], GROUPS)).toEqual({
      json: true,
      only: 'segment',
      size: 200_000,
    });
  });

  it.each([
    [['--size', 'many'], /--size must be a number/],
    [['--size', '12.5'], /--size must be a whole number/],
    [['--size', '10'], /--size must be at least 1000/],
    [['--only', 'campaigns'], /--only must be one of: ingest, segment/],
    [['--sise', '10'], /--sise/],
  ])('names the bad option in its error for %j', (argv, message) => {
    expect(() => parseBenchArgs(argv, GROUPS)).toThrow(BenchArgsError);
    expect(() => parseBenchArgs(argv, GROUPS)).toThrow(message);
  });
});
