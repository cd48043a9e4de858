import { eventKey } from '../../core/ingest/event-key';
import type { CustomerEvent } from '../../core/customers/customer-event';
import type { CustomerProfile } from '../../core/customers/customer-profile';
import type { Order } from '../../core/customers/order';
import type {
  CustomerDeletion,
  CustomerRecord,
  CustomerStore,
  IdentityMatches,
  ProfileCard,
  WriteOutcome,
} from '../../core/ports/customer-store';

/** FNV-1a: stable across processes and runs, so a shard always holds the same customers. */
const shardOf = (customerId: string, count: number): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < customerId.length; i++) {
    hash ^= customerId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
};

const NO_FAILURES: WriteOutcome = { failed: [] };

/**
 * Stored items are JSON data, as in the real table; a JSON round trip copies them several times
 * faster than structuredClone, which matters when `shoal analyze` loads a large export.
 */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The CustomerStore in a process's memory: what `shoal analyze` runs on and what core tests use.
 * Everything handed in or out is copied, so callers cannot change stored state by mutating
 * objects, as with a real database. `writes` counts items written, for idempotency checks.
 */
export class InMemoryCustomerStore implements CustomerStore {
  readonly writes = { profiles: 0, orders: 0, events: 0 };
  private readonly profiles = new Map<string, CustomerProfile>();
  private readonly byExternalId = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly orders = new Map<string, Order>();
  private readonly orderIdsByCustomer = new Map<string, Set<string>>();
  private readonly eventsByCustomer = new Map<string, Map<string, CustomerEvent>>();

  async findIdentities(keys: {
    externalIds: string[];
    emails: string[];
  }): Promise<IdentityMatches> {
    const pick = (index: Map<string, string>, wanted: string[]) =>
      new Map(
        wanted.flatMap((key) => {
          const customerId = index.get(key);
          return customerId === undefined ? [] : [[key, customerId] as const];
        }),
      );
    return {
      byExternalId: pick(this.byExternalId, keys.externalIds),
      byEmail: pick(this.byEmail, keys.emails),
    };
  }

  /** Profiles in id order; the cursor is the last id returned. Only profiles count as scanned. */
  async scanProfiles({
    limit,
    cursor,
  }: {
    limit: number;
    cursor?: string;
  }): Promise<{ profiles: ProfileCard[]; scanned: number; cursor?: string }> {
    const ids = [...this.profiles.keys()]
      .sort()
      .filter((id) => cursor === undefined || id > cursor);
    const page = ids.slice(0, limit);
    const last = page.at(-1);
    return {
      profiles: page.map((id) => copy(this.profiles.get(id) as CustomerProfile)),
      scanned: page.length,
      ...(page.length < ids.length && last !== undefined && { cursor: last }),
    };
  }

  async getProfiles(customerIds: string[]): Promise<Map<string, CustomerProfile>> {
    const found = new Map<string, CustomerProfile>();
    for (const customerId of customerIds) {
      const profile = this.profiles.get(customerId);
      if (profile) found.set(customerId, copy(profile));
    }
    return found;
  }

  async saveProfiles(profiles: CustomerProfile[]): Promise<WriteOutcome> {
    for (const profile of profiles) {
      const previous = this.profiles.get(profile.customerId);
      if (
        previous?.email &&
        previous.email !== profile.email &&
        this.byEmail.get(previous.email) === profile.customerId
      ) {
        this.byEmail.delete(previous.email);
      }
      this.profiles.set(profile.customerId, copy(profile));
      if (profile.externalId !== undefined)
        this.byExternalId.set(profile.externalId, profile.customerId);
      if (profile.email !== undefined) this.byEmail.set(profile.email, profile.customerId);
      this.writes.profiles++;
    }
    return NO_FAILURES;
  }

  async saveOrders(orders: Order[]): Promise<WriteOutcome> {
    for (const order of orders) {
      const previous = this.orders.get(order.orderId);
      if (previous && previous.customerId !== order.customerId) {
        this.orderIdsByCustomer.get(previous.customerId)?.delete(order.orderId);
      }
      this.orders.set(order.orderId, copy(order));
      let ids = this.orderIdsByCustomer.get(order.customerId);
      if (!ids) this.orderIdsByCustomer.set(order.customerId, (ids = new Set()));
      ids.add(order.orderId);
      this.writes.orders++;
    }
    return NO_FAILURES;
  }

  async saveEvents(events: CustomerEvent[]): Promise<WriteOutcome> {
    for (const event of events) {
      let byKey = this.eventsByCustomer.get(event.customerId);
      if (!byKey) this.eventsByCustomer.set(event.customerId, (byKey = new Map()));
      byKey.set(eventKey(event), copy(event));
      this.writes.events++;
    }
    return NO_FAILURES;
  }

  async *scanCustomers(shard: { index: number; count: number }): AsyncIterable<CustomerRecord> {
    for (const customerId of [...this.profiles.keys()].sort()) {
      if (shardOf(customerId, shard.count) !== shard.index) continue;
      const record = this.recordOf(customerId);
      if (record) yield record;
    }
  }

  async getCustomer(customerId: string): Promise<CustomerRecord | undefined> {
    return this.recordOf(customerId);
  }

  async deleteCustomer(
    customerId: string,
    aliases: { externalIds: string[]; emails: string[] },
  ): Promise<CustomerDeletion> {
    const orderIds = this.orderIdsByCustomer.get(customerId) ?? new Set<string>();
    for (const orderId of orderIds) this.orders.delete(orderId);
    this.orderIdsByCustomer.delete(customerId);
    const events = this.eventsByCustomer.get(customerId)?.size ?? 0;
    this.eventsByCustomer.delete(customerId);
    let deletedAliases = 0;
    for (const [index, keys] of [
      [this.byExternalId, new Set(aliases.externalIds)],
      [this.byEmail, new Set(aliases.emails)],
    ] as const) {
      for (const key of keys) {
        if (index.get(key) !== customerId) continue;
        index.delete(key);
        deletedAliases++;
      }
    }
    const profiles = this.profiles.delete(customerId) ? 1 : 0;
    return { profiles, orders: orderIds.size, events, aliases: deletedAliases };
  }

  private recordOf(customerId: string): CustomerRecord | undefined {
    const profile = this.profiles.get(customerId);
    if (!profile) return undefined;
    const orderIds = [...(this.orderIdsByCustomer.get(customerId) ?? [])];
    return copy({
      profile,
      orders: orderIds.flatMap((orderId) => {
        const order = this.orders.get(orderId);
        return order ? [order] : [];
      }),
      events: [...(this.eventsByCustomer.get(customerId)?.values() ?? [])],
    });
  }
}
