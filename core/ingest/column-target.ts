import type { ImportKind } from './import-kind';

/**
 * Fields a column can feed, per kind of import. Besides the stored fields, a few are inputs to
 * derived values: `fullName` is split into first and last name, `address` is a Pinpoint endpoint
 * address (e-mail or phone), `optOut` is inverted consent, `consentAt` dates the consent,
 * `updatedAt` is the row's own source time.
 */
export const PROFILE_TARGETS = [
  'externalId',
  'email',
  'phone',
  'address',
  'firstName',
  'lastName',
  'fullName',
  'birthDate',
  'birthYear',
  'gender',
  'income',
  'education',
  'occupation',
  'maritalStatus',
  'householdSize',
  'children',
  'country',
  'region',
  'city',
  'postalCode',
  'language',
  'timeZone',
  'tags',
  'consent',
  'optOut',
  'consentAt',
  'signupAt',
  'updatedAt',
] as const;

export const ORDER_TARGETS = [
  'orderId',
  'customerRef',
  'customerExternalId',
  'customerEmail',
  'orderedAt',
  'total',
  'currency',
  'status',
  'cancelledAt',
  'refundedAmount',
  'channel',
  'quantity',
  'unitPrice',
  'lineTotal',
  'sku',
  'productName',
  'category',
] as const;

export const EVENT_TARGETS = [
  'eventId',
  'eventType',
  'occurredAt',
  'customerRef',
  'customerExternalId',
  'customerEmail',
] as const;

export type ProfileTarget = (typeof PROFILE_TARGETS)[number];
export type OrderTarget = (typeof ORDER_TARGETS)[number];
export type EventTarget = (typeof EVENT_TARGETS)[number];
export type TargetField = ProfileTarget | OrderTarget | EventTarget;

/** Where one column's values go. */
export type ColumnTarget =
  { to: 'field'; field: TargetField } | { to: 'attribute'; name: string } | { to: 'ignore' };

export const TARGETS_BY_KIND: Record<ImportKind, ReadonlySet<string>> = {
  customers: new Set(PROFILE_TARGETS),
  orders: new Set(ORDER_TARGETS),
  events: new Set(EVENT_TARGETS),
};

const ALL_TARGETS: ReadonlySet<string> = new Set([
  ...PROFILE_TARGETS,
  ...ORDER_TARGETS,
  ...EVENT_TARGETS,
]);

const ATTRIBUTE_PREFIX = 'attributes.';

/** Reads the mapping notation (`email`, `attributes.vip`, `ignore`); undefined when it names nothing. */
export const parseColumnTarget = (text: string): ColumnTarget | undefined => {
  if (text === 'ignore') return { to: 'ignore' };
  if (text.startsWith(ATTRIBUTE_PREFIX) && text.length > ATTRIBUTE_PREFIX.length) {
    return { to: 'attribute', name: text.slice(ATTRIBUTE_PREFIX.length) };
  }
  return ALL_TARGETS.has(text) ? { to: 'field', field: text as TargetField } : undefined;
};

/** The mapping notation of a target, as the import report shows it. */
export const formatColumnTarget = (target: ColumnTarget): string =>
  target.to === 'field'
    ? target.field
    : target.to === 'attribute'
      ? `${ATTRIBUTE_PREFIX}${target.name}`
      : 'ignore';
