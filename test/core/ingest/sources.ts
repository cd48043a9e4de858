import { createReadStream } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** An upload as the object store hands it over: bytes in chunks of the given size. */
export async function* bytesOf(
  content: string | Uint8Array,
  chunkSize = 64 * 1024,
): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    yield bytes.subarray(offset, offset + chunkSize);
  }
}

export const gzipOf = (content: string): Uint8Array => gzipSync(content);

export const fixture = (name: string): AsyncIterable<Uint8Array> =>
  createReadStream(new URL(`../../fixtures/ingest/${name}`, import.meta.url));

export const marketingCampaign = (): AsyncIterable<Uint8Array> =>
  createReadStream(new URL('../../../../shared/datasets/marketing_campaign.csv', import.meta.url));
