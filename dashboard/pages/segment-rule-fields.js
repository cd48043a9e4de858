// @ts-check

/**
 * The fields the rule builder offers, by the paths segment rules read (core's resolveRuleField).
 * A shop's own export columns are reachable as `attributes.<column>` through "Other attribute".
 * @typedef {{ path: string, label: string, type: 'number' | 'text', group: string }} RuleField
 */

/** @type {RuleField[]} */
export const RULE_FIELDS = [
  { path: 'rfm.r', label: 'Recency score (R, 1–5)', type: 'number', group: 'RFM' },
  { path: 'rfm.f', label: 'Frequency score (F, 1–5)', type: 'number', group: 'RFM' },
  { path: 'rfm.m', label: 'Monetary score (M, 1–5)', type: 'number', group: 'RFM' },
  { path: 'rfm.segment', label: 'RFM segment', type: 'text', group: 'RFM' },
  { path: 'lifecycle.stage', label: 'Lifecycle stage', type: 'text', group: 'RFM' },
  {
    path: 'features.recencyDays',
    label: 'Days since last order',
    type: 'number',
    group: 'Purchases',
  },
  { path: 'features.frequency', label: 'Number of orders', type: 'number', group: 'Purchases' },
  { path: 'features.monetary', label: 'Total spend', type: 'number', group: 'Purchases' },
  {
    path: 'features.averageOrderValue',
    label: 'Average order value',
    type: 'number',
    group: 'Purchases',
  },
  {
    path: 'features.ordersLast90Days',
    label: 'Orders in the last 90 days',
    type: 'number',
    group: 'Purchases',
  },
  { path: 'features.topCategory', label: 'Top category', type: 'text', group: 'Purchases' },
  {
    path: 'features.preferredChannel',
    label: 'Preferred channel',
    type: 'text',
    group: 'Purchases',
  },
  { path: 'profile.country', label: 'Country (ISO code)', type: 'text', group: 'Profile' },
  { path: 'profile.city', label: 'City', type: 'text', group: 'Profile' },
  { path: 'profile.tags', label: 'Tags', type: 'text', group: 'Profile' },
  { path: 'features.ageBand', label: 'Age band', type: 'text', group: 'Profile' },
  { path: 'features.incomeBand', label: 'Income band', type: 'text', group: 'Profile' },
  { path: 'features.consentState', label: 'Marketing consent', type: 'text', group: 'Profile' },
];

/** Operators by field type, with the words the builder shows for them. */
export const OPERATORS = {
  number: [
    ['gte', 'is at least'],
    ['lte', 'is at most'],
    ['eq', 'equals'],
    ['neq', 'does not equal'],
    ['gt', 'is more than'],
    ['lt', 'is less than'],
    ['between', 'is between'],
    ['exists', 'is known'],
    ['missing', 'is unknown'],
  ],
  text: [
    ['eq', 'is'],
    ['neq', 'is not'],
    ['in', 'is one of (comma-separated)'],
    ['contains', 'contains'],
    ['starts_with', 'starts with'],
    ['exists', 'is known'],
    ['missing', 'is unknown'],
  ],
};

/**
 * The rule's `value` for what was typed, in the shape each operator takes (core's valueShapes).
 * @param {'number' | 'text'} type
 * @param {string} op
 * @param {string} raw
 * @param {string} rawHigh the upper bound of `between`
 * @returns {unknown}
 */
export const ruleValue = (type, op, raw, rawHigh) => {
  /** @param {string} text */
  const scalar = (text) => (type === 'number' ? Number(text.trim()) : text.trim());
  if (op === 'exists' || op === 'missing') return undefined;
  if (op === 'between') return [scalar(raw), scalar(rawHigh)];
  if (op === 'in')
    return raw
      .split(',')
      .map(scalar)
      .filter((value) => value !== '');
  return scalar(raw);
};

/**
 * The date fields `within_last`, `before` and `after` read (ISO dates or instants).
 * @type {{ path: string, label: string }[]}
 */
export const DATE_FIELDS = [
  { path: 'features.lastOrderDate', label: 'Last order' },
  { path: 'features.firstOrderDate', label: 'First order' },
  { path: 'features.lastEventDate', label: 'Last event (visit, click…)' },
  { path: 'profile.signupAt', label: 'Signed up' },
];

/** How a date field is compared, with the builder's words for it. */
export const DATE_OPERATORS = [
  ['within_last', 'is within the last (days)'],
  ['before', 'is before'],
  ['after', 'is after'],
];

/**
 * Event types Shoal's own journeys record (core's KnownEventType), offered as suggestions: a shop
 * may send any other snake_case type, so the field stays free text.
 */
export const EVENT_TYPES = [
  'page_viewed',
  'product_viewed',
  'added_to_cart',
  'checkout_started',
  'purchased',
  'support_contacted',
  'email_opened',
  'email_clicked',
];
