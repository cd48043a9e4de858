import { describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../../core/privacy/erase-customer';
import { exportCustomerData } from '../../../core/privacy/export-customer-data';
import { NotFoundError } from '../../../core/shared/errors';
import { ADA, seedTwoCustomers } from './fixtures';

const exportOf = async (seeded: Awaited<ReturnType<typeof seedTwoCustomers>>, customerId: string) =>
  exportCustomerData({ customerId, ...seeded, clock: seeded.time.clock });

describe('exportCustomerData', () => {
  it('returns everything held about the person and nothing about anyone else', async () => {
    const seeded = await seedTwoCustomers();

    const exported = await exportOf(seeded, ADA.customerId);

    expect(exported).toMatchObject({
      customerId: ADA.customerId,
      exportedAt: '2026-03-10T12:00:00.000Z',
      profile: { email: ADA.email, externalId: ADA.externalId },
      orders: [{ orderId: 'o-c-1' }],
      events: [{ type: 'added_to_cart' }],
      segments: {
        current: { runId: 'run-2026-03-02', memberships: [{ reason: ['ordered 10 days ago'] }] },
        history: [{ runId: 'run-2026-03-02' }, { runId: 'run-2026-03-01' }],
      },
      campaigns: {
        sends: [{ campaignId: 'cmp-1', status: 'sent' }],
        deliveryEvents: [{ type: 'open', customerId: ADA.customerId }],
      },
      suppressions: [{ email: ADA.email, suppressed: false }],
      importReportRows: [
        {
          report: 'reports/imports/imp-1/rejected.csv',
          row: { line: '7', value: 'ADA@example.com' },
        },
        { report: 'reports/imports/imp-1/rejected.csv', row: { line: '8', value: 'c-1' } },
      ],
    });
    expect(JSON.stringify(exported)).not.toMatch(/grace|c-2/);
  });

  it('is plain JSON: a round trip changes nothing', async () => {
    const exported = await exportOf(await seedTwoCustomers(), ADA.customerId);

    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
  });

  it('throws NotFoundError for a customer no store knows, erased ones included', async () => {
    const seeded = await seedTwoCustomers();
    await eraseCustomer({ customerId: ADA.customerId, ...seeded, clock: seeded.time.clock });

    await expect(exportOf(seeded, ADA.customerId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportOf(seeded, 'nobody')).rejects.toBeInstanceOf(NotFoundError);
  });
});
