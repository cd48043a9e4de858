import { KnownEventType } from '../customers/customer-event';
import type { ProfileFieldName } from '../customers/customer-profile';
import type { CustomerFeatures } from './customer-features';

/** How a value of the field reads best: a count, an amount of money, a 0–1 share or words. */
export type FieldFormat = 'integer' | 'decimal' | 'money' | 'share' | 'text';

/** A field a marketer can build a rule on, in the words the product uses for it. */
export interface CatalogField {
  /** The path segment rules read (`resolveRuleField`). */
  path: string;
  label: string;
  type: 'number' | 'text';
  group: 'RFM' | 'Purchases' | 'Profile';
  format: FieldFormat;
}

/** A date a rule can compare with `within_last`, `before` or `after`. */
export interface CatalogDateField {
  path: string;
  label: string;
}

type FeatureName = keyof CustomerFeatures;

/**
 * The words for the features a marketer sees: in the rule builder, on the clusters page and in
 * the API. One table, so the clusters page cannot call `recencyDays` what the builder calls "Days
 * since last order".
 */
const FEATURE_WORDS = {
  recencyDays: { label: 'Days since last order', format: 'integer' },
  frequency: { label: 'Number of orders', format: 'integer' },
  monetary: { label: 'Total spend', format: 'money' },
  averageOrderValue: { label: 'Average order value', format: 'money' },
  tenureDays: { label: 'Days as a customer', format: 'integer' },
  ordersLast90Days: { label: 'Orders in the last 90 days', format: 'integer' },
  webShare: { label: 'Share of orders on the web', format: 'share' },
  storeShare: { label: 'Share of orders in store', format: 'share' },
  catalogShare: { label: 'Share of orders from the catalogue', format: 'share' },
  topCategory: { label: 'Top category', format: 'text' },
  preferredChannel: { label: 'Preferred channel', format: 'text' },
  ageBand: { label: 'Age band', format: 'text' },
  incomeBand: { label: 'Income band', format: 'text' },
  consentState: { label: 'Marketing consent', format: 'text' },
} as const satisfies Partial<Record<FeatureName, { label: string; format: FieldFormat }>>;

type WordedFeature = keyof typeof FEATURE_WORDS;

/** The marketer's words for a feature, e.g. `Days since last order` for `recencyDays`. */
export const featureWords = (name: WordedFeature): { label: string; format: FieldFormat } =>
  FEATURE_WORDS[name];

const feature = (name: WordedFeature, group: CatalogField['group']): CatalogField => {
  const { label, format } = FEATURE_WORDS[name];
  return {
    path: `features.${name}`,
    label,
    type: format === 'text' ? 'text' : 'number',
    group,
    format,
  };
};

const profile = (name: ProfileFieldName, label: string): CatalogField => ({
  path: `profile.${name}`,
  label,
  type: 'text',
  group: 'Profile',
  format: 'text',
});

/**
 * The fields the rule builder offers, in its order. A shop's own export columns are reachable as
 * `attributes.<column>` too, which no catalogue can list.
 */
export const RULE_FIELD_CATALOG: readonly CatalogField[] = [
  {
    path: 'rfm.r',
    label: 'Recency score (R, 1–5)',
    type: 'number',
    group: 'RFM',
    format: 'integer',
  },
  {
    path: 'rfm.f',
    label: 'Frequency score (F, 1–5)',
    type: 'number',
    group: 'RFM',
    format: 'integer',
  },
  {
    path: 'rfm.m',
    label: 'Monetary score (M, 1–5)',
    type: 'number',
    group: 'RFM',
    format: 'integer',
  },
  { path: 'rfm.segment', label: 'RFM segment', type: 'text', group: 'RFM', format: 'text' },
  { path: 'lifecycle.stage', label: 'Lifecycle stage', type: 'text', group: 'RFM', format: 'text' },
  feature('recencyDays', 'Purchases'),
  feature('frequency', 'Purchases'),
  feature('monetary', 'Purchases'),
  feature('averageOrderValue', 'Purchases'),
  feature('ordersLast90Days', 'Purchases'),
  feature('topCategory', 'Purchases'),
  feature('preferredChannel', 'Purchases'),
  profile('country', 'Country (ISO code)'),
  profile('city', 'City'),
  profile('tags', 'Tags'),
  feature('ageBand', 'Profile'),
  feature('incomeBand', 'Profile'),
  feature('consentState', 'Profile'),
];

export const DATE_FIELD_CATALOG: readonly CatalogDateField[] = [
  { path: 'features.lastOrderDate', label: 'Last order' },
  { path: 'features.firstOrderDate', label: 'First order' },
  { path: 'features.lastEventDate', label: 'Last event (visit, click…)' },
  { path: 'profile.signupAt', label: 'Signed up' },
];

/**
 * Event types Shoal's own journeys record, offered as suggestions: a shop may send any other
 * snake_case type.
 */
export const EVENT_TYPE_CATALOG: readonly KnownEventType[] = KnownEventType.options;
