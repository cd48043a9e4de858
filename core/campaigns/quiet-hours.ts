import type { QuietHours } from './campaign';
import { localTimeOfDayMs, parseWallTime } from './local-time';

const dayMs = 24 * 60 * 60_000;

/**
 * When `now` falls inside the quiet hours of `timeZone`, the instant they end there; otherwise
 * undefined. A window with equal start and end is empty.
 */
export const quietHoursEnd = ({
  now,
  quietHours,
  timeZone,
}: {
  now: Date;
  quietHours: QuietHours;
  timeZone: string;
}): Date | undefined => {
  const start = parseWallTime(quietHours.start);
  const end = parseWallTime(quietHours.end);
  const local = localTimeOfDayMs(now, timeZone);
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (start === end || !inside) return undefined;
  const candidate = new Date(now.getTime() + ((end - local + dayMs) % dayMs));
  // A DST change inside the wait moves the wall clock; one correction lands on the local end time.
  const drift = end - localTimeOfDayMs(candidate, timeZone);
  const correction = Math.abs(drift) < dayMs / 2 ? drift : 0;
  return new Date(candidate.getTime() + correction);
};
