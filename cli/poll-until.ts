import { setTimeout as sleep } from 'node:timers/promises';
import { formatSeconds } from './format-numbers';

/**
 * Reads something until it is finished (an import, a run, a send), calling `onRead` with each
 * reading so the caller can show progress, and gives up after `timeoutMs` with an error that says
 * what it was waiting for.
 */
export const pollUntil = async <T, Done extends T>({
  read,
  isDone,
  onRead,
  waitingFor,
  intervalMs = 1000,
  timeoutMs,
}: {
  read: () => Promise<T>;
  isDone: (value: T) => value is Done;
  onRead?: (value: T, elapsedMs: number) => void;
  /** Finishes the sentence "gave up waiting for …". */
  waitingFor: string;
  intervalMs?: number;
  timeoutMs: number;
}): Promise<Done> => {
  const started = Date.now();
  for (;;) {
    const value = await read();
    const elapsed = Date.now() - started;
    onRead?.(value, elapsed);
    if (isDone(value)) return value;
    if (elapsed >= timeoutMs) {
      throw new Error(`gave up waiting for ${waitingFor} after ${formatSeconds(elapsed)}`);
    }
    await sleep(intervalMs);
  }
};
