import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { MarketingConsent, ProfileFields } from '../customers/customer-profile';
import { normaliseEmail, type NormalisedEmail } from './normalise-email';
import type { ParsedBatch, ProfileRow } from './parsed-row';
import type { FieldIssue, RowDraft, RowReader } from './row-reader';

const parsePhone = (text: string, country: string | undefined): string | undefined => {
  const phone = parsePhoneNumberFromString(text, country as CountryCode | undefined);
  return phone?.isValid() ? phone.number : undefined;
};

const IDENTIFIER_REASON = 'no customer identifier: needs an external id or a valid e-mail';

/** The identifier columns the file has, so the user knows which cells were empty. */
const identifierColumn = (reader: RowReader): string =>
  (['externalId', 'email', 'address'] as const)
    .filter((field) => reader.hasColumn(field))
    .map((field) => reader.columnFor(field))
    .join(' / ') || '(no id or e-mail column)';

/** A Pinpoint endpoint address is an e-mail or a phone number, depending on its channel. */
const splitAddress = (
  draft: RowDraft,
  reader: RowReader,
  inputs: NonNullable<RowDraft['inputs']>,
  issues: FieldIssue[],
): void => {
  const address = inputs.address as string;
  if (!address.includes('@')) {
    inputs.phone ??= address;
    return;
  }
  if (inputs.email) return;
  const email = normaliseEmail(address);
  if (email) inputs.email = email;
  else {
    issues.push({
      line: draft.line,
      column: reader.columnFor('address'),
      value: address,
      reason: 'not a valid e-mail',
      field: 'email',
    });
  }
};

/**
 * Turns a draft into a profile row, or rejects it when nothing identifies the customer.
 * 1. Splits a Pinpoint address into e-mail or phone.
 * 2. Rejects the row without an external id and without a valid e-mail.
 * 3. Completes the fields the reader already stored: e-mail, names from a full name, the birth
 *    year from a birth date, the phone in E.164 with the row's country as default region, and
 *    consent from consent or opt-out columns.
 * 4. Turns every unusable value into a warning.
 */
export const finishProfileRow = (draft: RowDraft, reader: RowReader, batch: ParsedBatch): void => {
  const fields = draft.fields as ProfileFields;
  const inputs = draft.inputs;
  const issues: FieldIssue[] = draft.issues ?? [];
  if (inputs?.address !== undefined) splitAddress(draft, reader, inputs, issues);
  const email = inputs?.email as NormalisedEmail | undefined;

  if (fields.externalId === undefined && !email) {
    const emailIssue = issues.find((issue) => issue.field === 'email');
    batch.rejected.push(
      emailIssue
        ? {
            line: draft.line,
            reason: `${IDENTIFIER_REASON} (e-mail not valid)`,
            column: emailIssue.column,
            value: emailIssue.value,
          }
        : { line: draft.line, reason: IDENTIFIER_REASON, column: identifierColumn(reader) },
    );
    return;
  }

  if (fields.birthYear === undefined && fields.birthDate !== undefined) {
    fields.birthYear = Number(fields.birthDate.slice(0, 4));
  }
  const row: ProfileRow = {
    kind: 'customers',
    line: draft.line,
    fields,
    attributes: draft.attributes ?? {},
  };
  if (inputs) completeFromInputs(row, inputs, email, draft, reader, issues);
  for (const issue of issues) {
    batch.warnings.push({
      line: issue.line,
      column: issue.column,
      value: issue.value,
      reason: issue.reason,
    });
  }
  batch.rows.push(row);
};

const completeFromInputs = (
  row: ProfileRow,
  inputs: NonNullable<RowDraft['inputs']>,
  email: NormalisedEmail | undefined,
  draft: RowDraft,
  reader: RowReader,
  issues: FieldIssue[],
): void => {
  const fields = row.fields;
  if (email) {
    fields.email = email.email;
    fields.emailDisplay = email.display;
  }
  const fullName = inputs.fullName as string | undefined;
  if (fullName !== undefined && fields.firstName === undefined && fields.lastName === undefined) {
    const space = fullName.indexOf(' ');
    fields.firstName = space === -1 ? fullName : fullName.slice(0, space);
    if (space !== -1) fields.lastName = fullName.slice(space + 1).trim();
  }
  const phoneText = inputs.phone as string | undefined;
  if (phoneText !== undefined) {
    const phone = parsePhone(phoneText, fields.country);
    if (phone) fields.phone = phone;
    else {
      const column = reader.columnFor(reader.hasColumn('phone') ? 'phone' : 'address');
      issues.push({
        line: draft.line,
        column,
        value: phoneText,
        reason: 'not a valid phone number',
        field: 'phone',
      });
    }
  }
  const state = (inputs.consent ?? inputs.optOut) as MarketingConsent['state'] | undefined;
  const consentAt = inputs.consentAt as string | undefined;
  if (state) fields.consent = consentAt ? { state, at: consentAt } : { state };
  if (inputs.updatedAt !== undefined) row.sourceTime = inputs.updatedAt as string;
};
