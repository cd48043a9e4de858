import type { MarketingConsent } from '../customers/customer-profile';

/**
 * Marital statuses in a canonical lower-case vocabulary so segment rules need not list every
 * spelling. Values outside it (the Kaggle CRM export has `Absurd` and `YOLO`) are not statuses:
 * the import drops them with a warning rather than storing noise.
 */
const MARITAL_STATUS: Readonly<Record<string, string>> = {
  single: 'single',
  alone: 'single',
  unmarried: 'single',
  married: 'married',
  together: 'together',
  partner: 'together',
  cohabiting: 'together',
  'domestic partnership': 'together',
  'in a relationship': 'together',
  divorced: 'divorced',
  separated: 'separated',
  widow: 'widowed',
  widower: 'widowed',
  widowed: 'widowed',
};

const GENDER: Readonly<Record<string, string>> = {
  m: 'male',
  male: 'male',
  man: 'male',
  f: 'female',
  female: 'female',
  woman: 'female',
};

const GRANTED = new Set([
  'true',
  'yes',
  'y',
  '1',
  'subscribed',
  'granted',
  'opted_in',
  'optin',
  'opt-in',
  'accepted',
  'on',
]);
const DENIED = new Set([
  'false',
  'no',
  'n',
  '0',
  'unsubscribed',
  'denied',
  'opted_out',
  'optout',
  'opt-out',
  'declined',
  'off',
  'cleaned',
]);

export const canonicalMaritalStatus = (text: string): string | undefined =>
  MARITAL_STATUS[text.trim().toLowerCase()];

/** Male and female are canonicalised; any other self-description is kept, lower-cased. */
export const canonicalGender = (text: string): string => {
  const lower = text.trim().toLowerCase();
  return GENDER[lower] ?? lower;
};

export const parseConsentState = (text: string): MarketingConsent['state'] | undefined => {
  const lower = text.trim().toLowerCase();
  if (GRANTED.has(lower)) return 'granted';
  if (DENIED.has(lower)) return 'denied';
  return undefined;
};

/** Pinpoint's `OptOut` is `ALL` or `NONE`; a generic opt-out flag is a boolean the other way round. */
export const parseOptOut = (text: string): MarketingConsent['state'] | undefined => {
  const lower = text.trim().toLowerCase();
  if (lower === 'all') return 'denied';
  if (lower === 'none') return 'granted';
  const state = parseConsentState(lower);
  return state === undefined ? undefined : state === 'granted' ? 'denied' : 'granted';
};
