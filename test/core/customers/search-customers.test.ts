import { describe, expect, it } from 'vitest';
import { InMemoryCustomerStore } from '../../../adapters/memory/in-memory-customer-store';
import type { CustomerProfile } from '../../../core/customers/customer-profile';
import { SEARCH_SCAN_BUDGET, searchCustomers } from '../../../core/customers/search-customers';

const AT = '2026-11-01T00:00:00.000Z';

const person = (customerId: string, fields: Partial<CustomerProfile> = {}): CustomerProfile => ({
  customerId,
  attributes: {},
  sourceTimes: {},
  createdAt: AT,
  updatedAt: AT,
  version: 1,
  ...fields,
});

const shopWith = async (...profiles: CustomerProfile[]) => {
  const customers = new InMemoryCustomerStore();
  await customers.saveProfiles(profiles);
  return customers;
};

describe('searchCustomers', () => {
  it('finds a customer by a part of the name, ignoring case and accents', async () => {
    const customers = await shopWith(
      person('c1', { firstName: 'Mateo', lastName: 'Hernández' }),
      person('c2', { firstName: 'Ada', lastName: 'Lovelace' }),
    );

    const page = await searchCustomers({ customers, query: 'hernandez', limit: 10 });

    expect(page.items).toEqual([
      { customerId: 'c1', firstName: 'Mateo', lastName: 'Hernández', matchedOn: 'text' },
    ]);
    expect(page.cursor).toBeUndefined();
  });

  it('puts the exact e-mail and id matches first, each once', async () => {
    const customers = await shopWith(
      person('ada', { email: 'ada@example.org', emailDisplay: 'Ada@Example.org' }),
      person('x-ada', { firstName: 'Ada' }),
    );

    const byEmail = await searchCustomers({ customers, query: ' ADA@example.org ', limit: 10 });
    const byId = await searchCustomers({ customers, query: 'ada', limit: 10 });

    expect(byEmail.items.map((hit) => [hit.customerId, hit.matchedOn])).toEqual([['ada', 'email']]);
    expect(byEmail.items[0]?.email).toBe('Ada@Example.org');
    expect(byId.items.map((hit) => [hit.customerId, hit.matchedOn])).toEqual([
      ['ada', 'id'],
      ['x-ada', 'text'],
    ]);
  });

  it('looks at a bounded number of profiles per request and goes on from its cursor', async () => {
    const many = Array.from({ length: SEARCH_SCAN_BUDGET + 10 }, (_, i) =>
      person(`c${String(i).padStart(5, '0')}`, {
        lastName: i === SEARCH_SCAN_BUDGET + 5 ? 'Needle' : 'Hay',
      }),
    );
    const customers = await shopWith(...many);

    const first = await searchCustomers({ customers, query: 'needle', limit: 10 });
    const second = await searchCustomers({
      customers,
      query: 'needle',
      limit: 10,
      ...(first.cursor !== undefined && { cursor: first.cursor }),
    });

    expect(first).toMatchObject({ items: [], scanned: SEARCH_SCAN_BUDGET });
    expect(first.cursor).toBeDefined();
    expect(second.items.map((hit) => hit.lastName)).toEqual(['Needle']);
    expect(second.cursor).toBeUndefined();
  });
});
