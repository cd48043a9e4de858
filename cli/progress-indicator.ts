import { formatPercent } from './format-numbers';

export interface ProgressIndicator {
  /** Shows what is happening now, with how far along when the total is known (0–1). */
  update(update: { label: string; fraction?: number }): void;
  /** Clears the line so the result printed next starts clean. */
  stop(): void;
}

interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const BAR_WIDTH = 24;
const SPINNER = ['|', '/', '-', '\\'];
const FRAME_MS = 120;

const silent: ProgressIndicator = { update: () => undefined, stop: () => undefined };

const bar = (fraction: number): string => {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${formatPercent(fraction).padStart(4)}`;
};

/**
 * A one-line progress indicator on stderr, redrawn with a carriage return. Only a person at a
 * terminal sees it: when stderr is piped or redirected it writes nothing, so logs and scripts get
 * no control characters. It uses no escape codes, so NO_COLOR terminals show it as is.
 */
export const startProgress = ({
  stream = process.stderr,
}: { stream?: ProgressStream } = {}): ProgressIndicator => {
  if (stream.isTTY !== true) return silent;
  let current: { label: string; fraction?: number } = { label: '' };
  let frame = 0;
  let drawn = 0;
  const draw = () => {
    const head =
      current.fraction === undefined ? SPINNER[frame % SPINNER.length] : bar(current.fraction);
    // Stay inside one terminal row: a wrapped line cannot be redrawn with a carriage return.
    const text = `${head} ${current.label}`.slice(0, Math.max(10, (stream.columns ?? 80) - 1));
    stream.write(`\r${text.padEnd(drawn)}`);
    drawn = text.length;
  };
  const timer = setInterval(() => {
    frame += 1;
    draw();
  }, FRAME_MS);
  timer.unref();
  return {
    update: (update) => {
      current = update;
      draw();
    },
    stop: () => {
      clearInterval(timer);
      if (drawn > 0) stream.write(`\r${' '.repeat(drawn)}\r`);
      drawn = 0;
    },
  };
};
