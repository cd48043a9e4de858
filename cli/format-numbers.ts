// Numbers in the reader's locale (the runtime default), so a CLI user sees them as they write them.

const counts = new Intl.NumberFormat();
const percents = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const megabytes = new Intl.NumberFormat(undefined, {
  style: 'unit',
  unit: 'megabyte',
  maximumFractionDigits: 1,
});
const seconds = new Intl.NumberFormat(undefined, {
  style: 'unit',
  unit: 'second',
  maximumFractionDigits: 1,
});

export const formatCount = (value: number): string => counts.format(value);

/** `fraction` 0.125 → `12.5%`. */
export const formatPercent = (fraction: number): string => percents.format(fraction);

export const formatMegabytes = (bytes: number): string => megabytes.format(bytes / 1024 / 1024);

export const formatSeconds = (milliseconds: number): string => seconds.format(milliseconds / 1000);

/** Whole units of the shop's currency: a segment's revenue, not an invoice line. */
export const formatMoney = ({ amount, currency }: { amount: number; currency: string }): string =>
  new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
