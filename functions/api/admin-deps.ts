import type { EligibilityPolicy } from '../../core/campaigns/eligibility-policy';
import type { SenderConfig } from '../../core/campaigns/sender-config';
import type { UnsubscribeKeys } from '../../core/campaigns/unsubscribe-token';
import type { CampaignStore } from '../../core/ports/campaign-store';
import type { CampaignWorkQueue } from '../../core/ports/campaign-work-queue';
import type { CustomerStore } from '../../core/ports/customer-store';
import type { ImportStore } from '../../core/ports/import-store';
import type { Mailer } from '../../core/ports/mailer';
import type { ObjectStore } from '../../core/ports/object-store';
import type { RunTrigger } from '../../core/ports/run-trigger';
import type { SegmentStore } from '../../core/ports/segment-store';
import type { UploadUrlSigner } from '../../core/ports/upload-url-signer';
import type { Clock } from '../../core/shared/clock';
import type { DashboardAsset } from '../../dashboard/dashboard-assets';

/** How the dashboard formats numbers and which calendar runs use. */
export interface ShopSettings {
  currency: string;
  locale: string;
  timeZone: string;
  /** True on the local stack: the dashboard then shows the local outbox. */
  local: boolean;
}

/** Where the deployed dashboard sends marketers to sign in (Cognito's managed login). */
export interface DashboardLogin {
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  domainUrl: string;
  clientId: string;
}

/** What the admin function's routes use. */
export interface AdminDeps {
  customers: CustomerStore;
  segments: SegmentStore;
  campaigns: CampaignStore;
  /** Where a send or schedule queues its dispatch. */
  campaignWork: CampaignWorkQueue;
  /** Previews and test sends render and mail exactly as the campaign sender does. */
  sender: SenderConfig;
  mailer: Mailer;
  unsubscribeKeys: () => Promise<UnsubscribeKeys>;
  /** The same consent model and frequency cap the dispatcher and senders apply. */
  policy: EligibilityPolicy;
  imports: ImportStore;
  objects: ObjectStore;
  uploads: UploadUrlSigner;
  runs: RunTrigger;
  settings: ShopSettings;
  /** The dashboard's file for a URL path, if there is one. */
  dashboard: (path: string) => DashboardAsset | undefined;
  /** Absent on the local stack, where the dashboard signs in with the admin key. */
  login?: DashboardLogin;
  clock: Clock;
}
