import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../../core/ports/customer-store';
import { compileSegmentRules } from '../../../core/segments/compile-segment-rules';
import { computeCustomerFeatures } from '../../../core/segments/compute-customer-features';
import { createLocalCalendar } from '../../../core/segments/local-calendar';
import type { RuleContext } from '../../../core/segments/rule-context';
import { InvalidSegmentRuleError, SegmentCycleError } from '../../../core/segments/segment-errors';
import type { SegmentRuleNode } from '../../../core/segments/segment-rule';
import { segmentTemplates } from '../../../core/segments/segment-templates';
import { customer } from './customer-fixtures';

const calendar = createLocalCalendar({ asOf: '2026-11-01', timeZone: 'Europe/Berlin' });

const anna = customer({
  id: 'anna',
  profile: {
    country: 'DE',
    city: 'Hamburg',
    tags: ['vip', 'Wine'],
    signupAt: '2024-05-01T08:00:00Z',
    attributes: { MntWines: 812, NumDealsPurchases: '6', Complain: 0 },
  },
  orders: [
    { at: '2026-03-01T10:00:00Z', revenue: 100, categories: ['wine'] },
    { at: '2026-04-03T10:00:00Z', revenue: 60, channel: 'web' },
  ],
  events: [
    {
      type: 'added_to_cart',
      at: '2026-10-29T09:00:00Z',
      properties: { category: 'Shoes', price: 80 },
    },
    {
      type: 'added_to_cart',
      at: '2026-10-30T09:00:00Z',
      properties: { category: 'hats', price: 20 },
    },
    { type: 'page_viewed', at: '2026-01-05T09:00:00Z' },
  ],
});

const contextFor = (record: CustomerRecord, segments: number): RuleContext => ({
  features: computeCustomerFeatures({ record, calendar }),
  profile: record.profile,
  events: record.events,
  calendar,
  rfm: { r: 1, f: 4, m: 5, segmentId: 'rfm:cannot-lose-them', segmentName: 'Cannot Lose Them' },
  lifecycleStage: 'lapsing',
  lifecycleSegmentId: 'lifecycle:lapsing',
  cluster: undefined,
  matched: new Uint8Array(segments),
});

/** The reasons `rule` gives for anna, or undefined when it does not match her. */
const reasonsFor = (rule: SegmentRuleNode, record: CustomerRecord = anna): string[] | undefined => {
  const compiled = compileSegmentRules({
    definitions: [{ id: 'under-test', name: 'Under test', rule }],
  });
  const context = contextFor(record, 1);
  compiled.evaluate(context);
  return context.matched[0] === 1 ? compiled.explain(0, context) : undefined;
};

const compare = (field: string, op: string, value?: unknown) =>
  ({ type: 'compare', field, op, value }) as SegmentRuleNode;

