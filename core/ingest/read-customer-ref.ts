import type { NormalisedEmail } from './normalise-email';
import { normaliseEmail } from './normalise-email';
import type { CustomerRef } from './parsed-row';
import type { RowDraft } from './row-reader';

/**
 * Who an order or event row belongs to: its customer id and/or e-mail columns, or a generic
 * "customer" column that holds either (an `@` decides).
 */
export const readCustomerRef = (draft: RowDraft): CustomerRef | undefined => {
  const fields = draft.fields;
  let externalId = fields.customerExternalId as string | undefined;
  let email = (fields.customerEmail as NormalisedEmail | undefined)?.email;
  const either = fields.customerRef as string | undefined;
  if (either !== undefined) {
    if (either.includes('@')) email ??= normaliseEmail(either)?.email;
    else externalId ??= either;
  }
  if (externalId === undefined && email === undefined) return undefined;
  return {
    ...(externalId !== undefined ? { externalId } : {}),
    ...(email !== undefined ? { email } : {}),
  };
};
