/** Wraps text in a colour, or returns it unchanged when colour is off. */
export type Paint = (text: string) => string;

export interface TerminalStyle {
  bold: Paint;
  dim: Paint;
  green: Paint;
  yellow: Paint;
  red: Paint;
}

const sgr =
  (open: number, close: number): Paint =>
  (text) =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Paint = (text) => text;

/**
 * Colour only for a person at a terminal: never when the stream is piped or redirected, and never
 * when NO_COLOR is set to anything but the empty string (https://no-color.org).
 */
export const terminalStyle = ({
  stream = process.stdout,
  env = process.env,
}: {
  stream?: { isTTY?: boolean };
  env?: Record<string, string | undefined>;
} = {}): TerminalStyle =>
  stream.isTTY === true && !env.NO_COLOR
    ? {
        bold: sgr(1, 22),
        dim: sgr(2, 22),
        green: sgr(32, 39),
        yellow: sgr(33, 39),
        red: sgr(31, 39),
      }
    : { bold: plain, dim: plain, green: plain, yellow: plain, red: plain };

const STATUS_COLOURS: Record<string, keyof TerminalStyle> = {
  succeeded: 'green',
  complete: 'green',
  sent: 'green',
  'partially-failed': 'yellow',
  paused: 'yellow',
  failed: 'red',
  cancelled: 'red',
  running: 'dim',
  sending: 'dim',
  scheduled: 'dim',
};

/** The colour of an import, run or campaign status: green done, yellow partly, red failed. */
export const paintStatus = ({ style, status }: { style: TerminalStyle; status: string }): Paint => {
  const colour = STATUS_COLOURS[status];
  return colour === undefined ? plain : style[colour];
};
