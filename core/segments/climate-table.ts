import { z } from 'zod';

export const Hemisphere = z.enum(['northern', 'southern']);
export type Hemisphere = z.infer<typeof Hemisphere>;

/**
 * A coarse Köppen grouping, enough for "send winter coats to people in cold places": `cold` means
 * snowy winters (continental), `polar` means tundra or ice.
 */
export const ClimateZone = z.enum(['tropical', 'dry', 'temperate', 'cold', 'polar']);
export type ClimateZone = z.infer<typeof ClimateZone>;

export const Season = z.enum(['winter', 'spring', 'summer', 'autumn']);
export type Season = z.infer<typeof Season>;

export interface Climate {
  hemisphere: Hemisphere;
  climateZone: ClimateZone;
}

type Entry = readonly [Hemisphere, ClimateZone];
const N = 'northern';
const S = 'southern';

/** Where most of each country's people live; large countries are refined by region below. */
// prettier-ignore
const byCountry: Readonly<Record<string, Entry>> = {
  AE: [N, 'dry'], AR: [S, 'temperate'], AT: [N, 'temperate'], AU: [S, 'temperate'],
  BD: [N, 'tropical'], BE: [N, 'temperate'], BG: [N, 'temperate'], BR: [S, 'tropical'],
  BY: [N, 'cold'], CA: [N, 'cold'], CH: [N, 'temperate'], CL: [S, 'temperate'],
  CN: [N, 'temperate'], CO: [N, 'tropical'], CR: [N, 'tropical'], CY: [N, 'temperate'],
  CZ: [N, 'temperate'], DE: [N, 'temperate'], DK: [N, 'temperate'], DZ: [N, 'dry'],
  EC: [S, 'tropical'], EE: [N, 'cold'], EG: [N, 'dry'], ES: [N, 'temperate'],
  FI: [N, 'cold'], FR: [N, 'temperate'], GB: [N, 'temperate'], GL: [N, 'polar'],
  GR: [N, 'temperate'], HK: [N, 'tropical'], HR: [N, 'temperate'], HU: [N, 'temperate'],
  ID: [S, 'tropical'], IE: [N, 'temperate'], IL: [N, 'dry'], IN: [N, 'tropical'],
  IQ: [N, 'dry'], IR: [N, 'dry'], IS: [N, 'cold'], IT: [N, 'temperate'],
  JO: [N, 'dry'], JP: [N, 'temperate'], KE: [S, 'tropical'], KR: [N, 'cold'],
  KW: [N, 'dry'], KZ: [N, 'cold'], LT: [N, 'cold'], LU: [N, 'temperate'],
  LV: [N, 'cold'], MA: [N, 'dry'], MN: [N, 'cold'], MT: [N, 'temperate'],
  MX: [N, 'dry'], MY: [N, 'tropical'], NG: [N, 'tropical'], NL: [N, 'temperate'],
  NO: [N, 'cold'], NZ: [S, 'temperate'], OM: [N, 'dry'], PE: [S, 'dry'],
  PH: [N, 'tropical'], PK: [N, 'dry'], PL: [N, 'temperate'], PT: [N, 'temperate'],
  QA: [N, 'dry'], RO: [N, 'temperate'], RS: [N, 'temperate'], RU: [N, 'cold'],
  SA: [N, 'dry'], SE: [N, 'cold'], SG: [N, 'tropical'], SI: [N, 'temperate'],
  SK: [N, 'temperate'], TH: [N, 'tropical'], TN: [N, 'dry'], TR: [N, 'temperate'],
  TW: [N, 'tropical'], UA: [N, 'cold'], US: [N, 'temperate'], UY: [S, 'temperate'],
  VE: [N, 'tropical'], VN: [N, 'tropical'], ZA: [S, 'temperate'],
};

