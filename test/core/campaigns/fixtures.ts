import {
  InMemoryCampaignStore,
  type ReconcileStrategy,
} from '../../../adapters/memory/in-memory-campaign-store';
import type { Campaign } from '../../../core/campaigns/campaign';
import type { RecipientCandidate } from '../../../core/campaigns/recipient-candidate';
import type { SenderConfig } from '../../../core/campaigns/sender-config';
import type { UnsubscribeKeys } from '../../../core/campaigns/unsubscribe-token';
import type { Mailer, RawEmail, SendQuota, SendResult } from '../../../core/ports/mailer';
import type { Clock } from '../../../core/shared/clock';

export const sender: SenderConfig = {
  from: 'Shoal Shop <news@shop.example>',
  configurationSet: 'shoal-campaigns',
  unsubscribeBaseUrl: 'https://api.shop.example',
  unsubscribeMailbox: 'unsubscribe@shop.example',
  postalAddress: 'Shoal Shop Ltd, 1 Harbour Road, Bristol BS1 4AA, UK',
  messageIdDomain: 'shop.example',
};

export const keys: UnsubscribeKeys = {
  current: { keyId: 'k2', secret: 'current-secret-0123456789abcdef' },
  previous: { keyId: 'k1', secret: 'previous-secret-0123456789abcdef' },
};

/** A clock tests move by hand; `sleep` advances it instead of waiting. */
export const manualClock = (
  iso: string,
): { clock: Clock; sleep: (ms: number) => Promise<void>; advance: (ms: number) => void } => {
  let now = Date.parse(iso);
  return {
    clock: () => new Date(now),
    sleep: async (ms) => {
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
};

export const candidate = (
  customerId: string,
  overrides: Partial<RecipientCandidate> = {},
): RecipientCandidate => ({
  customerId,
  segmentIds: ['seg-vip'],
  profile: {
    email: `${customerId}@example.com`,
    firstName: 'Ada',
    lastName: 'Lovelace',
    timeZone: 'Europe/London',
    consent: { state: 'granted' },
  },
  vars: { rfm_segment: 'champions' },
  ...overrides,
});

export const campaign = (overrides: Partial<Campaign> = {}): Campaign => ({
  campaignId: 'cmp-1',
  name: 'Spring sale',
  kind: 'broadcast',
  audience: { segmentIds: ['seg-vip'], excludedSegmentIds: [] },
  content: {
    subject: 'Hi {{ first_name | default: "there" }}, spring is here',
    preheader: 'Twenty percent off for {{ rfm_segment }}',
    html: '<html><body><h1>Hello {{ first_name }}</h1><p>You are one of our {{ rfm_segment }}.</p></body></html>',
  },
  variables: { rfm_segment: 'string', last_order_date: 'date' },
  holdoutPercent: 0,
  defaultTimeZone: 'UTC',
  status: 'scheduled',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 0,
  ...overrides,
});

export type MailerScript = (call: number, message: RawEmail) => SendResult | undefined;

/**
 * Test double of the Mailer port: accepts everything unless the script says otherwise, and logs
 * every accepted message with the X-Shoal-Send-Id it carried, like the SES event stream would.
 */
export class FakeMailer implements Mailer {
  calls = 0;
  readonly accepted: { to: string; sendId: string; messageId: string; raw: string }[] = [];

  constructor(
    private readonly script: MailerScript = () => undefined,
    private readonly quota: SendQuota = {
      maxSendRatePerSecond: 14,
      max24HourSend: 50_000,
      sentLast24Hours: 0,
    },
  ) {}

  async sendRaw(message: RawEmail): Promise<SendResult> {
    this.calls += 1;
    await new Promise((resolve) => setImmediate(resolve));
    const raw = Buffer.from(message.raw).toString('utf8');
    const scripted = this.script(this.calls, message);
    if (scripted) return scripted;
    const sendId = /^X-Shoal-Send-Id: (\S+)/im.exec(raw)?.[1] ?? '';
    const messageId = `ses-${String(this.accepted.length + 1).padStart(6, '0')}`;
    this.accepted.push({ to: message.to[0] ?? '', sendId, messageId, raw });
    return { ok: true, messageId };
  }

  async getSendQuota(): Promise<SendQuota> {
    return this.quota;
  }

  /** A reconcile strategy that looks the send up in this mailer's log of accepted messages. */
  readonly reconcileFromLog: ReconcileStrategy = async (send) => {
    const found = this.accepted.find((a) => a.sendId === send.sendId);
    return found ? { outcome: 'sent', messageId: found.messageId } : { outcome: 'not-sent' };
  };

  sendsTo(email: string): number {
    return this.accepted.filter((a) => a.to === email).length;
  }
}

export const storeWith = async (
  campaignRecord: Campaign,
  options: ConstructorParameters<typeof InMemoryCampaignStore>[0] = {},
): Promise<InMemoryCampaignStore> => {
  const store = new InMemoryCampaignStore(options);
  await store.putCampaign(campaignRecord);
  return store;
};
