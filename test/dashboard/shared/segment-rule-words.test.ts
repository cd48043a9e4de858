import { describe, expect, it } from 'vitest';
import { describeSegmentRule } from '../../../core/admin/describe-segment-rule';
import type { SegmentRuleNode } from '../../../core/segments';
import { describeRule } from '../../../dashboard/shared/segment-rule-words.js';

/** Every node type, nested, with the optional parts both present and absent. */
const everyNode: SegmentRuleNode = {
  type: 'and',
  children: [
    { type: 'compare', field: 'profile.country', op: 'in', value: ['SE', 'NO'] },
    { type: 'compare', field: 'features.recencyDays', op: 'between', value: [30, 90] },
    { type: 'compare', field: 'profile.email', op: 'exists' },
    {
      type: 'or',
      children: [
        { type: 'within_last', field: 'features.lastOrderDate', days: 30 },
        { type: 'before', field: 'profile.signupAt', date: '2026-01-01' },
        { type: 'after', field: 'features.firstOrderDate', date: '2025-06-30' },
      ],
    },
    {
      type: 'not',
      child: {
        type: 'or',
        children: [
          { type: 'event', eventType: 'added_to_cart', min: 2, withinDays: 30 },
          { type: 'event', eventType: 'purchased', max: 0 },
          { type: 'event', eventType: 'page_viewed', min: 1, max: 5 },
          {
            type: 'event',
            eventType: 'product_viewed',
            where: [{ property: 'productCategory', op: 'eq', value: 'kitchen' }],
          },
        ],
      },
    },
    { type: 'not', child: { type: 'segment', segmentId: 'rfm:lost' } },
  ],
};

describe('describeRule (the dashboard’s words for a rule)', () => {
  it('words every node as the API’s definitionText does', () => {
    expect(describeRule(everyNode, (id: string) => id)).toBe(describeSegmentRule(everyNode));
  });

  it('names a referenced segment by its name', () => {
    const rule = { type: 'segment', segmentId: 'rfm:champions' };
    expect(describeRule(rule, (id: string) => (id === 'rfm:champions' ? 'Champions' : id))).toBe(
      'in segment Champions',
    );
  });
});
