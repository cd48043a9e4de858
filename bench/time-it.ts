/** Wall-clock seconds of an async piece of work, with its result. */
export const timeIt = async <T>(
  work: () => Promise<T>,
): Promise<{ seconds: number; result: T }> => {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
};
