/**
 * One figure a benchmark produced. `baseline` names the side-by-side tool that ran on the same data
 * in the same process; `ratio` is then this figure divided by the baseline's, oriented so that
 * higher is better for Shoal (rates: ours ÷ theirs; times: theirs ÷ ours).
 */
export interface Measurement {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  /** What the reader needs to interpret the figure (sizes used, whether results matched). */
  note?: string;
}

/** A rate compared with a baseline rate: the ratio is ours ÷ theirs. */
export const rateAgainst = (
  measurement: Omit<Measurement, 'baselineValue' | 'ratio'> & { baselineValue: number },
): Measurement => ({
  ...measurement,
  ratio: measurement.baselineValue > 0 ? measurement.value / measurement.baselineValue : 0,
});

/** A duration compared with a baseline duration: the ratio is theirs ÷ ours, so > 1 means faster. */
export const durationAgainst = (
  measurement: Omit<Measurement, 'baselineValue' | 'ratio'> & { baselineValue: number },
): Measurement => ({
  ...measurement,
  ratio: measurement.value > 0 ? measurement.baselineValue / measurement.value : 0,
});
