/** One JSON value from an array element or an NDJSON line, or why it could not be read. */
export type JsonRecord = { line: number; value: unknown } | { line: number; error: string };

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;

const isWhitespace = (c: number): boolean => c === 0x20 || c === LF || c === 0x0d || c === 0x09;

const parseJson = (text: string, line: number): JsonRecord => {
  try {
    return { line, value: JSON.parse(text) };
  } catch (error) {
    return { line, error: `unparseable JSON: ${(error as Error).message}` };
  }
};

/**
 * Splits a top-level JSON array into its elements as the text streams in, so a huge array costs
 * one element of memory; each element is handed to JSON.parse on its own.
 */
export class JsonArraySplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private inElement = false;
  private pending = '';
  private line = 1;
  private elementLine = 1;

  push(chunk: string, out: JsonRecord[]): void {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === LF) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (isWhitespace(c)) continue;
      if (this.depth === 1 && (c === COMMA || c === CLOSE_BRACKET)) {
        if (this.inElement) this.finish(chunk.slice(start, i), out);
        if (c === CLOSE_BRACKET) this.depth = 0;
        continue;
      }
      if (this.depth === 0) {
        if (c === OPEN_BRACKET) this.depth = 1;
        continue;
      }
      if (this.depth === 1 && !this.inElement) {
        this.inElement = true;
        this.elementLine = this.line;
        start = i;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) this.depth--;
    }
    if (this.inElement) {
      this.pending += chunk.slice(start);
    }
  }

  end(out: JsonRecord[]): void {
    if (this.inElement) this.finish('', out);
  }

  private finish(tail: string, out: JsonRecord[]): void {
    out.push(parseJson(this.pending + tail, this.elementLine));
    this.pending = '';
    this.inElement = false;
  }
}

/** Splits newline-delimited JSON; blank lines are skipped, each other line is one record. */
export class NdjsonSplitter {
  private pending = '';
  private line = 1;

  push(chunk: string, out: JsonRecord[]): void {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      this.emit(this.pending + chunk.slice(start, end), out);
      this.pending = '';
      start = end + 1;
    }
    this.pending += chunk.slice(start);
  }

  end(out: JsonRecord[]): void {
    this.emit(this.pending, out);
    this.pending = '';
  }

  private emit(text: string, out: JsonRecord[]): void {
    const line = this.line++;
    if (text.trim() !== '') out.push(parseJson(text, line));
  }
}

/**
 * Flattens nested objects into dotted keys (`User.UserAttributes.FirstName`) so JSON exports go
 * through the same column mapping as CSV. Lists of scalars become comma-separated text, as a
 * spreadsheet export would show them.
 */
export const flattenJsonObject = (
  value: Record<string, unknown>,
  out: Record<string, string> = {},
  prefix = '',
): Record<string, string> => {
  for (const key in value) {
    const item = value[key];
    const name = prefix + key;
    if (item === null || item === undefined) out[name] = '';
    else if (Array.isArray(item)) {
      out[name] = item.every((entry) => typeof entry !== 'object' || entry === null)
        ? item.join(',')
        : JSON.stringify(item);
    } else if (typeof item === 'object')
      flattenJsonObject(item as Record<string, unknown>, out, `${name}.`);
    else out[name] = String(item);
  }
  return out;
};
