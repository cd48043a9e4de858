import { describe, expect, it } from 'vitest';
import { classifyRecipient } from '../../../core/campaigns/classify-recipient';
import { suppressionKey } from '../../../core/campaigns/email-address';
import type { EligibilityPolicy } from '../../../core/campaigns/eligibility-policy';
import type { RecipientCandidate } from '../../../core/campaigns/recipient-candidate';
import type { SuppressionReason } from '../../../core/campaigns/suppression';
import { candidate } from './fixtures';

const optIn: EligibilityPolicy = { consent: 'opt-in' };
const now = new Date('2026-03-10T12:00:00Z');

const classify = (
  recipient: RecipientCandidate,
  options: Partial<Parameters<typeof classifyRecipient>[0]> = {},
) =>
  classifyRecipient({
    candidate: recipient,
    policy: optIn,
    defaultTimeZone: 'UTC',
    suppressions: new Map(),
    recentSendTimes: [],
    now,
    ...options,
  });

const withProfile = (profile: RecipientCandidate['profile']) => candidate('c-1', { profile });

describe('classifyRecipient', () => {
  it('returns eligible for a consenting customer with a valid address', () => {
    expect(classify(candidate('c-1'))).toEqual({ outcome: 'eligible' });
  });

  it('returns ineligible when the e-mail is missing or not deliverable', () => {
    expect(classify(withProfile({ consent: { state: 'granted' } }))).toEqual({
      outcome: 'ineligible',
      reason: 'missing-email',
    });
    for (const email of [
      'ada@',
      'ada@@example.com',
      'ada@example',
      'a..b@example.com',
      'ada example@x.com',
    ]) {
      expect(classify(withProfile({ email, consent: { state: 'granted' } }))).toEqual({
        outcome: 'ineligible',
        reason: 'invalid-email',
      });
    }
  });

  it('requires granted consent under opt-in and only the absence of a refusal under opt-out', () => {
    const silent = withProfile({ email: 'ada@example.com' });
    const refused = withProfile({ email: 'ada@example.com', consent: { state: 'denied' } });
    expect(classify(silent)).toEqual({ outcome: 'ineligible', reason: 'no-consent' });
    expect(classify(silent, { policy: { consent: 'opt-out' } })).toEqual({ outcome: 'eligible' });
    expect(classify(refused, { policy: { consent: 'opt-out' } })).toEqual({
      outcome: 'ineligible',
      reason: 'no-consent',
    });
  });

  it('returns suppressed with the reason when the normalised address is on the list', () => {
    for (const reason of [
      'unsubscribed',
      'hard-bounce',
      'complaint',
      'erased',
    ] as SuppressionReason[]) {
      const suppressions = new Map([[suppressionKey('ADA@Example.com '), reason]]);
      expect(
        classify(withProfile({ email: 'ada@example.com', consent: { state: 'granted' } }), {
          suppressions,
        }),
      ).toEqual({
        outcome: 'suppressed',
        reason,
      });
    }
  });

  it('postpones a capped recipient to when the oldest counted send leaves the window', () => {
    const recentSendTimes = [
      '2026-03-04T08:00:00Z',
      '2026-03-06T10:00:00Z',
      '2026-03-09T10:00:00Z',
      '2026-02-20T10:00:00Z',
    ];
    const result = classify(candidate('c-1'), {
      policy: { consent: 'opt-in', frequencyCap: { maxMessages: 3, windowDays: 7 } },
      recentSendTimes,
    });
    expect(result).toEqual({
      outcome: 'postponed',
      reason: 'frequency-cap',
      until: '2026-03-11T08:00:00.000Z',
    });
  });

  it('returns eligible when the sends in the window are under the cap', () => {
    const result = classify(candidate('c-1'), {
      policy: { consent: 'opt-in', frequencyCap: { maxMessages: 2, windowDays: 7 } },
      recentSendTimes: ['2026-03-09T10:00:00Z', '2026-03-03T11:59:59Z'],
    });
    expect(result).toEqual({ outcome: 'eligible' });
  });

  it('postpones a recipient inside quiet hours to the end of them in their own zone', () => {
    const tokyo = withProfile({
      email: 'ada@example.com',
      timeZone: 'Asia/Tokyo',
      consent: { state: 'granted' },
    });
    // 12:00Z is 21:00 in Tokyo (UTC+9, no DST): quiet until 08:00 Tokyo = 23:00Z.
    expect(classify(tokyo, { quietHours: { start: '20:00', end: '08:00' } })).toEqual({
      outcome: 'postponed',
      reason: 'quiet-hours',
      until: '2026-03-10T23:00:00.000Z',
    });
  });

  it('lands on the local end of quiet hours when the clocks change overnight', () => {
    // London springs forward at 01:00Z on 29 March 2026: 08:00 local is then 07:00Z, not 08:00Z.
    const london = withProfile({
      email: 'ada@example.com',
      timeZone: 'Europe/London',
      consent: { state: 'granted' },
    });
    expect(
      classify(london, {
        quietHours: { start: '22:00', end: '08:00' },
        now: new Date('2026-03-29T00:30:00Z'),
      }),
    ).toEqual({
      outcome: 'postponed',
      reason: 'quiet-hours',
      until: '2026-03-29T07:00:00.000Z',
    });
  });

  it('returns eligible outside quiet hours and uses the default zone when the profile has none', () => {
    const noZone = withProfile({ email: 'ada@example.com', consent: { state: 'granted' } });
    expect(classify(noZone, { quietHours: { start: '20:00', end: '08:00' } })).toEqual({
      outcome: 'eligible',
    });
    expect(
      classify(noZone, {
        quietHours: { start: '20:00', end: '08:00' },
        defaultTimeZone: 'Asia/Kolkata',
      }),
    ).toEqual({
      // 12:00Z is 17:30 in Kolkata: outside; with a window starting 17:00 it is inside until 18:00 = 12:30Z.
      outcome: 'eligible',
    });
    expect(
      classify(noZone, {
        quietHours: { start: '17:00', end: '18:00' },
        defaultTimeZone: 'Asia/Kolkata',
      }),
    ).toEqual({
      outcome: 'postponed',
      reason: 'quiet-hours',
      until: '2026-03-10T12:30:00.000Z',
    });
  });

  it('falls back to the default zone when the profile zone is not a real zone', () => {
    const bogus = withProfile({
      email: 'ada@example.com',
      timeZone: 'Mars/Olympus',
      consent: { state: 'granted' },
    });
    expect(classify(bogus, { quietHours: { start: '11:00', end: '13:00' } })).toMatchObject({
      outcome: 'postponed',
      until: '2026-03-10T13:00:00.000Z',
    });
  });

  it('moves a cap release that lands in quiet hours to the end of them', () => {
    const result = classify(
      candidate('c-1', {
        profile: { email: 'a@example.com', timeZone: 'UTC', consent: { state: 'granted' } },
      }),
      {
        policy: { consent: 'opt-in', frequencyCap: { maxMessages: 1, windowDays: 7 } },
        recentSendTimes: ['2026-03-04T02:00:00Z'],
        quietHours: { start: '22:00', end: '07:00' },
      },
    );
    expect(result).toEqual({
      outcome: 'postponed',
      reason: 'frequency-cap',
      until: '2026-03-11T07:00:00.000Z',
    });
  });
});
