import type { CustomerEvent } from '../customers/customer-event';
import type { CustomerProfile } from '../customers/customer-profile';
import type { CustomerFeatures } from './customer-features';
import type { LifecycleStage } from './lifecycle-config';
import type { LocalCalendar } from './local-calendar';

/** What a compiled rule reads about one customer; built once per customer and reused by every rule. */
export interface RuleContext {
  features: CustomerFeatures;
  profile: CustomerProfile;
  events: readonly CustomerEvent[];
  calendar: LocalCalendar;
  rfm: { r: number; f: number; m: number; segmentId: string; segmentName: string } | undefined;
  lifecycleStage: LifecycleStage;
  lifecycleSegmentId: string;
  cluster: { number: number; segmentId: string } | undefined;
  /** 1 where the rule segment at that evaluation index matched; filled in dependency order. */
  matched: Uint8Array;
}
