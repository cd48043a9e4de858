import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';
export type Compression = 'gzip' | 'none';

export interface DecodedExport {
  compression: Compression;
  encoding: TextEncoding;
  /** The file's text in chunks, byte-order mark removed; nothing is buffered beyond one chunk. */
  text: AsyncIterable<string>;
}

const isGzip = (bytes: Uint8Array): boolean => bytes[0] === 0x1f && bytes[1] === 0x8b;

async function* prepend(
  first: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** Reads the first non-empty chunk so compression and encoding can be sniffed without buffering. */
const peek = async (
  source: AsyncIterable<Uint8Array>,
): Promise<{ first: Uint8Array; rest: AsyncIterator<Uint8Array> } | undefined> => {
  const rest = source[Symbol.asyncIterator]();
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    if (next.value.length > 0) return { first: next.value, rest };
  }
  return undefined;
};

const gunzip = (bytes: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> => {
  const inflater = createGunzip();
  // pipeline destroys the inflater with the source's or zlib's error, which the consumer's loop then throws.
  pipeline(Readable.from(bytes), inflater, () => undefined);
  return inflater;
};

const sniffEncoding = (first: Uint8Array): TextEncoding => {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return 'utf-8-bom';
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return 'utf-8';
  } catch {
    // Excel on Windows still saves "CSV" in the ANSI code page; decoding it as UTF-8 would mangle names.
    return 'windows-1252';
  }
};

async function* nothing(): AsyncGenerator<Uint8Array> {}

async function* decodeText(
  bytes: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
  for await (const chunk of bytes) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

/**
 * Turns an upload's bytes into text.
 * 1. Peeks the first chunk; gunzips when the key ends in `.gz` or the gzip magic bytes are there.
 * 2. Sniffs the encoding from the first decompressed chunk (BOM, UTF-16, else UTF-8 unless invalid).
 * 3. Decodes chunk by chunk, so a multi-gigabyte file costs one chunk of memory.
 */
export const decodeExportBytes = async ({
  source,
  key,
}: {
  source: AsyncIterable<Uint8Array>;
  key: string;
}): Promise<DecodedExport> => {
  const raw = await peek(source);
  if (!raw) return { compression: 'none', encoding: 'utf-8', text: decodeText(nothing(), 'utf-8') };
  const compression: Compression = key.endsWith('.gz') || isGzip(raw.first) ? 'gzip' : 'none';
  const bytes = prepend(raw.first, raw.rest);
  const plain = compression === 'gzip' ? await peek(gunzip(bytes)) : raw;
  if (!plain) return { compression, encoding: 'utf-8', text: decodeText(nothing(), 'utf-8') };
  const encoding = sniffEncoding(plain.first);
  return { compression, encoding, text: decodeText(prepend(plain.first, plain.rest), encoding) };
};
