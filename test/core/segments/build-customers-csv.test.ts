import { describe, expect, it } from 'vitest';
import { buildCustomersCsv } from '../../../core/segments/build-customers-csv';
import { buildSegmentsCsv } from '../../../core/segments/build-segments-csv';
import { textCell } from '../../../core/shared/csv-cell';
import { segmentCustomers } from '../../../core/segments/segment-customers';
import { customer } from './customer-fixtures';

describe('textCell', () => {
  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+49 30 1234', "'+49 30 1234"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['Smith, Jane', '"Smith, Jane"'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
  ])('returns %j as %j', (value, cell) => {
    expect(textCell(value)).toBe(cell);
  });
});

describe('buildCustomersCsv', () => {
  it('returns a header and a row per customer, with empty RFM cells for customers without orders', async () => {
    const { customers } = await segmentCustomers({
      customers: [
        customer({ id: 'c1', orders: [{ at: '2026-10-30T10:00:00Z', revenue: -12.5 }] }),
        customer({ id: '=cmd', profile: { email: undefined } }),
      ],
      asOf: '2026-11-01',
      timeZone: 'UTC',
    });

    expect(buildCustomersCsv({ customers }).split('\r\n')).toEqual([
      'customer_id,email,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,lifecycle_stage,cluster,segments',
      'c1,c1@example.com,2,1,-12.5,1,1,1,Lost,New buyer,Cluster 1: typical,Lost|New buyer|Cluster 1: typical',
      "'=cmd,,,0,0,,,,,Prospect,,Prospect",
      '',
    ]);
  });
});

describe('buildSegmentsCsv', () => {
  it('returns every segment with its size and revenue', async () => {
    const { run } = await segmentCustomers({
      customers: [customer({ id: 'c1', orders: [{ at: '2026-10-30T10:00:00Z', revenue: 19.99 }] })],
      asOf: '2026-11-01',
      timeZone: 'UTC',
    });

    const lines = buildSegmentsCsv({ run }).split('\r\n');

    expect(lines[0]).toBe('segment,customers,revenue,kind,segment_id');
    expect(lines).toContain('Lost,1,19.99,rfm,rfm:lost');
    expect(lines).toContain('Champions,0,0,rfm,rfm:champions');
    expect(lines).toContain('New buyer,1,19.99,lifecycle,lifecycle:new');
  });
});
