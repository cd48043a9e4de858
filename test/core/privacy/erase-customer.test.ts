import { describe, expect, it } from 'vitest';
import { suppressionKey } from '../../../core/campaigns/email-address';
import { freezeCampaignAudience } from '../../../core/campaigns/freeze-campaign-audience';
import { sendCampaign } from '../../../core/campaigns/send-campaign';
import { ingestCustomerExport } from '../../../core/ingest/ingest-customer-export';
import { eraseCustomer } from '../../../core/privacy/erase-customer';
import { NotFoundError } from '../../../core/shared/errors';
import { campaign, candidate, keys, sender } from '../campaigns/fixtures';
import { bytesOf } from '../ingest/sources';
import { ADA, GRACE, seedTwoCustomers } from './fixtures';

const erase = async (seeded: Awaited<ReturnType<typeof seedTwoCustomers>>, customerId: string) =>
  eraseCustomer({ customerId, ...seeded, clock: seeded.time.clock });

describe('eraseCustomer', () => {
  it('deletes the person from every store and reports what it removed', async () => {
    const seeded = await seedTwoCustomers();

    const summary = await erase(seeded, ADA.customerId);

    expect(summary).toEqual({
      customerId: ADA.customerId,
      customers: { profiles: 1, orders: 1, events: 1, aliases: 2 },
      segments: { runs: 2, memberships: 2 },
      campaigns: { sends: 1, messages: 1, deliveryEvents: 1 },
      importReports: { files: 1, rows: 2 },
      suppressedAddresses: 1,
    });
    const { customers, segments, campaigns } = seeded;
    expect(await customers.getCustomer(ADA.customerId)).toBeUndefined();
    const identities = await customers.findIdentities({
      externalIds: [ADA.externalId],
      emails: [ADA.email],
    });
    expect([...identities.byExternalId, ...identities.byEmail]).toEqual([]);
    expect(await segments.listCustomerSegmentHistory(ADA.customerId)).toEqual([]);
    expect([...segments.members].filter((key) => key.endsWith(ADA.customerId))).toEqual([]);
    expect(await campaigns.listCustomerSends(ADA.customerId)).toEqual([]);
    expect(await campaigns.getRecentSendTimes([ADA.customerId], '2026-01-01')).toEqual(new Map());
    const mentioningAda = (value: unknown) => JSON.stringify(value).includes(ADA.customerId);
    expect([...campaigns.messages.values()].filter(mentioningAda)).toEqual([]);
    expect([...campaigns.events.values()].filter(mentioningAda)).toEqual([]);
  });

  it('keeps only a hashed suppression with reason erased', async () => {
    const seeded = await seedTwoCustomers();

    await erase(seeded, ADA.customerId);

    expect([...seeded.campaigns.suppressions.values()]).toEqual([
      { emailHash: suppressionKey(ADA.email), reason: 'erased', at: '2026-03-10T12:00:00.000Z' },
    ]);
  });

  it('removes report rows naming the person and keeps the others, counts untouched', async () => {
    const seeded = await seedTwoCustomers();

    await erase(seeded, ADA.customerId);

    const { objects } = seeded.objects;
    expect(objects.get('reports/imports/imp-1/rejected.csv')).toBe(
      [
        'file,line,reason,column,value',
        'imports/customers/a.csv,3,not a valid e-mail,email,ada@example',
        'imports/orders/b.csv,9,not an amount,amount,1c-10',
        'imports/orders/b.csv,10,unknown customer,customer,grace@example.com',
        '',
      ].join('\r\n'),
    );
    expect(objects.get('reports/imports/imp-1/summary.json')).toBe('{"counts":{"rejected":5}}\n');
  });

  it('leaves every other customer as it was', async () => {
    const seeded = await seedTwoCustomers();
    const before = await seeded.customers.getCustomer(GRACE.customerId);

    await erase(seeded, ADA.customerId);

    expect(await seeded.customers.getCustomer(GRACE.customerId)).toEqual(before);
    expect(await seeded.segments.listCustomerSegmentHistory(GRACE.customerId)).toHaveLength(2);
    expect(await seeded.campaigns.listCustomerSends(GRACE.customerId)).toHaveLength(1);
    expect(await seeded.campaigns.getDeliveryCounts('cmp-1')).toMatchObject({ open: 2 });
  });

  it('leaves a cut-short erasure unmailable and finishes it when retried', async () => {
    const seeded = await seedTwoCustomers();
    const failing = {
      ...seeded,
      customers: Object.assign(Object.create(seeded.customers) as typeof seeded.customers, {
        deleteCustomer: async () => {
          throw new Error('DynamoDB unavailable');
        },
      }),
    };
    await expect(erase(failing, ADA.customerId)).rejects.toThrow('DynamoDB unavailable');
    expect(await seeded.campaigns.getSuppressions([suppressionKey(ADA.email)])).toEqual(
      new Map([[suppressionKey(ADA.email), 'erased']]),
    );

    const summary = await erase(seeded, ADA.customerId);

    expect(summary.customers.profiles).toBe(1);
    expect(await seeded.customers.getCustomer(ADA.customerId)).toBeUndefined();
  });

  it('throws NotFoundError for a customer no store knows', async () => {
    const seeded = await seedTwoCustomers();

    await expect(erase(seeded, 'nobody')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never mails the person again after a later import brings them back', async () => {
    const seeded = await seedTwoCustomers();
    await erase(seeded, ADA.customerId);
    const { customers, campaigns, mailer, time } = seeded;
    const mailedBefore = mailer.sendsTo(ADA.email);

    await ingestCustomerExport({
      source: bytesOf(`id,email,consent\n${ADA.externalId},${ADA.email},yes\n`),
      key: 'imports/customers/again.csv',
      sourceTime: time.clock(),
      store: customers,
      clock: time.clock,
      importId: 'imp-2',
    });
    const back = (await customers.getCustomer(ADA.customerId))!.profile;
    expect(back).toMatchObject({ email: ADA.email, consent: { state: 'granted' } });
    await campaigns.putCampaign(campaign({ campaignId: 'cmp-2' }));
    await freezeCampaignAudience({
      campaignId: 'cmp-2',
      candidates: [candidate(back.customerId, { profile: back })],
      policy: { consent: 'opt-in' },
      store: campaigns,
      clock: time.clock,
    });
    const result = await sendCampaign({
      campaignId: 'cmp-2',
      store: campaigns,
      mailer,
      clock: time.clock,
      sleep: time.sleep,
      config: { sender, policy: { consent: 'opt-in' }, unsubscribeKeys: keys },
    });

    expect(result.sent).toBe(0);
    expect(await campaigns.getSend('cmp-2', ADA.customerId)).toMatchObject({
      status: 'suppressed',
      reason: 'erased',
    });
    expect(mailer.sendsTo(ADA.email)).toBe(mailedBefore);
  });
});
