import { CustomerProfile } from '../customers/customer-profile';
import { CUSTOMER_FEATURE_NAMES } from './customer-features';
import type { RuleContext } from './rule-context';

export interface RuleField {
  read: (context: RuleContext) => unknown;
  /** How reasons name the field: `recency`, `country`, `MntWines`. */
  label: string;
  /** Appended to the customer's value in reasons, e.g. ` days`. */
  unit: string;
}

const featureLabels: Readonly<Partial<Record<string, readonly [label: string, unit: string]>>> = {
  recencyDays: ['recency', ' days'],
  tenureDays: ['tenure', ' days'],
  daysSinceFirstOrder: ['first order', ' days ago'],
  averageOrderValue: ['average order value', ''],
  ordersLast30Days: ['orders in last 30 days', ''],
  ordersLast90Days: ['orders in last 90 days', ''],
  ordersLast365Days: ['orders in last 365 days', ''],
  meanDaysBetweenOrders: ['mean gap between orders', ' days'],
  medianDaysBetweenOrders: ['median gap between orders', ' days'],
  firstOrderDate: ['first order date', ''],
  lastOrderDate: ['last order date', ''],
  lastEventDate: ['last event date', ''],
  preferredChannel: ['preferred channel', ''],
  topCategory: ['top category', ''],
  ageBand: ['age band', ''],
  incomeBand: ['income band', ''],
  climateZone: ['climate zone', ''],
  consentState: ['consent', ''],
  householdSize: ['household size', ''],
};

const featureNames = new Set<string>(CUSTOMER_FEATURE_NAMES);
const profileNames = new Set<string>(Object.keys(CustomerProfile.shape));

const walk = (value: unknown, keys: readonly string[]): unknown => {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
};

const fixedFields: Readonly<Record<string, RuleField>> = {
  'rfm.r': { read: (c) => c.rfm?.r, label: 'R', unit: '' },
  'rfm.f': { read: (c) => c.rfm?.f, label: 'F', unit: '' },
  'rfm.m': { read: (c) => c.rfm?.m, label: 'M', unit: '' },
  'rfm.segment': { read: (c) => c.rfm?.segmentName, label: 'RFM segment', unit: '' },
  'lifecycle.stage': { read: (c) => c.lifecycleStage, label: 'lifecycle stage', unit: '' },
  'cluster.number': { read: (c) => c.cluster?.number, label: 'cluster', unit: '' },
};

/**
 * Turns a field path into a reader, once at compile time, so evaluation never parses paths.
 * Returns undefined for a path that names nothing segmentation knows.
 */
export const resolveRuleField = (path: string): RuleField | undefined => {
  const fixed = fixedFields[path];
  if (fixed) return fixed;
  const [root, name, ...rest] = path.split('.');
  if (!name) return undefined;
  if (root === 'attributes') {
    const attribute = [name, ...rest].join('.');
    return { read: (c) => c.profile.attributes[attribute], label: attribute, unit: '' };
  }
  if (root === 'features' && featureNames.has(name)) {
    const [label, unit] = featureLabels[name] ?? [[name, ...rest].join('.'), ''];
    const read =
      rest.length === 0
        ? (c: RuleContext) => c.features[name as keyof RuleContext['features']]
        : (c: RuleContext) => walk(c.features[name as keyof RuleContext['features']], rest);
    return { read, label, unit };
  }
  if (root === 'profile' && profileNames.has(name)) {
    const key = name as keyof RuleContext['profile'];
    const read =
      rest.length === 0
        ? (c: RuleContext) => c.profile[key]
        : (c: RuleContext) => walk(c.profile[key], rest);
    return { read, label: [name, ...rest].join('.'), unit: '' };
  }
  return undefined;
};
