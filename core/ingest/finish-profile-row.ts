import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { ProfileFields } from '../customers/customer-profile';
import type { TargetField } from './column-target';
import { normaliseEmail, type NormalisedEmail } from './normalise-email';
import type { ParsedBatch } from './parsed-row';
import type { FieldIssue, RowDraft, RowReader } from './row-reader';

/** Fields copied as parsed; the others are derived below. */
const DIRECT_FIELDS = [
  'externalId',
  'firstName',
  'lastName',
  'birthDate',
  'birthYear',
  'gender',
  'income',
  'education',
  'occupation',
  'maritalStatus',
  'householdSize',
  'children',
  'country',
  'region',
  'city',
  'postalCode',
  'language',
  'timeZone',
  'tags',
  'signupAt',
] as const satisfies readonly (keyof ProfileFields & TargetField)[];

const parsePhone = (text: string, country: string | undefined): string | undefined => {
  const phone = parsePhoneNumberFromString(text, country as CountryCode | undefined);
  return phone?.isValid() ? phone.number : undefined;
};

const IDENTIFIER_REASON = 'no customer identifier: needs an external id or a valid e-mail';

/**
 * Turns a draft into a profile row, or rejects it when nothing identifies the customer.
 * 1. Splits a Pinpoint address into e-mail or phone.
 * 2. Rejects the row without an external id and without a valid e-mail.
 * 3. Copies fields; derives names from a full name, the birth year from a birth date, the phone in
 *    E.164 with the row's country as default region, consent from consent or opt-out columns.
 * 4. Turns every unusable value into a warning.
 */
export const finishProfileRow = (draft: RowDraft, reader: RowReader, batch: ParsedBatch): void => {
  const source = draft.fields;
  const issues: FieldIssue[] = draft.issues ?? [];
  let email = source.email as NormalisedEmail | undefined;
  let phoneText = source.phone as string | undefined;
  const address = source.address as string | undefined;
  if (address !== undefined) {
    if (!address.includes('@')) phoneText ??= address;
    else if (!email) {
      email = normaliseEmail(address);
      if (!email) {
        issues.push({
          line: draft.line,
          column: reader.columnFor('address'),
          value: address,
          reason: 'not a valid e-mail',
          field: 'email',
        });
      }
    }
  }

  if (source.externalId === undefined && !email) {
    const emailIssue = issues.find((issue) => issue.field === 'email');
    batch.rejected.push(
      emailIssue
        ? {
            line: draft.line,
            reason: `${IDENTIFIER_REASON} (e-mail not valid)`,
            column: emailIssue.column,
            value: emailIssue.value,
          }
        : { line: draft.line, reason: IDENTIFIER_REASON },
    );
    return;
  }

  const fields: ProfileFields = {};
  const target = fields as Record<string, unknown>;
  for (const name of DIRECT_FIELDS) {
    const value = source[name];
    if (value !== undefined) target[name] = value;
  }
  if (email) {
    fields.email = email.email;
    fields.emailDisplay = email.display;
  }
  const fullName = source.fullName as string | undefined;
  if (fullName !== undefined && fields.firstName === undefined && fields.lastName === undefined) {
    const space = fullName.indexOf(' ');
    fields.firstName = space === -1 ? fullName : fullName.slice(0, space);
    if (space !== -1) fields.lastName = fullName.slice(space + 1).trim();
  }
  if (fields.birthYear === undefined && fields.birthDate !== undefined) {
    fields.birthYear = Number(fields.birthDate.slice(0, 4));
  }
  if (phoneText !== undefined) {
    const phone = parsePhone(phoneText, fields.country);
    if (phone) fields.phone = phone;
    else {
      issues.push({
        line: draft.line,
        column: reader.columnFor(source.phone !== undefined ? 'phone' : 'address'),
        value: phoneText,
        reason: 'not a valid phone number',
        field: 'phone',
      });
    }
  }
  const consentState = (source.consent ?? source.optOut) as 'granted' | 'denied' | undefined;
  const consentAt = source.consentAt as string | undefined;
  if (consentState)
    fields.consent = consentAt ? { state: consentState, at: consentAt } : { state: consentState };

  for (const issue of issues) {
    batch.warnings.push({
      line: issue.line,
      column: issue.column,
      value: issue.value,
      reason: issue.reason,
    });
  }
  batch.rows.push({
    kind: 'customers',
    line: draft.line,
    fields,
    attributes: draft.attributes ?? {},
    ...(source.updatedAt !== undefined ? { sourceTime: source.updatedAt as string } : {}),
    ...(consentAt !== undefined ? { consentAt } : {}),
  });
};
