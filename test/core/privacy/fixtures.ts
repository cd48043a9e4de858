import { InMemoryCampaignStore } from '../../../adapters/memory/in-memory-campaign-store';
import { InMemoryCustomerStore } from '../../../adapters/memory/in-memory-customer-store';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import { sendCampaign } from '../../../core/campaigns/send-campaign';
import type { CustomerProfile } from '../../../core/customers/customer-profile';
import type { ObjectStore } from '../../../core/ports/object-store';
import type { SegmentStore } from '../../../core/ports/segment-store';
import type { CustomerSegments } from '../../../core/segmentation-runs/segmentation-run';
import type { CustomerFeatures } from '../../../core/segments';
import { campaign, candidate, FakeMailer, keys, manualClock, sender } from '../campaigns/fixtures';

/** The segment-store methods privacy uses, over maps; runs are listed newest first by id. */
export class FakeSegmentStore implements Pick<
  SegmentStore,
  'listCustomerSegmentHistory' | 'deleteCustomerSegments' | 'getCurrentRunId'
> {
  readonly summaries = new Map<string, CustomerSegments>();
  readonly members = new Set<string>();
  currentRunId?: string;

  save(summary: CustomerSegments): void {
    this.summaries.set(`${summary.runId}|${summary.customerId}`, summary);
    for (const m of summary.memberships) {
      this.members.add(`${summary.runId}|${m.segmentId}|${summary.customerId}`);
    }
  }

  async listCustomerSegmentHistory(customerId: string): Promise<CustomerSegments[]> {
    return [...this.summaries.values()]
      .filter((summary) => summary.customerId === customerId)
      .sort((a, b) => b.runId.localeCompare(a.runId));
  }

  async deleteCustomerSegments(summaries: CustomerSegments[]): Promise<void> {
    for (const summary of summaries) {
      this.summaries.delete(`${summary.runId}|${summary.customerId}`);
      for (const m of summary.memberships) {
        this.members.delete(`${summary.runId}|${m.segmentId}|${summary.customerId}`);
      }
    }
  }

  async getCurrentRunId(): Promise<string | undefined> {
    return this.currentRunId;
  }
}

/** The object-store methods privacy uses, over a map of text objects. */
export class FakeObjectStore implements Pick<ObjectStore, 'list' | 'readText' | 'write'> {
  readonly objects = new Map<string, string>();

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  async readText(key: string): Promise<string | undefined> {
    return this.objects.get(key);
  }

  async write(key: string, body: string | Uint8Array): Promise<void> {
    this.objects.set(key, typeof body === 'string' ? body : new TextDecoder().decode(body));
  }
}

export const ADA = { customerId: 'c-1', externalId: 'c-1', email: 'ada@example.com' };
export const GRACE = { customerId: 'c-2', externalId: 'c-2', email: 'grace@example.com' };

export const profileOf = (person: typeof ADA): CustomerProfile => ({
  ...person,
  emailDisplay: person.email,
  firstName: 'Test',
  consent: { state: 'granted' },
  attributes: {},
  sourceTimes: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

export const summaryOf = (person: typeof ADA, runId: string): CustomerSegments => ({
  customerId: person.customerId,
  runId,
  asOf: runId.slice(4),
  email: person.email,
  lifecycleStage: 'active',
  memberships: [
    {
      segmentId: 'lifecycle:active',
      segmentName: 'Active',
      kind: 'lifecycle',
      reason: ['ordered 10 days ago'],
      since: '2026-02-01',
    },
  ],
  features: {} as CustomerFeatures,
});

export const REJECTED_CSV = [
  'file,line,reason,column,value',
  'imports/customers/a.csv,3,not a valid e-mail,email,ada@example',
  'imports/orders/b.csv,7,write failed: throttled,customer,ADA@example.com',
  'imports/orders/b.csv,8,unknown status,status,c-1',
  'imports/orders/b.csv,9,not an amount,amount,1c-10',
  'imports/orders/b.csv,10,unknown customer,customer,grace@example.com',
  '',
].join('\r\n');

/**
 * Ada and Grace with a profile, an order and an event each, a membership in two runs, a sent
 * campaign message with a delivery event, and import reports naming both.
 */
export const seedTwoCustomers = async () => {
  const time = manualClock('2026-03-10T12:00:00Z');
  const customers = new InMemoryCustomerStore();
  const segments = new FakeSegmentStore();
  const campaigns = new InMemoryCampaignStore({ clock: time.clock });
  const objects = new FakeObjectStore();
  const mailer = new FakeMailer();

  for (const person of [ADA, GRACE]) {
    await customers.saveProfiles([profileOf(person)]);
    await customers.saveOrders([
      {
        orderId: `o-${person.customerId}`,
        customerId: person.customerId,
        orderedAt: '2026-02-01T10:00:00.000Z',
        total: 40,
        netRevenue: 40,
        status: 'completed',
        lines: [],
      },
    ]);
    await customers.saveEvents([
      {
        customerId: person.customerId,
        type: 'added_to_cart',
        at: '2026-02-02T10:00:00.000Z',
        properties: { sku: 'tea' },
      },
    ]);
    segments.save(summaryOf(person, 'run-2026-03-01'));
    segments.save(summaryOf(person, 'run-2026-03-02'));
  }
  segments.currentRunId = 'run-2026-03-02';

  await campaigns.putCampaign(campaign());
  const recipients = [ADA, GRACE].map((person) =>
    candidate(person.customerId, { profile: { ...profileOf(person) } }),
  );
  await freezeCampaignAudience({
    campaignId: 'cmp-1',
    candidates: recipients,
    policy: { consent: 'opt-in' },
    store: campaigns,
    clock: time.clock,
  });
  await sendCampaign({
    campaignId: 'cmp-1',
    store: campaigns,
    mailer,
    clock: time.clock,
    sleep: time.sleep,
    config: { sender, policy: { consent: 'opt-in' }, unsubscribeKeys: keys },
  });
  for (const send of await campaigns.listSends('cmp-1')) {
    await campaigns.recordDeliveryEventOnce({
      messageId: send.messageId!,
      type: 'open',
      campaignId: 'cmp-1',
      customerId: send.customerId,
      at: '2026-03-10T13:00:00.000Z',
    });
  }

  objects.objects.set('reports/imports/imp-1/summary.json', '{"counts":{"rejected":5}}\n');
  objects.objects.set('reports/imports/imp-1/rejected.csv', REJECTED_CSV);
  objects.objects.set(
    'reports/imports/imp-1/warnings.csv',
    'file,line,column,value,reason\r\nimports/customers/a.csv,4,phone,+44 20 7946 0000,not a valid phone number\r\n',
  );

  return { time, customers, segments, campaigns, objects, mailer };
};
