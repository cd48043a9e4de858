import type { CampaignAudience } from './campaign';
import type { RecipientCandidate } from './recipient-candidate';

/**
 * The audience as a set: candidates in any included segment and in no excluded segment, each
 * customer once (the first occurrence wins), in input order.
 */
export const resolveAudience = ({
  audience,
  candidates,
}: {
  audience: CampaignAudience;
  candidates: Iterable<RecipientCandidate>;
}): RecipientCandidate[] => {
  const included = new Set(audience.segmentIds);
  const excluded = new Set(audience.excludedSegmentIds);
  const seen = new Set<string>();
  const resolved: RecipientCandidate[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.customerId)) continue;
    const inAudience = candidate.segmentIds.some((id) => included.has(id));
    const isExcluded = candidate.segmentIds.some((id) => excluded.has(id));
    if (!inAudience || isExcluded) continue;
    seen.add(candidate.customerId);
    resolved.push(candidate);
  }
  return resolved;
};
