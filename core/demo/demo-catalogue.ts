import type { Season } from '../segments/climate-table';

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  /** In the shop's currency (EUR). */
  price: number;
  /** Sells mostly in this season at the customer's place: coats in the local winter. */
  season?: Extract<Season, 'winter' | 'summer'>;
}

/** A lifestyle shop shipping worldwide: something for the wine, outdoor and kids templates. */
// prettier-ignore
export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'WIN-RIO-01', name: 'Rioja Reserva 2019', category: 'wine', price: 24.9 },
  { sku: 'WIN-CHA-02', name: 'Chablis Premier Cru', category: 'wine', price: 38.5 },
  { sku: 'WIN-MAL-03', name: 'Mendoza Malbec', category: 'wine', price: 16.9 },
  { sku: 'WIN-BOX-04', name: 'Collector’s wine box (6 bottles)', category: 'wine', price: 145 },
  { sku: 'COF-ETH-01', name: 'Ethiopian Yirgacheffe beans 1 kg', category: 'coffee', price: 34 },
  { sku: 'COF-TEA-02', name: 'Sencha green tea', category: 'coffee', price: 12.5 },
  { sku: 'COF-GRI-03', name: 'Burr coffee grinder', category: 'coffee', price: 129 },
  { sku: 'PAN-OLI-01', name: 'Cold-pressed olive oil 1 l', category: 'pantry', price: 18.9 },
  { sku: 'PAN-SPI-02', name: 'Spice discovery set', category: 'pantry', price: 29 },
  { sku: 'PAN-CHO-03', name: 'Dark chocolate selection', category: 'pantry', price: 14.5 },
  { sku: 'KIT-KNI-01', name: 'Chef’s knife 21 cm', category: 'kitchen', price: 89 },
  { sku: 'KIT-POT-02', name: 'Cast-iron casserole', category: 'kitchen', price: 189 },
  { sku: 'KIT-BOA-03', name: 'Oak cutting board', category: 'kitchen', price: 39 },
  { sku: 'HOM-THR-01', name: 'Wool throw', category: 'home', price: 79, season: 'winter' },
  { sku: 'HOM-CAN-02', name: 'Scented candle trio', category: 'home', price: 27 },
  { sku: 'HOM-LAM-03', name: 'Linen table lamp', category: 'home', price: 119 },
  { sku: 'HOM-FAN-04', name: 'Quiet desk fan', category: 'home', price: 49, season: 'summer' },
  { sku: 'OUT-TEN-01', name: 'Two-person tent', category: 'outdoor', price: 249, season: 'summer' },
  { sku: 'OUT-BOT-02', name: 'Insulated bottle', category: 'outdoor', price: 29 },
  { sku: 'OUT-SKI-03', name: 'Ski gloves', category: 'outdoor', price: 59, season: 'winter' },
  { sku: 'OUT-BAC-04', name: 'Day pack 25 l', category: 'outdoor', price: 89 },
  { sku: 'APP-COA-01', name: 'Down winter coat', category: 'apparel', price: 229, season: 'winter' },
  { sku: 'APP-SWI-02', name: 'Swim shorts', category: 'apparel', price: 35, season: 'summer' },
  { sku: 'APP-TEE-03', name: 'Organic cotton T-shirt', category: 'apparel', price: 22 },
  { sku: 'APP-BEA-04', name: 'Merino beanie', category: 'apparel', price: 32, season: 'winter' },
  { sku: 'KID-BLO-01', name: 'Wooden building blocks', category: 'kids', price: 39 },
  { sku: 'KID-BOO-02', name: 'Picture book bundle', category: 'kids', price: 24 },
  { sku: 'KID-RAI-03', name: 'Kids’ rain jacket', category: 'kids', price: 45 },
  { sku: 'PET-BED-01', name: 'Orthopaedic dog bed', category: 'pets', price: 69 },
  { sku: 'PET-TRE-02', name: 'Grain-free treats', category: 'pets', price: 9.5 },
  { sku: 'SPO-MAT-01', name: 'Cork yoga mat', category: 'sport', price: 58 },
  { sku: 'SPO-SHO-02', name: 'Trail running shoes', category: 'sport', price: 139 },
  { sku: 'SPO-BAN-03', name: 'Resistance band set', category: 'sport', price: 19 },
];

/** Interests customers state at signup, and the category each draws them to. */
export const DEMO_INTERESTS: Readonly<Record<string, string>> = {
  wine: 'wine',
  coffee: 'coffee',
  cooking: 'kitchen',
  baking: 'pantry',
  outdoors: 'outdoor',
  skiing: 'outdoor',
  beach: 'apparel',
  fashion: 'apparel',
  kids: 'kids',
  pets: 'pets',
  'home decor': 'home',
  yoga: 'sport',
  running: 'sport',
};

export const DEMO_CURRENCY = 'EUR';
