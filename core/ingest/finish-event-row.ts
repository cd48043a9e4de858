import type { ParsedBatch } from './parsed-row';
import { readCustomerRef } from './read-customer-ref';
import { rejectForField, warnAboutIssues } from './reject-for-field';
import type { RowDraft, RowReader } from './row-reader';

/**
 * Turns a draft into an event row.
 * 1. Rejects rows without a type, a readable time or a customer id / e-mail.
 * 2. Keeps every unmapped column as an event property; other unusable values become warnings.
 */
export const finishEventRow = (draft: RowDraft, reader: RowReader, batch: ParsedBatch): void => {
  const fields = draft.fields;
  const type = fields.eventType as string | undefined;
  if (type === undefined)
    return rejectForField(draft, reader, batch, 'eventType', 'event without a type');
  const at = fields.occurredAt as string | undefined;
  if (at === undefined)
    return rejectForField(draft, reader, batch, 'occurredAt', 'event without a readable time');
  const customer = readCustomerRef(draft);
  if (!customer) {
    return rejectForField(
      draft,
      reader,
      batch,
      reader.customerRefField(),
      'event without a customer id or e-mail',
    );
  }
  warnAboutIssues(draft, batch);
  const eventId = fields.eventId as string | undefined;
  batch.rows.push({
    kind: 'events',
    line: draft.line,
    customer,
    type,
    at,
    ...(eventId !== undefined ? { eventId } : {}),
    properties: draft.attributes ?? {},
  });
};
