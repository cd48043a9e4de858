// @ts-check

/**
 * Segment kinds in the order the dashboard lists them, with the words for each family. A kind not
 * listed here (a newer API's) is shown under "Other segments".
 * @type {[kind: string, words: string][]}
 */
export const SEGMENT_KINDS = [
  ['rfm', 'RFM segments'],
  ['lifecycle', 'Lifecycle stages'],
  ['cluster', 'Clusters'],
  ['rule', 'Your segments'],
];

export const OTHER_SEGMENTS = 'Other segments';

/**
 * Splits segments into their families, in SEGMENT_KINDS order, leaving out empty families.
 * @template {{ kind: string }} S
 * @param {S[]} segments
 * @param {[kind: string, words: string][]} [order]
 * @returns {{ kind: string, words: string, segments: S[] }[]}
 */
export const segmentFamilies = (segments, order = SEGMENT_KINDS) => {
  const known = new Set(order.map(([kind]) => kind));
  return [
    ...order.map(([kind, words]) => ({
      kind,
      words,
      segments: segments.filter((s) => s.kind === kind),
    })),
    { kind: 'other', words: OTHER_SEGMENTS, segments: segments.filter((s) => !known.has(s.kind)) },
  ].filter((family) => family.segments.length > 0);
};
