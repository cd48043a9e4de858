import { segmentTemplates, type SegmentDefinition } from '../core/segments';

/** Rules of our own, on RFM, lifecycle and cluster fields the templates do not touch. */
const OWN_RULES: readonly SegmentDefinition[] = [
  {
    id: 'bench-valuable-and-recent',
    name: 'Valuable and recent',
    category: 'behavioural',
    rule: {
      type: 'and',
      children: [
        { type: 'compare', field: 'rfm.m', op: 'gte', value: 4 },
        { type: 'compare', field: 'features.recencyDays', op: 'lte', value: 120 },
      ],
    },
  },
  {
    id: 'bench-consenting-lapsed',
    name: 'Consenting, lapsed',
    category: 'behavioural',
    rule: {
      type: 'and',
      children: [
        { type: 'compare', field: 'features.consentState', op: 'eq', value: 'granted' },
        { type: 'compare', field: 'lifecycle.stage', op: 'in', value: ['lapsing', 'churned'] },
      ],
    },
  },
];

/** Twenty rule segments: the shipped templates plus ours, as a shop with a full set would run. */
export const benchSegmentRules: readonly SegmentDefinition[] = [
  ...segmentTemplates,
  ...OWN_RULES,
].slice(0, 20);
