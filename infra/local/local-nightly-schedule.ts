/**
 * The local stand-in for the EventBridge schedule: fires `run` every day at `hour` in the shop's
 * time zone while the local stack runs. Timers are re-armed after each firing, so a laptop that
 * slept past the hour fires on wake-up and then keeps to the schedule.
 */
export const startLocalNightlySchedule = ({
  hour,
  timeZone,
  run,
}: {
  hour: number;
  timeZone: string;
  run: () => Promise<unknown>;
}): { stop(): void } => {
  let timer: NodeJS.Timeout | undefined;
  const msUntilNext = (): number => {
    const now = new Date();
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(now);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    const secondsToday = part('hour') * 3600 + part('minute') * 60 + part('second');
    const target = hour * 3600;
    const wait = target > secondsToday ? target - secondsToday : 24 * 3600 - secondsToday + target;
    return wait * 1000;
  };
  const arm = (): void => {
    timer = setTimeout(() => {
      run().catch((error: unknown) => console.error('nightly re-segmentation failed', error));
      arm();
    }, msUntilNext());
    timer.unref();
  };
  arm();
  return { stop: () => clearTimeout(timer) };
};
