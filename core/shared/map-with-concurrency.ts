/** Enough in flight to hide round trips without flooding the store; callers with a reason pass their own. */
const DEFAULT_CONCURRENCY = 16;

/** Maps items through an async function with at most `concurrency` calls in flight, keeping order. */
export const mapWithConcurrency = async <T, R>(
  items: readonly T[],
  map: (item: T) => Promise<R>,
  concurrency = DEFAULT_CONCURRENCY,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
};
