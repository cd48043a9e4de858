/**
 * Names one outbox record within its campaign. A broadcast mails each customer once, so the
 * customer is the record. A triggered campaign mails a customer once per segment entry, so the
 * entry is part of it: a later re-entry gets a record of its own, while the same entry seen again
 * (a duplicate watch, a retried invocation) finds the record it already has. The entry is an
 * ISO-8601 instant and so holds no `#`, which keeps the name unambiguous for any customer id.
 */
export const outboxIdOf = ({
  customerId,
  entry,
}: {
  customerId: string;
  entry?: string;
}): string => (entry === undefined ? customerId : `${customerId}#${entry}`);
