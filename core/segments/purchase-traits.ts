import type { AttributeValue } from '../customers/customer-profile';

const PURCHASE_COUNTS = ['NumWebPurchases', 'NumCatalogPurchases', 'NumStorePurchases'] as const;
const SPEND = [
  'MntWines',
  'MntFruits',
  'MntMeatProducts',
  'MntFishProducts',
  'MntSweetProducts',
  'MntGoldProds',
];

export interface PurchaseTraits {
  frequency: number;
  monetary: number;
  recencyDays: number;
}

const numeric = (value: AttributeValue | undefined): number | undefined => {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
};

/**
 * Purchase history as a CRM export states it instead of listing orders: the Customer Personality
 * Analysis columns `Recency`, `Num{Web,Catalog,Store}Purchases` and `Mnt*`. Without this a shop that
 * only has such an export would get no RFM or clusters at all. Undefined unless `Recency` and at
 * least one purchase count are present; deal purchases are left out as they overlap the channels.
 */
export const purchaseTraitsOf = (
  attributes: Record<string, AttributeValue>,
): PurchaseTraits | undefined => {
  const recencyDays = numeric(attributes.Recency);
  if (recencyDays === undefined || recencyDays < 0) return undefined;
  let frequency: number | undefined;
  for (const name of PURCHASE_COUNTS) {
    const count = numeric(attributes[name]);
    if (count !== undefined && count > 0) frequency = (frequency ?? 0) + count;
  }
  if (frequency === undefined) return undefined;
  let monetary = 0;
  for (const name of SPEND) monetary += numeric(attributes[name]) ?? 0;
  return { frequency, monetary, recencyDays: Math.round(recencyDays) };
};
