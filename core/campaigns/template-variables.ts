import { z } from 'zod';
import type { RecipientCandidate, TemplateValue } from './recipient-candidate';

export const TemplateVariableKind = z.enum(['string', 'number', 'boolean', 'date']);
export type TemplateVariableKind = z.infer<typeof TemplateVariableKind>;

/**
 * The variables a template may reference, by name, with the kind of value each holds. Names are
 * snake_case so marketers write `{{ first_name }}` whatever the profile field is called.
 */
export const KnownVariables = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), TemplateVariableKind);
export type KnownVariables = z.infer<typeof KnownVariables>;

/** Filled for every recipient from the profile and the send itself. */
export const standardVariables: KnownVariables = {
  customer_id: 'string',
  email: 'string',
  first_name: 'string',
  last_name: 'string',
  unsubscribe_url: 'string',
};

const sampleValues: Record<TemplateVariableKind, TemplateValue> = {
  string: 'Sample',
  number: 42,
  boolean: true,
  date: '2026-01-15T09:30:00.000Z',
};

/** A context in which every known variable has a value, to validate templates by rendering. */
export const sampleTemplateContext = (known: KnownVariables): Record<string, TemplateValue> =>
  Object.fromEntries(Object.entries(known).map(([name, kind]) => [name, sampleValues[kind]]));

/**
 * The render context for one recipient. Every known variable is present, null when the customer
 * has no value, so `default` works and a missing feature never fails a send.
 */
export const recipientTemplateContext = ({
  candidate,
  known,
  unsubscribeUrl,
}: {
  candidate: RecipientCandidate;
  known: KnownVariables;
  unsubscribeUrl: string;
}): Record<string, TemplateValue> => {
  const provided: Record<string, TemplateValue | undefined> = {
    ...candidate.vars,
    customer_id: candidate.customerId,
    email: candidate.profile.email,
    first_name: candidate.profile.firstName,
    last_name: candidate.profile.lastName,
    unsubscribe_url: unsubscribeUrl,
  };
  return Object.fromEntries(
    Object.keys({ ...standardVariables, ...known }).map((name) => [name, provided[name] ?? null]),
  );
};
