import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { InvalidUnsubscribeTokenError } from './invalid-unsubscribe-token-error';

export interface SigningKey {
  /** Short identifier carried in the token so verification knows which secret to use. */
  keyId: string;
  secret: Uint8Array | string;
}

/**
 * Two live keys make rotation safe: new tokens are signed with `current`, tokens already in
 * inboxes keep verifying with `previous` until it is dropped.
 */
export interface UnsubscribeKeys {
  current: SigningKey;
  previous?: SigningKey;
}

export const UnsubscribePayload = z.object({
  campaignId: z.string().min(1),
  customerId: z.string().min(1),
  /** A triggered send's segment entry, naming its outbox record (outboxIdOf). */
  entry: z.string().min(1).optional(),
  /** Seconds since the epoch. */
  issuedAt: z.number().int().nonnegative(),
});
export type UnsubscribePayload = z.infer<typeof UnsubscribePayload>;

// Short keys on the wire keep the token, and so the List-Unsubscribe header, compact.
const WirePayload = z.object({
  c: z.string(),
  u: z.string(),
  e: z.string().optional(),
  t: z.number(),
});

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

const sign = (secret: SigningKey['secret'], data: string): Buffer =>
  createHmac('sha256', secret).update(data).digest();

/** `<keyId>.<payload>.<signature>`, each part base64url or plain URL-safe characters. */
export const signUnsubscribeToken = ({
  payload,
  keys,
}: {
  payload: UnsubscribePayload;
  keys: UnsubscribeKeys;
}): string => {
  const { keyId, secret } = keys.current;
  if (!keyIdPattern.test(keyId)) throw new Error(`unsubscribe key id ${keyId} must be URL-safe`);
  const body = Buffer.from(
    JSON.stringify({
      c: payload.campaignId,
      u: payload.customerId,
      e: payload.entry,
      t: payload.issuedAt,
    }),
  ).toString('base64url');
  const signed = `${keyId}.${body}`;
  return `${signed}.${sign(secret, signed).toString('base64url')}`;
};

/**
 * Returns the payload of a genuine token.
 * 1. Split into key id, payload and signature; pick the live key with that id.
 * 2. Recompute the HMAC and compare in constant time.
 * 3. Decode the payload; reject it when older than `maxAgeSeconds` (if given) or issued in the future.
 * Any failure throws InvalidUnsubscribeTokenError without saying which step failed.
 */
export const verifyUnsubscribeToken = ({
  token,
  keys,
  now,
  maxAgeSeconds,
}: {
  token: string;
  keys: UnsubscribeKeys;
  now: Date;
  maxAgeSeconds?: number;
}): UnsubscribePayload => {
  const invalid = (why: string) =>
    new InvalidUnsubscribeTokenError('invalid unsubscribe token', { why });
  const [keyId, body, signature, ...rest] = token.split('.');
  if (!keyId || !body || !signature || rest.length > 0) throw invalid('malformed');
  const key = [keys.current, keys.previous].find((k) => k?.keyId === keyId);
  if (!key) throw invalid('unknown key');
  const expected = sign(key.secret, `${keyId}.${body}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw invalid('bad signature');

  let payload: UnsubscribePayload;
  try {
    const wire = WirePayload.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    payload = UnsubscribePayload.parse({
      campaignId: wire.c,
      customerId: wire.u,
      entry: wire.e,
      issuedAt: wire.t,
    });
  } catch {
    throw invalid('malformed payload');
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  // A little slack for clocks that disagree between the sender and the unsubscribe endpoint.
  if (payload.issuedAt > nowSeconds + 300) throw invalid('issued in the future');
  if (maxAgeSeconds !== undefined && nowSeconds - payload.issuedAt > maxAgeSeconds)
    throw invalid('expired');
  return payload;
};
