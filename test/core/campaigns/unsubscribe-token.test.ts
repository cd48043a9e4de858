import { describe, expect, it } from 'vitest';
import { InvalidUnsubscribeTokenError } from '../../../core/campaigns/invalid-unsubscribe-token-error';
import {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from '../../../core/campaigns/unsubscribe-token';
import { keys } from './fixtures';

const now = new Date('2026-03-10T09:00:00Z');
const payload = {
  campaignId: 'cmp-1',
  customerId: 'cus-42',
  issuedAt: Math.floor(now.getTime() / 1000),
};
const token = signUnsubscribeToken({ payload, keys });

describe('verifyUnsubscribeToken', () => {
  it('returns the payload of a token it signed', () => {
    expect(token).toMatch(/^k2\.[\w-]+\.[\w-]+$/);
    expect(verifyUnsubscribeToken({ token, keys, now })).toEqual(payload);
  });

  it('rejects a token whose payload was altered', () => {
    const [keyId, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ c: 'cmp-1', u: 'cus-43', t: payload.issuedAt }),
    ).toString('base64url');
    expect(() =>
      verifyUnsubscribeToken({ token: `${keyId}.${forged}.${signature}`, keys, now }),
    ).toThrow(InvalidUnsubscribeTokenError);
  });

  it('rejects a tampered signature and a malformed token', () => {
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    expect(() => verifyUnsubscribeToken({ token: tampered, keys, now })).toThrow(
      InvalidUnsubscribeTokenError,
    );
    expect(() => verifyUnsubscribeToken({ token: 'not-a-token', keys, now })).toThrow(
      InvalidUnsubscribeTokenError,
    );
  });

  it('rejects a token signed with a key it does not know', () => {
    const stranger = signUnsubscribeToken({
      payload,
      keys: { current: { keyId: 'k9', secret: 'other' } },
    });
    expect(() => verifyUnsubscribeToken({ token: stranger, keys, now })).toThrow(
      InvalidUnsubscribeTokenError,
    );
  });

  it('rejects a token whose key id is known but whose secret differs', () => {
    const impostor = signUnsubscribeToken({
      payload,
      keys: { current: { keyId: 'k2', secret: 'guessed' } },
    });
    expect(() => verifyUnsubscribeToken({ token: impostor, keys, now })).toThrow(
      InvalidUnsubscribeTokenError,
    );
  });

  it('accepts a token signed with the previous key after rotation, and not once that key is dropped', () => {
    const old = signUnsubscribeToken({ payload, keys: { current: keys.previous! } });
    expect(verifyUnsubscribeToken({ token: old, keys, now })).toEqual(payload);
    expect(() =>
      verifyUnsubscribeToken({ token: old, keys: { current: keys.current }, now }),
    ).toThrow(InvalidUnsubscribeTokenError);
  });

  it('rejects a token older than the maximum age', () => {
    const later = new Date(now.getTime() + 31 * 24 * 3600_000);
    expect(() =>
      verifyUnsubscribeToken({ token, keys, now: later, maxAgeSeconds: 30 * 24 * 3600 }),
    ).toThrow(InvalidUnsubscribeTokenError);
    expect(verifyUnsubscribeToken({ token, keys, now: later })).toEqual(payload);
  });
});
