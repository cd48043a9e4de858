// @ts-check

/**
 * @typedef {{ currency: string, locale: string, timeZone: string, local: boolean }} ShopConfig
 * @typedef {ReturnType<typeof createFormat>} Format
 */

/**
 * Formatters in the shop's locale and currency (GET /v1/config), so a Danish shop sees
 * "1.234,50 kr." and dates in its own time zone, whatever the browser's language.
 * @param {ShopConfig} config
 */
export const createFormat = ({ currency, locale, timeZone }) => {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  /** @param {string | undefined} iso */
  const parse = (iso) => (iso ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso) : undefined);
  return {
    /** @param {number} value */
    integer: (value) => integer.format(value),
    /** @param {number} value */
    decimal: (value) => decimal.format(value),
    /** @param {number} value */
    money: (value) => money.format(value),
    /** @param {number} ratio 0–1 */
    percent: (ratio) => percent.format(ratio),
    /**
     * A date-only value (`2024-05-01`) is read at noon UTC so no time zone shifts its day.
     * @param {string | undefined} iso
     */
    date: (iso) => {
      const value = parse(iso);
      return value ? date.format(value) : '—';
    },
    /** @param {string | undefined} iso */
    dateTime: (iso) => {
      const value = parse(iso);
      return value ? dateTime.format(value) : '—';
    },
  };
};
