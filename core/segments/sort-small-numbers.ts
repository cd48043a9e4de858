/** Above this, insertion sort's quadratic worst case would cost more than the built-in sort's call overhead. */
const INSERTION_LIMIT = 32;

/**
 * Sorts numbers ascending in place. A customer has a few orders, usually already in date order,
 * and `Array.prototype.sort` with a comparator costs more in calls than insertion sort does in
 * moves at that size.
 */
export const sortSmallNumbers = (values: number[]): number[] => {
  if (values.length > INSERTION_LIMIT) return values.sort((a, b) => a - b);
  for (let i = 1; i < values.length; i += 1) {
    const value = values[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (values[j] ?? 0) > value) {
      values[j + 1] = values[j] ?? 0;
      j -= 1;
    }
    values[j + 1] = value;
  }
  return values;
};
