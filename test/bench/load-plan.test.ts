import { describe, expect, it } from 'vitest';
import { bestRound, LoadPlan, planSeconds, type RoundResult } from '../../bench/load-plan';
import { median } from '../../bench/measure-handler-init';

const plan = {
  url: 'http://127.0.0.1:4600',
  headers: { 'x-shoal-storefront-key': 'k' },
  paths: ['/v1/customers/100001/segments'],
  connections: 10,
  warmUpSeconds: 4,
  rounds: 3,
  roundSeconds: 5,
  maxRequestsPerRound: 5_000,
};

const round = (rps: number, p99: number): RoundResult => ({
  requests: rps * 5,
  seconds: 5,
  rps,
  p50: p99 / 4,
  p90: p99 / 2,
  p99,
  max: p99,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: { '200': rps * 5 },
});

describe('LoadPlan', () => {
  it.each(['http://127.0.0.1:4600', 'http://localhost:1', 'http://[::1]:8080'])(
    'accepts the loopback address %s',
    (url) => {
      expect(LoadPlan.parse({ ...plan, url }).url).toBe(url);
    },
  );

  it.each(['http://10.0.0.5:4600', 'https://api.example.com', 'http://0.0.0.0:4600'])(
    'refuses to send load to %s',
    (url) => {
      expect(() => LoadPlan.parse({ ...plan, url })).toThrow(/only targets loopback/);
    },
  );

  it('bounds a plan by its warm-up and rounds', () => {
    expect(planSeconds(LoadPlan.parse(plan))).toBe(19);
  });
});

describe('bestRound', () => {
  it('keeps the round with the highest rate, with that round’s own latencies', () => {
    expect(bestRound([round(66, 477), round(144, 228), round(113, 293)])).toEqual(round(144, 228));
  });

  it('refuses an empty list', () => {
    expect(() => bestRound([])).toThrow(/no rounds/);
  });
});

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even one', () => {
    expect(median([1394, 1057, 788, 501, 616])).toBe(788);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