describe('compileSegmentRules', () => {
  describe('compare', () => {
    it.each([
      ['eq', 'profile.country', 'de', ['country DE = de']],
      ['neq', 'profile.country', 'FR', ['country DE ≠ FR']],
      ['lt', 'features.recencyDays', 300, ['recency 212 days < 300']],
      ['lte', 'features.recencyDays', 212, ['recency 212 days ≤ 212']],
      ['gt', 'features.recencyDays', 180, ['recency 212 days > 180']],
      ['gte', 'attributes.MntWines', 500, ['MntWines 812 ≥ 500']],
      ['between', 'features.monetary', [100, 200], ['monetary 160 between 100 and 200']],
      ['in', 'profile.city', ['Berlin', 'Hamburg'], ['city Hamburg in [Berlin, Hamburg]']],
      ['not_in', 'profile.city', ['Berlin'], ['city Hamburg not in [Berlin]']],
      ['contains', 'features.tags', 'wine', ['tags [vip, Wine] contains wine']],
      ['starts_with', 'profile.email', 'ANNA@', ['email anna@example.com starts with ANNA@']],
      ['exists', 'profile.signupAt', undefined, ['signupAt is set (2024-05-01T08:00:00Z)']],
      ['missing', 'profile.phone', undefined, ['phone is not set']],
    ])('returns a reason with the customer value when %s matches', (op, field, value, reasons) => {
      expect(reasonsFor(compare(field, op, value))).toEqual(reasons);
    });

    it.each([
      ['eq', 'profile.country', 'FR'],
      ['lt', 'features.recencyDays', 212],
      ['between', 'features.monetary', [0, 159.99]],
      ['in', 'profile.city', ['Berlin']],
      ['not_in', 'profile.city', ['hamburg']],
      ['contains', 'features.tags', 'beer'],
      ['starts_with', 'profile.city', 'Ber'],
      ['exists', 'profile.phone', undefined],
      ['missing', 'profile.country', undefined],
    ])('returns no match when %s does not hold', (op, field, value) => {
      expect(reasonsFor(compare(field, op, value))).toBeUndefined();
    });

    it('compares a numeric string attribute as a number', () => {
      expect(reasonsFor(compare('attributes.NumDealsPurchases', 'gte', 5))).toEqual([
        'NumDealsPurchases 6 ≥ 5',
      ]);
    });

    it('returns no match for neq on a missing value', () => {
      expect(reasonsFor(compare('profile.region', 'neq', 'BY'))).toBeUndefined();
    });

    it('reads a category count map with contains', () => {
      expect(reasonsFor(compare('features.categoryCounts', 'contains', 'wine'))).toEqual([
        'categoryCounts {wine} contains wine',
      ]);
    });

    it('reads RFM scores and the lifecycle stage', () => {
      expect(
        reasonsFor({
          type: 'and',
          children: [compare('rfm.m', 'eq', 5), compare('lifecycle.stage', 'eq', 'lapsing')],
        }),
      ).toEqual(['M 5 = 5', 'lifecycle stage lapsing = lapsing']);
    });
  });

  describe('dates', () => {
    it('returns a within_last match with the date and its age', () => {
      expect(reasonsFor({ type: 'within_last', field: 'features.lastEventDate', days: 7 })).toEqual(
        ['last event date 2026-10-30 (2 days ago) within last 7 days'],
      );
    });

    it('returns no within_last match for an older date', () => {
      expect(
        reasonsFor({ type: 'within_last', field: 'features.lastOrderDate', days: 30 }),
      ).toBeUndefined();
    });

    it('returns before and after matches on instants and dates', () => {
      expect(reasonsFor({ type: 'before', field: 'profile.signupAt', date: '2025-01-01' })).toEqual(
        ['signupAt 2024-05-01 before 2025-01-01'],
      );
      expect(
        reasonsFor({ type: 'after', field: 'features.firstOrderDate', date: '2026-02-28' }),
      ).toEqual(['first order date 2026-03-01 after 2026-02-28']);
      expect(
        reasonsFor({ type: 'after', field: 'features.firstOrderDate', date: '2026-03-01' }),
      ).toBeUndefined();
    });
  });

  describe('event', () => {
    it('returns the count, window and bound of a performed event', () => {
      expect(
        reasonsFor({ type: 'event', eventType: 'added_to_cart', withinDays: 7, min: 1 }),
      ).toEqual(['added_to_cart 2× in last 7 days ≥ 1']);
    });

    it('counts only events whose properties pass the filters, in any window', () => {
      const rule: SegmentRuleNode = {
        type: 'event',
        eventType: 'added_to_cart',
        withinDays: 5,
        where: [
          { property: 'category', op: 'eq', value: 'shoes' },
          { property: 'price', op: 'gte', value: 50 },
        ],
      };

      expect(reasonsFor(rule)).toEqual([
        'added_to_cart where category = shoes and price ≥ 50 1× in last 5 days ≥ 1',
      ]);
    });

    it('returns a match for at most N times, including never', () => {
      expect(reasonsFor({ type: 'event', eventType: 'purchased', max: 0 })).toEqual([
        'purchased 0× ever ≤ 0',
      ]);
      expect(
        reasonsFor({ type: 'event', eventType: 'added_to_cart', withinDays: 30, max: 1 }),
      ).toBeUndefined();
    });
  });

  describe('and, or, not', () => {
    it('returns every matching clause of an and, the matching branch of an or, and the negated clause of a not', () => {
      const rule: SegmentRuleNode = {
        type: 'and',
        children: [
          compare('profile.country', 'eq', 'DE'),
          {
            type: 'or',
            children: [
              compare('features.frequency', 'gte', 5),
              compare('attributes.MntWines', 'gt', 500),
            ],
          },
          { type: 'not', child: compare('profile.city', 'eq', 'Berlin') },
        ],
      };

      expect(reasonsFor(rule)).toEqual([
        'country DE = DE',
        'MntWines 812 > 500',
        'not city = Berlin: city is Hamburg',
      ]);
    });

    it('returns no match when one child of an and fails', () => {
      expect(
        reasonsFor({
          type: 'and',
          children: [compare('profile.country', 'eq', 'DE'), compare('profile.city', 'eq', 'Köln')],
        }),
      ).toBeUndefined();
    });
  });

  describe('segment references', () => {
    it('evaluates a referenced segment first, whatever the order given, and names it in the reason', () => {
      const compiled = compileSegmentRules({
        definitions: [
          {
            id: 'german-wine',
            name: 'German wine lovers',
            rule: {
              type: 'and',
              children: [
                { type: 'segment', segmentId: 'wine' },
                compare('profile.country', 'eq', 'DE'),
              ],
            },
          },
          { id: 'wine', name: 'Wine lovers', rule: compare('attributes.MntWines', 'gte', 500) },
        ],
      });
      const context = contextFor(anna, 2);

      compiled.evaluate(context);

      expect([...context.matched]).toEqual([1, 1]);
      expect(compiled.explain(0, context)).toEqual(['in segment Wine lovers', 'country DE = DE']);
    });

    it('returns a match on a built-in RFM segment id', () => {
      const compiled = compileSegmentRules({
        definitions: [
          {
            id: 'save',
            name: 'Save them',
            rule: { type: 'segment', segmentId: 'rfm:cannot-lose-them' },
          },
        ],
        builtInSegments: [{ id: 'rfm:cannot-lose-them', name: 'Cannot Lose Them' }],
      });
      const context = contextFor(anna, 1);

      compiled.evaluate(context);

      expect(compiled.explain(0, context)).toEqual(['in segment Cannot Lose Them']);
    });

    it('throws a SegmentCycleError naming the loop', () => {
      const definitions = [
        { id: 'a', name: 'A', rule: { type: 'segment', segmentId: 'b' } },
        { id: 'b', name: 'B', rule: { type: 'not', child: { type: 'segment', segmentId: 'c' } } },
        {
          id: 'c',
          name: 'C',
          rule: { type: 'or', children: [{ type: 'segment', segmentId: 'a' }] },
        },
      ];

      expect(() => compileSegmentRules({ definitions })).toThrow(SegmentCycleError);
      expect(() => compileSegmentRules({ definitions })).toThrow('a → b → c → a');
    });

    it('throws for a segment that references itself', () => {
      expect(() =>
        compileSegmentRules({
          definitions: [{ id: 'me', name: 'Me', rule: { type: 'segment', segmentId: 'me' } }],
        }),
      ).toThrow(SegmentCycleError);
    });
  });

  describe('invalid rules', () => {
    const pathOf = (rule: unknown): string | undefined => {
      try {
        compileSegmentRules({ definitions: [{ id: 'bad', name: 'Bad', rule }] });
        return undefined;
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidSegmentRuleError);
        return (error as InvalidSegmentRuleError).message;
      }
    };

    it('names the value of a compare whose value does not fit the operator', () => {
      const rule = {
        type: 'and',
        children: [
          compare('profile.country', 'eq', 'DE'),
          compare('features.age', 'gte', 18),
          compare('features.age', 'between', [40]),
        ],
      };

      expect(pathOf(rule)).toMatch(
        /^Invalid segment rule at rule\.children\[2\]\.value of segment "bad"/,
      );
    });

    it('names an unknown node type', () => {
      expect(pathOf({ type: 'or', children: [{ type: 'xor', children: [] }] })).toMatch(
        /rule\.children\[0\]\.type/,
      );
    });

    it('names an unknown field', () => {
      expect(pathOf({ type: 'not', child: compare('features.recncyDays', 'gt', 3) })).toMatch(
        /rule\.child\.field .*unknown field "features\.recncyDays"/,
      );
    });

    it('names a reference to a segment that does not exist', () => {
      expect(pathOf({ type: 'and', children: [{ type: 'segment', segmentId: 'ghost' }] })).toMatch(
        /rule\.children\[0\]\.segmentId .*unknown segment "ghost"/,
      );
    });

    it('names a min above max on an event condition', () => {
      expect(pathOf({ type: 'event', eventType: 'purchased', min: 3, max: 1 })).toMatch(
        /rule\.min/,
      );
    });

    it('names an empty and', () => {
      expect(pathOf({ type: 'and', children: [] })).toMatch(/rule\.children/);
    });

    it('carries the path as data for the API to point at', () => {
      try {
        compileSegmentRules({
          definitions: [
            {
              id: 'bad',
              name: 'Bad',
              rule: { type: 'not', child: compare('profile.country', 'in', 'DE') },
            },
          ],
        });
      } catch (error) {
        expect((error as InvalidSegmentRuleError).path).toEqual(['rule', 'child', 'value']);
      }
    });

    it('throws for duplicate segment ids', () => {
      const definition = { id: 'twice', name: 'Twice', rule: compare('profile.country', 'exists') };

      expect(() => compileSegmentRules({ definitions: [definition, definition] })).toThrow(
        /duplicate segment id/,
      );
    });
  });

  describe('templates', () => {
    it('ships at least twelve templates covering every category, all of which compile', () => {
      const compiled = compileSegmentRules({ definitions: segmentTemplates });

      expect(compiled.definitions.length).toBeGreaterThanOrEqual(12);
      expect(new Set(segmentTemplates.map(({ category }) => category))).toEqual(
        new Set(['demographic', 'geographic', 'psychographic', 'behavioural', 'journey']),
      );
    });

    it('puts a customer in Minnesota into Cold climate', () => {
      const rule = segmentTemplates.find(({ id }) => id === 'cold-climate')?.rule;
      const minnesotan = customer({ id: 'm', profile: { country: 'US', region: 'MN' } });

      expect(rule && reasonsFor(rule, minnesotan)).toEqual(['climate zone cold in [cold, polar]']);
    });
  });
});
