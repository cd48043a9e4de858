/** A row Shoal could not accept; `line` is the 1-based physical line where the record starts (header = 1). */
export interface RejectedRow {
  line: number;
  reason: string;
  column?: string;
  value?: string;
}

/** A value Shoal dropped from an accepted row because it was present but implausible or unreadable. */
export interface RowWarning {
  line: number;
  column: string;
  value: string;
  reason: string;
}
