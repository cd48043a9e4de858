import type { Weighted } from './demo-random';
import type { NameCulture } from './demo-names';

export interface DemoPlace {
  city: string;
  /** ISO 3166-2 suffix where the climate table refines a country by region (US MN, AU QLD). */
  region: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  timeZone: string;
  /** Standard-time offset; only used to put orders at plausible local hours, so DST is ignored. */
  utcOffsetHours: number;
  language: string;
  cultures: Weighted<NameCulture>;
  /** Relative share of the shop's customers. */
  weight: number;
}

type PlaceRow = readonly [
  city: string,
  region: string,
  country: string,
  timeZone: string,
  utcOffsetHours: number,
  language: string,
  cultures: Weighted<NameCulture>,
  weight: number,
];

/**
 * Where the demo shop's customers live: six continents, both hemispheres and every climate zone of
 * the climate table (Minneapolis is cold, Brisbane tropical, Perth dry, Nuuk polar), so the
 * geographic templates have members. Weighted towards Europe and North America, like a web shop
 * that ships worldwide from Europe.
 */
// prettier-ignore
const PLACES: readonly PlaceRow[] = [
  ['New York', 'NY', 'US', 'America/New_York', -5, 'en-US', [['anglo', 6], ['hispanic', 2], ['chinese', 1], ['indian', 1]], 7],
  ['Minneapolis', 'MN', 'US', 'America/Chicago', -6, 'en-US', [['anglo', 8], ['nordic', 1], ['swahili', 1]], 3],
  ['Miami', 'FL', 'US', 'America/New_York', -5, 'en-US', [['hispanic', 6], ['anglo', 4]], 3],
  ['Phoenix', 'AZ', 'US', 'America/Phoenix', -7, 'en-US', [['anglo', 6], ['hispanic', 4]], 2],
  ['Seattle', 'WA', 'US', 'America/Los_Angeles', -8, 'en-US', [['anglo', 7], ['chinese', 1], ['korean', 1], ['indian', 1]], 3],
  ['Los Angeles', 'CA', 'US', 'America/Los_Angeles', -8, 'en-US', [['anglo', 5], ['hispanic', 4], ['korean', 1]], 4],
  ['Anchorage', 'AK', 'US', 'America/Anchorage', -9, 'en-US', [['anglo', 1]], 0.5],
  ['Toronto', 'ON', 'CA', 'America/Toronto', -5, 'en-CA', [['anglo', 6], ['chinese', 2], ['indian', 2]], 3],
  ['Montréal', 'QC', 'CA', 'America/Toronto', -5, 'fr-CA', [['french', 8], ['anglo', 2]], 2],
  ['Vancouver', 'BC', 'CA', 'America/Vancouver', -8, 'en-CA', [['anglo', 6], ['chinese', 3], ['indian', 1]], 2],
  ['Mexico City', 'CMX', 'MX', 'America/Mexico_City', -6, 'es-MX', [['hispanic', 1]], 2],
  ['São Paulo', 'SP', 'BR', 'America/Sao_Paulo', -3, 'pt-BR', [['lusophone', 8], ['italian', 1], ['japanese', 1]], 3],
  ['Porto Alegre', 'RS', 'BR', 'America/Sao_Paulo', -3, 'pt-BR', [['lusophone', 8], ['german', 1], ['italian', 1]], 1],
  ['Buenos Aires', 'C', 'AR', 'America/Argentina/Buenos_Aires', -3, 'es-AR', [['hispanic', 8], ['italian', 2]], 2],
  ['Santiago', 'RM', 'CL', 'America/Santiago', -4, 'es-CL', [['hispanic', 1]], 1],
  ['Bogotá', 'DC', 'CO', 'America/Bogota', -5, 'es-CO', [['hispanic', 1]], 1],
  ['London', 'ENG', 'GB', 'Europe/London', 0, 'en-GB', [['anglo', 6], ['indian', 2], ['yoruba', 1], ['polish', 1]], 7],
  ['Manchester', 'ENG', 'GB', 'Europe/London', 0, 'en-GB', [['anglo', 8], ['indian', 1], ['arabic', 1]], 2],
  ['Edinburgh', 'SCT', 'GB', 'Europe/London', 0, 'en-GB', [['anglo', 1]], 1],
  ['Dublin', 'L', 'IE', 'Europe/Dublin', 0, 'en-IE', [['anglo', 9], ['polish', 1]], 2],
  ['Berlin', 'BE', 'DE', 'Europe/Berlin', 1, 'de-DE', [['german', 8], ['polish', 1], ['arabic', 1]], 5],
  ['Munich', 'BY', 'DE', 'Europe/Berlin', 1, 'de-DE', [['german', 9], ['italian', 1]], 3],
  ['Vienna', 'Wien', 'AT', 'Europe/Vienna', 1, 'de-AT', [['german', 1]], 2],
  ['Zürich', 'ZH', 'CH', 'Europe/Zurich', 1, 'de-CH', [['german', 7], ['italian', 2], ['french', 1]], 1],
  ['Paris', 'IDF', 'FR', 'Europe/Paris', 1, 'fr-FR', [['french', 8], ['arabic', 2]], 5],
  ['Lyon', 'ARA', 'FR', 'Europe/Paris', 1, 'fr-FR', [['french', 1]], 2],
  ['Madrid', 'MD', 'ES', 'Europe/Madrid', 1, 'es-ES', [['hispanic', 1]], 3],
  ['Barcelona', 'CT', 'ES', 'Europe/Madrid', 1, 'es-ES', [['hispanic', 1]], 2],
  ['Lisbon', 'Lisboa', 'PT', 'Europe/Lisbon', 0, 'pt-PT', [['lusophone', 1]], 1],
  ['Milan', 'Lombardia', 'IT', 'Europe/Rome', 1, 'it-IT', [['italian', 1]], 3],
  ['Amsterdam', 'NH', 'NL', 'Europe/Amsterdam', 1, 'nl-NL', [['dutch', 8], ['arabic', 1], ['anglo', 1]], 3],
  ['Stockholm', 'AB', 'SE', 'Europe/Stockholm', 1, 'sv-SE', [['nordic', 1]], 2],
  ['Oslo', 'Oslo', 'NO', 'Europe/Oslo', 1, 'nb-NO', [['nordic', 1]], 1],
  ['Helsinki', 'Uusimaa', 'FI', 'Europe/Helsinki', 2, 'fi-FI', [['nordic', 1]], 1],
  ['Reykjavík', 'Höfuðborgarsvæði', 'IS', 'Atlantic/Reykjavik', 0, 'is-IS', [['nordic', 1]], 0.5],
  ['Nuuk', 'Sermersooq', 'GL', 'America/Nuuk', -2, 'da-GL', [['nordic', 1]], 0.3],
  ['Warsaw', 'Mazowieckie', 'PL', 'Europe/Warsaw', 1, 'pl-PL', [['polish', 1]], 2],
  ['Lagos', 'LA', 'NG', 'Africa/Lagos', 1, 'en-NG', [['yoruba', 1]], 2],
  ['Nairobi', 'Nairobi', 'KE', 'Africa/Nairobi', 3, 'en-KE', [['swahili', 9], ['indian', 1]], 1.5],
  ['Cape Town', 'WC', 'ZA', 'Africa/Johannesburg', 2, 'en-ZA', [['zulu', 6], ['anglo', 4]], 1.5],
  ['Johannesburg', 'GP', 'ZA', 'Africa/Johannesburg', 2, 'en-ZA', [['zulu', 7], ['anglo', 2], ['indian', 1]], 1.5],
  ['Casablanca', 'Casablanca-Settat', 'MA', 'Africa/Casablanca', 1, 'fr-MA', [['arabic', 8], ['french', 2]], 1],
  ['Cairo', 'C', 'EG', 'Africa/Cairo', 2, 'ar-EG', [['arabic', 1]], 1],
  ['Dubai', 'DU', 'AE', 'Asia/Dubai', 4, 'en-AE', [['arabic', 4], ['indian', 4], ['anglo', 2]], 1.5],
  ['Mumbai', 'MH', 'IN', 'Asia/Kolkata', 5.5, 'en-IN', [['indian', 1]], 2.5],
  ['Jaipur', 'RJ', 'IN', 'Asia/Kolkata', 5.5, 'hi-IN', [['indian', 1]], 1],
  ['Bengaluru', 'KA', 'IN', 'Asia/Kolkata', 5.5, 'en-IN', [['indian', 1]], 1.5],
  ['Singapore', 'Singapore', 'SG', 'Asia/Singapore', 8, 'en-SG', [['chinese', 7], ['indian', 2], ['anglo', 1]], 1.5],
  ['Hong Kong', 'Hong Kong', 'HK', 'Asia/Hong_Kong', 8, 'zh-HK', [['chinese', 1]], 1],
  ['Tokyo', 'Tokyo', 'JP', 'Asia/Tokyo', 9, 'ja-JP', [['japanese', 1]], 3],
  ['Osaka', 'Osaka', 'JP', 'Asia/Tokyo', 9, 'ja-JP', [['japanese', 1]], 1.5],
  ['Seoul', 'Seoul', 'KR', 'Asia/Seoul', 9, 'ko-KR', [['korean', 1]], 2],
  ['Sydney', 'NSW', 'AU', 'Australia/Sydney', 10, 'en-AU', [['anglo', 7], ['chinese', 2], ['indian', 1]], 3],
  ['Melbourne', 'VIC', 'AU', 'Australia/Melbourne', 10, 'en-AU', [['anglo', 7], ['italian', 1], ['chinese', 2]], 2.5],
  ['Brisbane', 'QLD', 'AU', 'Australia/Brisbane', 10, 'en-AU', [['anglo', 1]], 1.5],
  ['Perth', 'WA', 'AU', 'Australia/Perth', 8, 'en-AU', [['anglo', 1]], 1],
  ['Auckland', 'AUK', 'NZ', 'Pacific/Auckland', 12, 'en-NZ', [['anglo', 8], ['chinese', 1], ['indian', 1]], 1.5],
  ['Wellington', 'WGN', 'NZ', 'Pacific/Auckland', 12, 'en-NZ', [['anglo', 1]], 0.5],
];

export const DEMO_PLACES: readonly DemoPlace[] = PLACES.map(
  ([city, region, country, timeZone, utcOffsetHours, language, cultures, weight]) => ({
    city,
    region,
    country,
    timeZone,
    utcOffsetHours,
    language,
    cultures,
    weight,
  }),
);
