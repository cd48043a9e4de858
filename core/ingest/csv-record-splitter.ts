/** One CSV record and the physical line it starts on, so a rejection can point the user at it. */
export interface CsvRecord {
  line: number;
  values: string[];
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * A resumable RFC 4180 tokenizer fed chunk by chunk. Written by hand rather than with csv-parse
 * because the import report needs the line where a multi-line record starts (csv-parse only
 * tracks where it ends) and because this is the hottest loop of an import.
 * Lenient like spreadsheets are: a quote inside an unquoted field is literal text, and text
 * after a closing quote is appended to the field.
 */
export class CsvRecordSplitter {
  private field = '';
  private values: string[] = [];
  private inQuotes = false;
  /** A quote ended the previous chunk inside a quoted field: escape or closing quote, not yet known. */
  private quotePending = false;
  private crPending = false;
  private fieldStarted = false;
  private line = 1;
  private recordLine = 1;

  constructor(private readonly delimiter: number) {}

  push(chunk: string, out: CsvRecord[]): void {
    const n = chunk.length;
    let i = 0;
    if (this.crPending) {
      this.crPending = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    if (this.quotePending) {
      this.quotePending = false;
      if (chunk.charCodeAt(i) === QUOTE) {
        this.field += '"';
        i++;
      } else {
        this.inQuotes = false;
      }
    }
    let start = i;
    while (i < n) {
      const c = chunk.charCodeAt(i);
      if (this.inQuotes) {
        if (c === QUOTE) {
          this.field += chunk.slice(start, i);
          if (i + 1 === n) {
            this.quotePending = true;
            i++;
            start = i;
            break;
          }
          if (chunk.charCodeAt(i + 1) === QUOTE) {
            this.field += '"';
            i += 2;
          } else {
            this.inQuotes = false;
            i++;
          }
          start = i;
          continue;
        }
        if (c === LF) this.line++;
        i++;
        continue;
      }
      if (c === this.delimiter) {
        this.values.push(this.field + chunk.slice(start, i));
        this.field = '';
        this.fieldStarted = true;
        i++;
        start = i;
      } else if (c === LF || c === CR) {
        this.field += chunk.slice(start, i);
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        if (c === CR) {
          if (i + 1 === n) this.crPending = true;
          else if (chunk.charCodeAt(i + 1) === LF) i++;
        }
        i++;
        start = i;
      } else if (c === QUOTE && start === i && this.field === '') {
        this.inQuotes = true;
        this.fieldStarted = true;
        i++;
        start = i;
      } else {
        i++;
      }
    }
    if (start < n) this.field += chunk.slice(start, n);
  }

  /** Flushes a last record that has no trailing newline. */
  end(out: CsvRecord[]): void {
    this.quotePending = false;
    this.inQuotes = false;
    this.endRecord(out);
  }

  private endRecord(out: CsvRecord[]): void {
    // A blank line is not a record: exports often end with one or separate blocks with them.
    if (this.values.length > 0 || this.field !== '' || this.fieldStarted) {
      this.values.push(this.field);
      out.push({ line: this.recordLine, values: this.values });
      this.values = [];
    }
    this.field = '';
    this.fieldStarted = false;
  }
}
