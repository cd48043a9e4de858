import type { TargetField } from './column-target';
import type { ParsedBatch } from './parsed-row';
import type { RowDraft, RowReader } from './row-reader';

/**
 * Rejects a row for a missing required field, naming the column; when the value was there but
 * unusable the reason says why and the value is reported.
 */
export const rejectForField = (
  draft: RowDraft,
  reader: RowReader,
  batch: ParsedBatch,
  field: TargetField,
  missing: string,
): void => {
  const issue = draft.issues?.find((candidate) => candidate.field === field);
  batch.rejected.push(
    issue
      ? {
          line: draft.line,
          reason: `${missing}: ${issue.reason}`,
          column: issue.column,
          value: issue.value,
        }
      : { line: draft.line, reason: missing, column: reader.columnFor(field) },
  );
};

/** Every issue of an accepted row becomes a warning. */
export const warnAboutIssues = (draft: RowDraft, batch: ParsedBatch): void => {
  for (const issue of draft.issues ?? []) {
    batch.warnings.push({
      line: issue.line,
      column: issue.column,
      value: issue.value,
      reason: issue.reason,
    });
  }
};