/** Regions (ISO 3166-2 suffix or lower-cased name) whose climate differs from their country's. */
// prettier-ignore
const byRegion: Readonly<Record<string, Readonly<Record<string, ClimateZone>>>> = {
  US: {
    AK: 'polar', alaska: 'polar',
    MN: 'cold', minnesota: 'cold', ND: 'cold', 'north dakota': 'cold', SD: 'cold',
    'south dakota': 'cold', WI: 'cold', wisconsin: 'cold', MI: 'cold', michigan: 'cold',
    ME: 'cold', maine: 'cold', VT: 'cold', vermont: 'cold', NH: 'cold', 'new hampshire': 'cold',
    MT: 'cold', montana: 'cold', WY: 'cold', wyoming: 'cold', IA: 'cold', iowa: 'cold',
    NY: 'cold', 'new york': 'cold', MA: 'cold', massachusetts: 'cold', ID: 'cold', idaho: 'cold',
    CO: 'cold', colorado: 'cold', IL: 'cold', illinois: 'cold', NE: 'cold', nebraska: 'cold',
    FL: 'tropical', florida: 'tropical', HI: 'tropical', hawaii: 'tropical',
    AZ: 'dry', arizona: 'dry', NV: 'dry', nevada: 'dry', NM: 'dry', 'new mexico': 'dry',
    UT: 'dry', utah: 'dry',
  },
  CA: { BC: 'temperate', 'british columbia': 'temperate', NU: 'polar', nunavut: 'polar', NT: 'polar' },
  AU: {
    NT: 'tropical', 'northern territory': 'tropical', QLD: 'tropical', queensland: 'tropical',
    WA: 'dry', 'western australia': 'dry',
  },
  BR: {
    RS: 'temperate', 'rio grande do sul': 'temperate', SC: 'temperate',
    'santa catarina': 'temperate', PR: 'temperate', 'paraná': 'temperate', parana: 'temperate',
  },
  CN: {
    HL: 'cold', heilongjiang: 'cold', JL: 'cold', jilin: 'cold', LN: 'cold', liaoning: 'cold',
    NM: 'cold', 'inner mongolia': 'cold', XJ: 'dry', xinjiang: 'dry', XZ: 'cold', tibet: 'cold',
    HI: 'tropical', hainan: 'tropical', GD: 'tropical', guangdong: 'tropical',
  },
  RU: { SA: 'polar', sakha: 'polar', yakutia: 'polar' },
  IN: { RJ: 'dry', rajasthan: 'dry', HP: 'cold', 'himachal pradesh': 'cold', LA: 'cold', ladakh: 'cold' },
};

/** One shared object per country, so looking up a million customers allocates nothing. */
const countryClimates = new Map<string, Climate>(
  Object.entries(byCountry).map(([code, [hemisphere, climateZone]]) => [
    code,
    { hemisphere, climateZone },
  ]),
);

/** The climate for a country (ISO alpha-2) and optional region; undefined for unknown countries. */
export const lookUpClimate = ({
  country,
  region,
}: {
  country: string | undefined;
  region: string | undefined;
}): Climate | undefined => {
  if (!country) return undefined;
  const code = country.length === 2 ? country.toUpperCase() : country;
  const climate = countryClimates.get(code);
  const overrides = byRegion[code];
  if (!climate || !overrides || !region) return climate;
  const trimmed = region.trim();
  const suffix = trimmed.toUpperCase().startsWith(`${code}-`) ? trimmed.slice(3) : trimmed;
  const climateZone = overrides[suffix.toUpperCase()] ?? overrides[suffix.toLowerCase()];
  return climateZone === undefined || climateZone === climate.climateZone
    ? climate
    : { hemisphere: climate.hemisphere, climateZone };
};

// prettier-ignore
const northernSeasonByMonth: readonly Season[] = [
  'winter', 'winter', 'spring', 'spring', 'spring', 'summer',
  'summer', 'summer', 'autumn', 'autumn', 'autumn', 'winter',
];
const opposite: Readonly<Record<Season, Season>> = {
  winter: 'summer',
  spring: 'autumn',
  summer: 'winter',
  autumn: 'spring',
};

/** Meteorological seasons (Dec–Feb is northern winter); month is 1–12. */
export const seasonOf = ({
  hemisphere,
  month,
}: {
  hemisphere: Hemisphere;
  month: number;
}): Season => {
  const northern = northernSeasonByMonth[month - 1] ?? 'winter';
  return hemisphere === 'northern' ? northern : opposite[northern];
};
