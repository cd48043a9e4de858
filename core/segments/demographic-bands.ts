import { z } from 'zod';

export const AgeBand = z.enum(['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+']);
export type AgeBand = z.infer<typeof AgeBand>;

/**
 * Fixed bands rather than data-driven quantiles: a template such as "income 75k-100k" must mean the
 * same thing in every run and every shop, and must not shift when new customers arrive. Amounts are
 * in the shop's currency; the dataset's `Income` is yearly household income.
 */
export const IncomeBand = z.enum(['under-25k', '25k-50k', '50k-75k', '75k-100k', '100k+']);
export type IncomeBand = z.infer<typeof IncomeBand>;

/** Ages outside this are data errors (the dataset has people born in 1893), not customers. */
const MAX_PLAUSIBLE_AGE = 110;

/** Whole years on the as-of date; `asOf` is `YYYY-MM-DD`. */
export const ageFrom = ({
  birthDate,
  birthYear,
  asOf,
}: {
  birthDate: string | undefined;
  birthYear: number | undefined;
  asOf: string;
}): number | undefined => {
  let age: number | undefined;
  if (birthDate !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    // Comparing MM-DD strings tells whether this year's birthday has come yet.
    const hadBirthday = asOf.slice(5) >= birthDate.slice(5);
    age = Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (hadBirthday ? 0 : 1);
  } else if (birthYear !== undefined) {
    // Only the year is known: assume the birthday has passed, the common convention for Year_Birth.
    age = Number(asOf.slice(0, 4)) - birthYear;
  }
  return age !== undefined && age >= 0 && age <= MAX_PLAUSIBLE_AGE ? age : undefined;
};

export const ageBandOf = (age: number | undefined): AgeBand | undefined => {
  if (age === undefined) return undefined;
  if (age < 18) return 'under-18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
};

export const incomeBandOf = (income: number | undefined): IncomeBand | undefined => {
  if (income === undefined || !Number.isFinite(income)) return undefined;
  if (income < 25_000) return 'under-25k';
  if (income < 50_000) return '25k-50k';
  if (income < 75_000) return '50k-75k';
  if (income < 100_000) return '75k-100k';
  return '100k+';
};
