import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SHOAL = new URL('../../bin/shoal.js', import.meta.url).pathname;
const DATASET = new URL('../../../shared/datasets/marketing_campaign.csv', import.meta.url)
  .pathname;
const work = mkdtempSync(join(tmpdir(), 'shoal-analyze-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

const shoal = (...args: string[]) => run(process.execPath, [SHOAL, ...args], { cwd: work });

describe('shoal analyze', () => {
  it('ingests and segments the real CRM export in memory and writes every output', async () => {
    const out = join(work, 'crm');

    const { stdout } = await shoal('analyze', DATASET, '--out', out, '--as-of', '2014-12-01');

    expect(stdout).toContain('marketing_campaign.csv: succeeded, 2240 rows read, 0 rejected');
    expect(stdout).toContain('As of 2014-12-01 (argument)');
    const customers = readFileSync(join(out, 'customers.csv'), 'utf8').trim().split('\r\n');
    expect(customers[0]).toBe(
      'customer_id,email,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,lifecycle_stage,cluster,segments',
    );
    expect(customers).toHaveLength(2241);
    const row5524 = customers.find((line) => line.startsWith('5524,'))!;
    expect(row5524.split(',')[8]).toMatch(/[A-Z]/);
    const segments = readFileSync(join(out, 'segments.csv'), 'utf8');
    expect(segments.split('\r\n')[0]).toMatch(/^segment,customers,revenue/);
    expect(segments).toMatch(/\r\nChampions,\d+,\d/);
    expect(readFileSync(join(out, 'rejected.csv'), 'utf8')).toBe(
      'file,line,reason,column,value\r\n',
    );
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('RFM grid');
    expect(report).toContain('<canvas id="sizes"');
    expect(report).not.toMatch(/<script src=/);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({
      asOf: '2014-12-01',
      asOfSource: 'argument',
    });
  });

  it('lists every rejected row with its file and line', async () => {
    const file = join(work, 'dirty.csv');
    writeFileSync(file, 'customer_id,email\n,\nok,ok@example.org\n,not-an-email\n');
    const out = join(work, 'dirty');

    await shoal('analyze', file, '--out', out);

    const rejected = readFileSync(join(out, 'rejected.csv'), 'utf8').trim().split('\r\n');
    expect(rejected.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      'dirty.csv,2',
      'dirty.csv,4',
    ]);
  });

  it('names the bad option when the as-of date is malformed', async () => {
    const failure = shoal('analyze', DATASET, '--out', join(work, 'x'), '--as-of', '01/12/2014');

    await expect(failure).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--as-of must be YYYY-MM-DD, got "01/12/2014"'),
    });
  });
});
