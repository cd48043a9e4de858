/** Below this many cents, every 2-decimal value has a double whose shortest form is that decimal. */
const EXACT_CENTS = 1e15;

/**
 * A number as reasons print it: integers as they are, anything else rounded to 2 decimals and
 * without trailing zeros, exactly as `String(Math.round(value * 100) / 100)` would. Built from
 * integer cents because turning a fraction into its shortest decimal string was the costliest
 * step of writing a million customers' reasons.
 */
export const formatNumber = (value: number): string => {
  if (Number.isInteger(value)) return String(value);
  const cents = Math.round(value * 100);
  if (!(Math.abs(cents) < EXACT_CENTS)) return String(cents / 100);
  const magnitude = Math.abs(cents);
  const whole = Math.floor(magnitude / 100);
  const fraction = magnitude - whole * 100;
  const sign = cents < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  const decimals =
    fraction % 10 === 0 ? String(fraction / 10) : fraction < 10 ? `0${fraction}` : String(fraction);
  return `${sign}${whole}.${decimals}`;
};
