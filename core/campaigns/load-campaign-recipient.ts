import { resolveCustomerId } from '../customers/resolve-customer-id';
import type { CustomerStore } from '../ports/customer-store';
import type { SegmentStore } from '../ports/segment-store';
import { ConflictError, NotFoundError } from '../shared/errors';
import { loadCandidatesOf } from './load-recipient-candidates';
import type { RecipientCandidate } from './recipient-candidate';

/**
 * One customer as a campaign would see them if it were sent now: for previews and test sends.
 * 1. Resolve the shop's id (or Shoal's) to the stored customer: NotFoundError for a stranger.
 * 2. Load them as a candidate of the current run: ConflictError before any run, NotFoundError
 *    for a customer the run does not know yet (imported since).
 */
export const loadCampaignRecipient = async ({
  customerId,
  customers,
  segments,
}: {
  customerId: string;
  customers: CustomerStore;
  segments: SegmentStore;
}): Promise<RecipientCandidate> => {
  const [id, runId] = await Promise.all([
    resolveCustomerId({ lookup: { customerId }, customers }),
    segments.getCurrentRunId(),
  ]);
  if (!runId) throw new ConflictError('there is no complete segmentation run yet');
  const [recipient] = await loadCandidatesOf({ runId, customerIds: [id], segments, customers });
  if (!recipient) {
    throw new NotFoundError(`customer ${customerId} is not in the current run ${runId}`, {
      customerId,
      runId,
    });
  }
  return recipient;
};
