export interface PeakRssTracker {
  /** Takes a reading now: synchronous loops call it, since they starve the timer. */
  sample: () => void;
  /** Stops sampling and returns the peak in MB. */
  stop: () => number;
}

/**
 * Samples the resident set size while work runs. RSS rather than heap because stream buffers and
 * native memory count against a Lambda's limit too.
 */
export const trackPeakRss = (intervalMs = 50): PeakRssTracker => {
  let peak = process.memoryUsage.rss();
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, intervalMs);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak / (1024 * 1024);
    },
  };
};
