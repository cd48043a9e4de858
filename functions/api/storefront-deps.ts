import type { UnsubscribeKeys } from '../../core/campaigns/unsubscribe-token';
import type { CampaignStore } from '../../core/ports/campaign-store';
import type { CustomerStore } from '../../core/ports/customer-store';
import type { SegmentStore } from '../../core/ports/segment-store';
import type { Clock } from '../../core/shared/clock';

/** What the storefront function's routes use; it holds no grant beyond these. */
export interface StorefrontDeps {
  customers: CustomerStore;
  segments: SegmentStore;
  campaigns: CampaignStore;
  unsubscribeKeys: () => Promise<UnsubscribeKeys>;
  clock: Clock;
}
