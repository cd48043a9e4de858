import { canonicalIsoInstant } from './canonical-iso-instant';
import type { TargetField } from './column-target';
import type { DateFormat } from './import-mapping';
import { normaliseCountry } from './normalise-country';
import { normaliseEmail } from './normalise-email';
import { normaliseEventType } from './normalise-event-type';
import { parseOrderStatus } from './order-rules';
import { parseAmount } from './parse-amount';
import { parseDateTime } from './parse-date';
import {
  canonicalGender,
  canonicalMaritalStatus,
  parseConsentState,
  parseOptOut,
} from './profile-vocabulary';

/** What the parsers need to know about the file being read; built once per file. */
export interface ParseContext {
  dateOrder: DateFormat;
  /** Anyone younger than ten is not a customer; birth years from 1900 on are plausible. */
  minBirthYear: number;
  maxBirthYear: number;
}

/** A present value Shoal cannot use; the reason ends up in the warnings or rejection report. */
export class InvalidValue {
  constructor(readonly reason: string) {}
}

type FieldParser = (text: string, context: ParseContext) => unknown;

/** Exports repeat the same countries, zones and dates; the cap keeps a hostile file from growing it. */
const memoise = <T>(parse: (text: string) => T, cap = 20_000): ((text: string) => T) => {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = parse(text);
    if (cache.size >= cap) cache.clear();
    cache.set(text, value);
    return value;
  };
};

const NUMERIC_ID = /^\d+\.0+$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;
const TAG_SEPARATORS = /[,;|]/;
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  $: 'USD',
  '£': 'GBP',
  '¥': 'JPY',
};

const text = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/**
 * Spreadsheets turn numeric ids into `17850.0`, and Shopify writes `'7001234` so Excel keeps
 * long ids as text; the id is `17850` or `7001234`.
 */
const externalId = (value: string): string | undefined => {
  let trimmed = text(value);
  if (trimmed?.startsWith("'")) trimmed = text(trimmed.slice(1));
  return trimmed && NUMERIC_ID.test(trimmed) ? trimmed.slice(0, trimmed.indexOf('.')) : trimmed;
};

const ORDER_BY_INITIAL: Readonly<Record<string, DateFormat>> = { d: 'dmy', m: 'mdy', i: 'iso' };

const instantOf = memoise((value: string): string | InvalidValue => {
  const order = ORDER_BY_INITIAL[value.charAt(0)] ?? 'iso';
  const ms = parseDateTime(value.slice(1), order);
  return ms === undefined ? new InvalidValue('not a date') : new Date(ms).toISOString();
});

const instant: FieldParser = (value, context) => {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  // Timestamps are mostly unique, so the common ISO shapes skip the memo and its garbage.
  const canonical = canonicalIsoInstant(trimmed);
  if (canonical !== undefined) return canonical;
  // The memo key carries the date order so one cache serves files of both orders.
  return instantOf(context.dateOrder.charAt(0) + trimmed);
};

const amount: FieldParser = (value) => {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return parseAmount(trimmed) ?? new InvalidValue('not an amount');
};

const wholeNumber =
  (min: number, max: number, what: string): FieldParser =>
  (value) => {
    const parsed = parseAmount(value.trim());
    if (parsed === undefined || !Number.isInteger(parsed))
      return new InvalidValue(`not a whole ${what}`);
    return parsed < min || parsed > max
      ? new InvalidValue(`${what} outside ${min}–${max}`)
      : parsed;
  };

const country = memoise(
  (value: string) => normaliseCountry(value) ?? new InvalidValue('not a known country'),
);

const timeZone = memoise((value: string): string | InvalidValue => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value.trim() }).resolvedOptions().timeZone;
  } catch {
    return new InvalidValue('not an IANA time zone');
  }
});

const language = memoise((value: string): string | InvalidValue => {
  try {
    const [tag] = Intl.getCanonicalLocales(value.trim().replaceAll('_', '-'));
    return tag ?? new InvalidValue('not a language tag');
  } catch {
    return new InvalidValue('not a language tag');
  }
});

const birthYear: FieldParser = (value, context) => {
  const year = Number(value.trim());
  if (!Number.isInteger(year)) return new InvalidValue('not a year');
  return year < context.minBirthYear || year > context.maxBirthYear
    ? new InvalidValue(`birth year outside ${context.minBirthYear}–${context.maxBirthYear}`)
    : year;
};

const birthDate: FieldParser = (value, context) => {
  const parsed = instant(value, context);
  if (typeof parsed !== 'string') return parsed;
  const year = Number(parsed.slice(0, 4));
  return year < context.minBirthYear || year > context.maxBirthYear
    ? new InvalidValue(`birth year outside ${context.minBirthYear}–${context.maxBirthYear}`)
    : parsed.slice(0, 10);
};

const email: FieldParser = (value) =>
  normaliseEmail(value) ?? new InvalidValue('not a valid e-mail');

const currency = memoise((value: string): string | InvalidValue => {
  const trimmed = value.trim();
  const code = CURRENCY_SYMBOLS[trimmed] ?? trimmed.toUpperCase();
  return CURRENCY_CODE.test(code) ? code : new InvalidValue('not an ISO 4217 currency code');
});

const tags: FieldParser = (value) => {
  const list = [
    ...new Set(
      value
        .split(TAG_SEPARATORS)
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
  return list.length > 0 ? list : undefined;
};

const orDropped =
  <T>(parse: (value: string) => T | undefined, reason: string): FieldParser =>
  (value) =>
    parse(value) ?? new InvalidValue(reason);

/**
 * One parser per field, chosen once per column when the file's plan is compiled, so the per-row
 * work is a function call per cell. Parsers return the value, undefined for "nothing there", or
 * an InvalidValue.
 */
export const FIELD_PARSERS: Record<TargetField, FieldParser> = {
  externalId,
  email,
  phone: text,
  address: text,
  firstName: text,
  lastName: text,
  fullName: text,
  birthDate,
  birthYear,
  gender: (value) => text(value) && canonicalGender(value),
  income: (value, context) => {
    const parsed = amount(value, context);
    return typeof parsed === 'number' && parsed < 0 ? new InvalidValue('negative income') : parsed;
  },
  education: text,
  occupation: text,
  maritalStatus: orDropped(canonicalMaritalStatus, 'not a marital status'),
  householdSize: wholeNumber(1, 50, 'household size'),
  children: wholeNumber(0, 20, 'number of children'),
  country,
  region: text,
  city: text,
  postalCode: text,
  language,
  timeZone,
  tags,
  consent: orDropped(parseConsentState, 'not a consent value (yes/no, true/false, subscribed…)'),
  optOut: orDropped(parseOptOut, 'not an opt-out value (ALL/NONE, true/false)'),
  consentAt: instant,
  signupAt: instant,
  updatedAt: instant,
  orderId: text,
  customerRef: text,
  customerExternalId: externalId,
  customerEmail: email,
  orderedAt: instant,
  total: amount,
  currency,
  status: memoise(
    (value: string) => parseOrderStatus(value) ?? new InvalidValue('not a known order status'),
  ),
  cancelledAt: text,
  refundedAmount: amount,
  channel: text,
  quantity: amount,
  unitPrice: amount,
  lineTotal: amount,
  sku: text,
  productName: text,
  category: text,
  eventId: text,
  eventType: orDropped(normaliseEventType, 'not an event type'),
  occurredAt: instant,
};
