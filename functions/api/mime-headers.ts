/**
 * The top-level header fields of a raw MIME message, names lower-cased, folded lines joined; a
 * repeated field keeps its first value. Values stay as encoded on the wire (RFC 2047 words
 * included): the preview shows what the message carries.
 */
export const mimeHeaders = (raw: string): Record<string, string> => {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= line.slice(colon + 1).trim();
  }
  return headers;
};
