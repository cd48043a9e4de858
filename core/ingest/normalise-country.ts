// The package's Node entry registers every language (~80); Shoal only needs English names.
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

/** Names real exports use that the ISO English names do not cover. */
const ALIASES: Readonly<Record<string, string>> = {
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  eire: 'IE',
  rsa: 'ZA',
  usa: 'US',
  'u.s.a.': 'US',
  'u.s.': 'US',
  america: 'US',
  holland: 'NL',
  'south korea': 'KR',
  russia: 'RU',
  'czech republic': 'CZ',
};

/**
 * ISO 3166-1 alpha-2 from an English name, an alpha-2 or an alpha-3 code; undefined when the
 * text is not a country (`Unspecified`, `European Community`).
 */
export const normaliseCountry = (text: string): string | undefined => {
  const trimmed = text.trim();
  const alias = ALIASES[trimmed.toLowerCase()];
  if (alias) return alias;
  if (trimmed.length === 2 || trimmed.length === 3) {
    const code = trimmed.toUpperCase();
    if (countries.isValid(code)) return countries.toAlpha2(code);
  }
  return countries.getAlpha2Code(trimmed, 'en');
};
