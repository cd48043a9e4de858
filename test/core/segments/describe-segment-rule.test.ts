import { describe, expect, it } from 'vitest';
import { describeSegmentRule } from '../../../core/segments/describe-segment-rule';
import type { SegmentRuleNode } from '../../../core/segments';

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

describe('describeSegmentRule', () => {
  it('words every node type, grouping nested any/all in brackets', () => {
    expect(describeSegmentRule(everyNode)).toBe(
      'country is one of “SE” and “NO” and recency days is between 30 and 90 and email is known and ' +
        '(last order date within the last 30 days or signup at before 2026-01-01 or ' +
        'first order date after 2025-06-30) and not (did added to cart at least 2 times in the ' +
        'last 30 days or did purchased at most 0 times or did page viewed 1–5 times or did ' +
        'product viewed at least 1 time where product category is “kitchen”) and not in segment ' +
        'rfm:lost',
    );
  });

  it('names a referenced segment by its name when given the names', () => {
    const rule: SegmentRuleNode = {
      type: 'not',
      child: { type: 'segment', segmentId: 'rfm:champions' },
    };
    expect(describeSegmentRule(rule, (id) => (id === 'rfm:champions' ? 'Champions' : id))).toBe(
      'not in segment Champions',
    );
  });
});
