import { z } from 'zod';

/** At most `maxMessages` marketing e-mails to one person in any rolling `windowDays`. */
export const FrequencyCap = z.object({
  maxMessages: z.number().int().positive(),
  windowDays: z.number().positive().default(7),
});
export type FrequencyCap = z.infer<typeof FrequencyCap>;

/**
 * When one more message now would exceed the cap, the earliest instant it would not; otherwise
 * undefined. That instant is when the oldest send that still counts leaves the window.
 */
export const frequencyCapReleaseTime = ({
  now,
  cap,
  recentSendTimes,
}: {
  now: Date;
  cap: FrequencyCap;
  recentSendTimes: readonly string[];
}): Date | undefined => {
  const windowMs = cap.windowDays * 24 * 60 * 60_000;
  const inWindow = recentSendTimes
    .map((iso) => Date.parse(iso))
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => a - b);
  if (inWindow.length < cap.maxMessages) return undefined;
  const oldestThatMustExpire = inWindow[inWindow.length - cap.maxMessages];
  return oldestThatMustExpire === undefined ? undefined : new Date(oldestThatMustExpire + windowMs);
};
