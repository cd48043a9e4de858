import { CustomerProfile } from '../customers/customer-profile';
import type { CustomerFeatures } from './customer-features';
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

/**
 * Every feature a rule may name as `features.<name>`, one reader each, spelled out: a single
 * `(c) => c.features[name]` shared by every field turned that property load megamorphic, and rules
 * read features for every customer of a run. The mapped type fails to compile when a feature is
 * added to the interface without a reader here.
 */
const featureReaders: {
  readonly [Name in keyof CustomerFeatures]: (features: CustomerFeatures) => CustomerFeatures[Name];
} = {
  customerId: (f) => f.customerId,
  purchaseSource: (f) => f.purchaseSource,
  frequency: (f) => f.frequency,
  cancelledOrders: (f) => f.cancelledOrders,
  refundedOrders: (f) => f.refundedOrders,
  monetary: (f) => f.monetary,
  averageOrderValue: (f) => f.averageOrderValue,
  recencyDays: (f) => f.recencyDays,
  firstOrderDate: (f) => f.firstOrderDate,
  lastOrderDate: (f) => f.lastOrderDate,
  daysSinceFirstOrder: (f) => f.daysSinceFirstOrder,
  tenureDays: (f) => f.tenureDays,
  ordersLast30Days: (f) => f.ordersLast30Days,
  ordersLast90Days: (f) => f.ordersLast90Days,
  ordersLast365Days: (f) => f.ordersLast365Days,
  daysBetweenOrders: (f) => f.daysBetweenOrders,
  meanDaysBetweenOrders: (f) => f.meanDaysBetweenOrders,
  medianDaysBetweenOrders: (f) => f.medianDaysBetweenOrders,
  categoryCounts: (f) => f.categoryCounts,
  topCategory: (f) => f.topCategory,
  channelCounts: (f) => f.channelCounts,
  preferredChannel: (f) => f.preferredChannel,
  webShare: (f) => f.webShare,
  storeShare: (f) => f.storeShare,
  catalogShare: (f) => f.catalogShare,
  eventCounts: (f) => f.eventCounts,
  lastEventDate: (f) => f.lastEventDate,
  lastCartAtMs: (f) => f.lastCartAtMs,
  lastPurchaseAtMs: (f) => f.lastPurchaseAtMs,
  age: (f) => f.age,
  ageBand: (f) => f.ageBand,
  income: (f) => f.income,
  incomeBand: (f) => f.incomeBand,
  householdSize: (f) => f.householdSize,
  children: (f) => f.children,
  country: (f) => f.country,
  region: (f) => f.region,
  city: (f) => f.city,
  hemisphere: (f) => f.hemisphere,
  climateZone: (f) => f.climateZone,
  season: (f) => f.season,
  consentState: (f) => f.consentState,
  tags: (f) => f.tags,
  attributes: (f) => f.attributes,
};

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
  if (root === 'features' && Object.hasOwn(featureReaders, name)) {
    const [label, unit] = featureLabels[name] ?? [[name, ...rest].join('.'), ''];
    const feature = featureReaders[name as keyof CustomerFeatures];
    const read =
      rest.length === 0
        ? (c: RuleContext) => feature(c.features)
        : (c: RuleContext) => walk(feature(c.features), rest);
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
