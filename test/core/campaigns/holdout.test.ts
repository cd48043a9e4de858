import { describe, expect, it } from 'vitest';
import { isHeldOut } from '../../../core/campaigns/holdout';

describe('isHeldOut', () => {
  it('returns the same answer for the same campaign and customer every time', () => {
    const first = Array.from({ length: 200 }, (_, i) =>
      isHeldOut({ campaignId: 'cmp-1', customerId: `c-${i}`, holdoutPercent: 10 }),
    );
    const again = Array.from({ length: 200 }, (_, i) =>
      isHeldOut({ campaignId: 'cmp-1', customerId: `c-${i}`, holdoutPercent: 10 }),
    );
    expect(again).toEqual(first);
  });

  it('holds back roughly the requested share', () => {
    const heldOut = Array.from({ length: 20_000 }, (_, i) =>
      isHeldOut({ campaignId: 'cmp-1', customerId: `c-${i}`, holdoutPercent: 10 }),
    ).filter(Boolean).length;
    expect(heldOut / 20_000).toBeGreaterThan(0.09);
    expect(heldOut / 20_000).toBeLessThan(0.11);
  });

  it('holds back different customers in different campaigns', () => {
    const group = (campaignId: string) =>
      Array.from({ length: 2_000 }, (_, i) => `c-${i}`).filter((customerId) =>
        isHeldOut({ campaignId, customerId, holdoutPercent: 10 }),
      );
    const a = new Set(group('cmp-a'));
    const overlap = group('cmp-b').filter((id) => a.has(id)).length;
    expect(overlap).toBeLessThan(a.size / 3);
  });

  it('holds back nobody at zero percent', () => {
    expect(isHeldOut({ campaignId: 'cmp-1', customerId: 'c-1', holdoutPercent: 0 })).toBe(false);
  });
});
