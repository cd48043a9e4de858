import type { Clock } from '../shared/clock';

export type Sleep = (ms: number) => Promise<void>;

export interface TokenBucket {
  /** Resolves when one message may go out under the rate. */
  take(): Promise<void>;
  /** Takes a token if one is there and returns 0, else returns the milliseconds until one is. */
  tryTake(): number;
}

/**
 * Paces sends at `ratePerSecond` with bursts up to `burst`. Time comes from the clock and waiting
 * from `sleep`, so tests advance a fake clock instead of waiting.
 */
export const createTokenBucket = ({
  ratePerSecond,
  burst = Math.max(1, Math.floor(ratePerSecond)),
  clock,
  sleep,
}: {
  ratePerSecond: number;
  burst?: number;
  clock: Clock;
  sleep: Sleep;
}): TokenBucket => {
  let tokens = burst;
  let refilledAt = clock().getTime();
  const refill = () => {
    const now = clock().getTime();
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * ratePerSecond);
    refilledAt = now;
  };
  return {
    async take() {
      refill();
      while (tokens < 1) {
        await sleep(Math.ceil(((1 - tokens) / ratePerSecond) * 1000));
        refill();
      }
      tokens -= 1;
    },
    tryTake() {
      refill();
      if (tokens < 1) return Math.ceil(((1 - tokens) / ratePerSecond) * 1000);
      tokens -= 1;
      return 0;
    },
  };
};
