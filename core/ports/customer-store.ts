import type { CustomerEvent } from '../customers/customer-event';
import type { CustomerProfile } from '../customers/customer-profile';
import type { Order } from '../customers/order';

/** An item the store could not write after its retries; the import report records it by key. */
export interface FailedWrite {
  /**
   * What was not written, as the caller identifies it: the customer id for a profile, the order id
   * for an order, `eventKey(event)` for an event. Ingest maps it back to the rows it came from.
   */
  key: string;
  reason: string;
}

export interface WriteOutcome {
  failed: FailedWrite[];
}

/** Which stored customers the given identifiers already point to. */
export interface IdentityMatches {
  byExternalId: Map<string, string>;
  byEmail: Map<string, string>;
}

/** Everything segmentation needs about one customer. */
export interface CustomerRecord {
  profile: CustomerProfile;
  orders: Order[];
  events: CustomerEvent[];
}

/** The parts of a profile that name a person: what a customer search shows and matches. */
export type ProfileCard = Pick<
  CustomerProfile,
  'customerId' | 'externalId' | 'email' | 'emailDisplay' | 'firstName' | 'lastName'
>;

/** How many items of each kind one customer's deletion removed. */
export interface CustomerDeletion {
  profiles: number;
  orders: number;
  events: number;
  aliases: number;
}

/**
 * Profiles, orders and events. Writes are idempotent puts keyed by identity (customer id, order id,
 * event de-duplication key), so replaying a batch never double-counts.
 */
export interface CustomerStore {
  findIdentities(keys: { externalIds: string[]; emails: string[] }): Promise<IdentityMatches>;
  getProfiles(customerIds: string[]): Promise<Map<string, CustomerProfile>>;
  /** Saves whole profiles and the identity aliases (external id, e-mail) that point to them. */
  saveProfiles(profiles: CustomerProfile[]): Promise<WriteOutcome>;
  saveOrders(orders: Order[]): Promise<WriteOutcome>;
  saveEvents(events: CustomerEvent[]): Promise<WriteOutcome>;
  /** One shard of all customers, with their orders and events; shards partition the customers. */
  scanCustomers(shard: { index: number; count: number }): AsyncIterable<CustomerRecord>;
  getCustomer(customerId: string): Promise<CustomerRecord | undefined>;
  /**
   * Walks every profile in store order, one page at a time: at most `limit` stored items are read
   * (`scanned`), of which the profiles are returned; the cursor says where the next page starts.
   */
  scanProfiles(page: {
    limit: number;
    cursor?: string;
  }): Promise<{ profiles: ProfileCard[]; scanned: number; cursor?: string }>;
  /**
   * Deletes the customer's orders and events, those of the given aliases that still point to it
   * (an alias taken over by someone else is theirs), and its profile last, so a deletion cut short
   * can be found and run again. Deleting what is already gone counts nothing.
   */
  deleteCustomer(
    customerId: string,
    aliases: { externalIds: string[]; emails: string[] },
  ): Promise<CustomerDeletion>;
}
