import { describe, expect, it } from 'vitest';
import {
  defaultRfmSegmentTable,
  parseRfmSegmentTable,
  rfmSegmentNameOf,
} from '../../../core/segments/rfm-segment-table';
import { InvalidRfmSegmentTableError } from '../../../core/segments/segment-errors';

describe('rfmSegmentNameOf', () => {
  it.each([
    [5, 5, 5, 'Champions'],
    [4, 4, 1, 'Loyal'],
    [1, 4, 5, 'Cannot Lose Them'],
    [1, 4, 2, 'At Risk'],
    [2, 3, 5, 'At Risk'],
    [1, 1, 5, 'Lost'],
    [2, 2, 1, 'Hibernating'],
    [3, 1, 3, 'About to Sleep'],
    [3, 3, 3, 'Need Attention'],
    [5, 1, 1, 'New Customers'],
    [4, 1, 2, 'Promising'],
    [5, 3, 2, 'Potential Loyalists'],
  ])('returns R=%i F=%i M=%i → %s with the default table', (r, f, m, name) => {
    expect(rfmSegmentNameOf({ scores: { r, f, m }, table: defaultRfmSegmentTable })).toBe(name);
  });

  it('uses all eleven names and covers all 125 cells', () => {
    expect(parseRfmSegmentTable(defaultRfmSegmentTable)).toEqual(defaultRfmSegmentTable);
    expect(new Set(defaultRfmSegmentTable.map(({ name }) => name)).size).toBe(11);
  });
});

describe('parseRfmSegmentTable', () => {
  it('returns a user table that replaces the default', () => {
    const table = [
      { name: 'Best', r: [4, 5], f: [4, 5], m: [4, 5] },
      { name: 'Everyone else', r: [1, 5], f: [1, 5] },
    ];

    const parsed = parseRfmSegmentTable(table);

    expect(rfmSegmentNameOf({ scores: { r: 5, f: 5, m: 5 }, table: parsed })).toBe('Best');
    expect(rfmSegmentNameOf({ scores: { r: 5, f: 5, m: 3 }, table: parsed })).toBe('Everyone else');
  });

  it('throws naming a cell no rule covers', () => {
    expect(() => parseRfmSegmentTable([{ name: 'Top', r: [2, 5], f: [1, 5] }])).toThrow(
      'no rule covers R=1 F=1 M=1',
    );
  });

  it('throws naming the bad range', () => {
    try {
      parseRfmSegmentTable([{ name: 'Odd', r: [5, 1], f: [1, 5] }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRfmSegmentTableError);
      expect((error as InvalidRfmSegmentTableError).path).toEqual([0, 'r']);
    }
  });
});
