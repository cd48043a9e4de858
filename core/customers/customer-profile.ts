import { z } from 'zod';

/** A custom attribute value as it came from an export column Shoal has no field for. */
export const AttributeValue = z.union([z.string(), z.number(), z.boolean()]);
export type AttributeValue = z.infer<typeof AttributeValue>;

export const MarketingConsent = z.object({
  state: z.enum(['granted', 'denied']),
  /** When the customer gave or withdrew consent, ISO-8601; absent when the source did not say. */
  at: z.string().optional(),
});
export type MarketingConsent = z.infer<typeof MarketingConsent>;

/**
 * Purchase totals an export states about a customer instead of (or besides) listing orders:
 * Shopify's `Total Spent` / `Total Orders`, a CRM's `Last Order Date`. Segmentation uses them
 * for a customer without orders on record (the reason says "from the export's totals"); ingest
 * fills them, and a customer with a positive order count here is a buyer, never a prospect.
 */
export const ExportTotals = z.object({
  orderCount: z.number().int().nonnegative().optional(),
  /** In the shop's currency, as the export states it. */
  totalSpent: z.number().optional(),
  /** ISO-8601 instants. */
  firstOrderAt: z.string().optional(),
  lastOrderAt: z.string().optional(),
});
export type ExportTotals = z.infer<typeof ExportTotals>;

/**
 * The fields Shoal understands about a person. Every field is optional because exports differ;
 * identification needs `externalId` or `email`.
 */
export const ProfileFields = z.object({
  externalId: z.string().optional(),
  /** Trimmed and lower-cased: the form used for matching and suppression. */
  email: z.string().optional(),
  /** The address exactly as the source wrote it, for display. */
  emailDisplay: z.string().optional(),
  /** E.164. */
  phone: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  /** ISO date (YYYY-MM-DD). */
  birthDate: z.string().optional(),
  birthYear: z.number().int().optional(),
  gender: z.string().optional(),
  income: z.number().optional(),
  education: z.string().optional(),
  occupation: z.string().optional(),
  maritalStatus: z.string().optional(),
  householdSize: z.number().int().optional(),
  children: z.number().int().optional(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().optional(),
  region: z.string().optional(),
  city: z.string().optional(),
  postalCode: z.string().optional(),
  /** BCP 47 language tag. */
  language: z.string().optional(),
  /** IANA time zone name. */
  timeZone: z.string().optional(),
  tags: z.array(z.string()).optional(),
  consent: MarketingConsent.optional(),
  /** ISO-8601 instant the customer signed up or was created in the source system. */
  signupAt: z.string().optional(),
  exportTotals: ExportTotals.optional(),
});
export type ProfileFields = z.infer<typeof ProfileFields>;
export type ProfileFieldName = keyof ProfileFields;

/** A stored customer: fields plus custom attributes, with the source time of every value for merging. */
export const CustomerProfile = ProfileFields.extend({
  customerId: z.string(),
  attributes: z.record(z.string(), AttributeValue),
  /** Field or `attributes.<name>` → ISO instant of the source the current value came from. */
  sourceTimes: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optimistic concurrency counter for conditional writes. */
  version: z.number().int().nonnegative(),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;
