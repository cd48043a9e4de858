import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/**
 * Writes lines to a file in chunks, waiting whenever the stream is full: a million rows never sit
 * in memory as one string.
 */
export const writeLines = async (path: string, lines: Iterable<string>): Promise<void> => {
  const out = createWriteStream(path);
  const chunk: string[] = [];
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const text = chunk.join('\n') + '\n';
    chunk.length = 0;
    if (!out.write(text)) await once(out, 'drain');
  };
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length >= 5_000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
};
