import { describe, expect, it } from 'vitest';
import { CLUSTER_DIMENSIONS } from '../../../core/segments/cluster-vector';
import { resolveRuleField } from '../../../core/segments/resolve-rule-field';
import {
  DATE_FIELD_CATALOG,
  featureWords,
  RULE_FIELD_CATALOG,
} from '../../../core/segments/rule-field-catalog';

describe('the rule field catalogue', () => {
  it('offers only fields that segment rules can read', () => {
    const unreadable = [...RULE_FIELD_CATALOG, ...DATE_FIELD_CATALOG]
      .map((field) => field.path)
      .filter((path) => resolveRuleField(path) === undefined);

    expect(unreadable).toEqual([]);
  });

  it('names every clustering dimension in words, not by its code', () => {
    for (const dimension of CLUSTER_DIMENSIONS) {
      const { label } = featureWords(dimension);

      expect(label).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
      expect(label).not.toBe(dimension);
    }
  });
});
