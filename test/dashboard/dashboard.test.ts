import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems } from './accessibility-basics';
import {
  CURRENT_RUN,
  type DashboardTarget,
  startDashboardTarget,
  targetApi,
} from './dashboard-target';
import { launchChromium } from './launch-chromium';

const SCREENSHOTS = 'test-artifacts/dashboard';

interface Config {
  currency: string;
  locale: string;
}
interface Segment {
  segmentId: string;
  name: string;
  kind: string;
  customers: number;
}

/**
 * The dashboard in headless Chromium against the real local stack with the demo shop loaded (see
 * startDashboardTarget): every figure checked here is read from the API first, then found on the
 * page, so the tests hold whatever the demo shop's numbers are.
 */
describe('dashboard', () => {
  let target: DashboardTarget;
  let api: ReturnType<typeof targetApi>;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  let config: Config;
  const pageErrors: string[] = [];
  const a11yProblems = new Set<string>();

  const integer = (value: number) => new Intl.NumberFormat(config.locale).format(value);
  const money = (value: number) =>
    new Intl.NumberFormat(config.locale, { style: 'currency', currency: config.currency }).format(
      value,
    );

  /** Opens a route and waits until its data (not the loading state) is on screen. */
  const open = async (hash: string) => {
    const url = `${target.baseUrl}/${hash}`;
    // Going to the URL already shown fires no hashchange, so nothing would render again.
    if (page.url() === url) await page.reload();
    else await page.goto(url);
    await page.locator('main h1').first().waitFor();
    await page.locator('main > .state-loading').waitFor({ state: 'detached' });
    for (const problem of await accessibilityProblems(page)) a11yProblems.add(problem);
  };
  const screenshot = (name: string) =>
    page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  const stat = (name: string) => page.locator(`[data-stat="${name}"]`).first().innerText();

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    target = await startDashboardTarget();
    api = targetApi(target);
    config = await api.get<Config>('/v1/config');
    ({ context, close } = await launchChromium());
    page = await context.newPage();
    // Fail in seconds, not the default half-minute: every page answers from loopback, though the
    // real handlers on two cores take up to ~2 s for a rule preview.
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Signed in the way `shoal dev` links do; the sign-in test uses a tab of its own.
    await page.goto(`${target.baseUrl}/#key=${encodeURIComponent(target.adminKey)}`);
  });

  afterAll(async () => {
    await close?.();
    await target?.stop();
  });

  it('asks for the admin key, refuses a wrong one, and takes one from the URL fragment', async () => {
    // Prepare: a tab without a key (session storage is per tab)
    const tab = await context.newPage();
    tab.setDefaultTimeout(10_000);
    await tab.goto(`${target.baseUrl}/#/overview`);

    // Act / Assess: the sign-in form, then a wrong key
    await tab.getByLabel('Admin key').fill('wrong-key');
    await tab.screenshot({ path: `${SCREENSHOTS}/sign-in.png` });
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => tab.getByRole('alert').innerText()).toContain('not accepted');

    // Act: the link `shoal dev` prints, pasted into the same tab
    await tab.goto(`${target.baseUrl}/#key=${encodeURIComponent(target.adminKey)}`);
    await tab.locator('main h1', { hasText: 'Overview' }).waitFor();

    // Assess: the key left the address bar
    expect(tab.url()).not.toContain(target.adminKey);
    expect(tab.url()).toMatch(/#\/overview$/);
    await tab.close();
  });

  it('shows the overview figures the API reports, in the shop currency and locale', async () => {
    const overview = await api.get<{
      customers: number;
      customersWithOrders: number;
      revenue: number;
      segments: Segment[];
    }>('/v1/overview');

    await open('#/overview');
    await screenshot('overview');

    expect(await stat('customers')).toBe(integer(overview.customers));
    expect(await stat('customersWithOrders')).toBe(integer(overview.customersWithOrders));
    expect(await stat('revenue')).toBe(money(overview.revenue));
    const biggest = overview.segments.reduce((a, b) => (b.customers > a.customers ? b : a));
    // Each family of segments (RFM, lifecycle, clusters…) has a chart of its own.
    const row = page.locator(`#segment-sizes-${biggest.kind} tbody tr`).filter({
      has: page.getByRole('rowheader', { name: biggest.name, exact: true, includeHidden: true }),
    });
    expect(await row.locator('td').textContent()).toBe(integer(biggest.customers));
    await expect.poll(() => page.locator('#segment-trend canvas').count()).toBe(1);
  });

  it('shows the RFM grid and lists the customers of a clicked cell', async () => {
    const grid = await api.get<{ cells: { r: number; f: number; customers: number }[] }>(
      '/v1/rfm/grid',
    );
    const fullest = grid.cells.reduce((a, b) => (b.customers > a.customers ? b : a));

    await open('#/rfm');
    const cell = page.locator(`.grid-cell[data-r="${fullest.r}"][data-f="${fullest.f}"]`);
    expect(await cell.locator('.count').innerText()).toBe(integer(fullest.customers));
    await cell.click();
    await page.locator('.cell-customers table').waitFor();
    await screenshot('rfm');

    expect(await page.locator('.cell-customers tbody tr').count()).toBe(
      Math.min(50, fullest.customers),
    );
    expect(await page.locator('.cell-customers caption').innerText()).toContain(
      integer(fullest.customers),
    );
  });

  it('shows the movement between RFM segments with losses marked', async () => {
    const { runs } = await api.get<{
      runs: { asOf: string; rfmTransitions: Record<string, Record<string, number>> }[];
    }>('/v1/runs?limit=5');
    expect(runs[0]!.asOf).toBe(CURRENT_RUN);
    // The Lost customers who ordered again between the runs left Lost.
    const [to, count] = Object.entries(runs[0]!.rfmTransitions.Lost!).find(
      ([name]) => name !== 'Lost',
    )!;

    await open('#/movement');
    await screenshot('movement');

    const cell = page.locator(`td[data-from="Lost"][data-to="${to}"]`);
    expect(await cell.innerText()).toContain(integer(count));
    expect(await page.locator('td.loss').count()).toBeGreaterThan(0);
  });

  it('shows a segment with its figures, members and their reasons', async () => {
    const { segments } = await api.get<{ segments: Segment[] }>('/v1/segments');
    const segment = segments.find((s) => s.customers > 0)!;
    const detail = await api.get<{ customers: number; revenue: number }>(
      `/v1/segments/${encodeURIComponent(segment.segmentId)}`,
    );

    await open(`#/segments/${encodeURIComponent(segment.segmentId)}`);
    await page.locator('table', { hasText: 'Why' }).waitFor();
    await screenshot('segment');

    expect(await page.locator('h1').innerText()).toBe(segment.name);
    expect(await stat('customers')).toBe(integer(detail.customers));
    expect(await stat('revenue')).toBe(money(detail.revenue));
    expect(await page.locator('.reasons li').count()).toBeGreaterThan(0);
  });

  it('counts a rule built in the rule builder live and saves it as a segment', async () => {
    const rule = {
      type: 'and',
      children: [{ type: 'compare', field: 'rfm.r', op: 'gte', value: 4 }],
    };
    const { count } = await api.post<{ count: number }>('/v1/segments/preview', { rule });

    await open('#/segments/new');
    await page.getByLabel('Name').fill('Recent buyers');
    await page.getByLabel('Field').selectOption('rfm.r');
    await page.getByLabel('Operator').selectOption('gte');
    await page.getByLabel('Value').fill('4');

    await expect.poll(() => page.locator('#preview-count').innerText()).toBe(integer(count));
    await screenshot('segment-builder');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.locator('main h1', { hasText: 'Recent buyers' }).waitFor();
    // Saved, it waits for the next run: no members yet, and no error saying so.
    await expect.poll(() => page.locator('main [aria-busy="true"]').count()).toBe(0);
    expect(await page.locator('.state-empty').innerText()).toContain('next segmentation run');
    expect(await page.locator('main .state-error').count()).toBe(0);
    await screenshot('segment-saved');
  });

  it('builds an event or segment group in the rule builder, counts it live and saves it in words', async () => {
    // A rule segment to refer to: pass 2 of a run (and so the preview) does not know the built-in
    // rfm:… and lifecycle:… ids yet, so a reference to one is refused as an unknown segment.
    const bigSpenders = await api.post<{ id: string; name: string }>('/v1/segments', {
      name: 'Big spenders',
      rule: { type: 'compare', field: 'features.monetary', op: 'gte', value: 500 },
    });
    const rule = {
      type: 'and',
      children: [
        {
          type: 'or',
          children: [
            { type: 'event', eventType: 'added_to_cart', min: 2, withinDays: 90 },
            { type: 'segment', segmentId: bigSpenders.id },
          ],
        },
      ],
    };
    const { count } = await api.post<{ count: number }>('/v1/segments/preview', { rule });

    await open('#/segments/new');
    await page.getByLabel('Name').fill('Keen carts or big spenders');
    const root = page.getByRole('group', { name: 'Who belongs' });
    await root.getByRole('button', { name: 'Remove condition' }).click();
    await root.getByRole('button', { name: 'Add group' }).click();
    const group = root.getByRole('group', { name: 'Group' });
    await group.getByLabel('Customers must match').selectOption('or');
    const event = group.getByRole('group', { name: 'Condition' }).nth(0);
    await event.getByLabel('Condition on').selectOption('event');
    await event.getByLabel('Event').fill('added_to_cart');
    // An impossible range: the API's 400 names the field, and the page shows it next to it.
    await event.getByLabel('at least').fill('3');
    await event.getByLabel('at most').fill('1');
    await expect
      .poll(() => event.locator('.field-error').allInnerTexts())
      .toEqual(['min must not exceed max']);
    expect(await event.getByLabel('at least').getAttribute('aria-invalid')).toBe('true');
    await event.getByLabel('at most').fill('');
    await event.getByLabel('at least').fill('2');
    await event.getByLabel('within the last').fill('90');
    await group.getByRole('button', { name: 'Add condition' }).click();
    const segment = group.getByRole('group', { name: 'Condition' }).nth(1);
    await segment.getByLabel('Condition on').selectOption('segment');
    await segment.getByLabel('Segment').selectOption(bigSpenders.id);

    await expect.poll(() => page.locator('#preview-count').innerText()).toBe(integer(count));
    expect(await page.locator('.field-error').count()).toBe(0);
    for (const problem of await accessibilityProblems(page)) a11yProblems.add(problem);
    const words = (await page.locator('#rule-words').innerText()).replace(/^Reads as: /, '');
    await screenshot('segment-builder-groups');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.locator('main h1', { hasText: 'Keen carts or big spenders' }).waitFor();
    await screenshot('segment-saved-groups');

    // The words the builder showed are the API's, with the referenced segment by its name.
    const segmentId = decodeURIComponent(page.url().split('#/segments/')[1]!);
    const { definitionText } = await api.get<{ definitionText: string }>(
      `/v1/segments/${encodeURIComponent(segmentId)}`,
    );
    const definition = await page.locator('main .definition').innerText();
    expect(definition).toBe(words);
    expect(definition).toBe(definitionText);
    expect(definition).toContain(`in segment ${bigSpenders.name}`);
  });

  it('builds "none of" a date condition in the rule builder and counts what the API counts', async () => {
    const rule = {
      type: 'not',
      child: {
        type: 'or',
        children: [{ type: 'within_last', field: 'features.lastOrderDate', days: 60 }],
      },
    };
    const { count } = await api.post<{ count: number }>('/v1/segments/preview', { rule });

    await open('#/segments/new');
    const root = page.getByRole('group', { name: 'Who belongs' });
    await root.getByLabel('Customers must match').selectOption('none');
    const condition = root.getByRole('group', { name: 'Condition' });
    await condition.getByLabel('Condition on').selectOption('date');
    await condition.getByLabel('Date of').selectOption('features.lastOrderDate');
    await condition.getByLabel('When').selectOption('within_last');
    await condition.getByLabel('Days', { exact: true }).fill('60');

    await expect.poll(() => page.locator('#preview-count').innerText()).toBe(integer(count));
    expect(await page.locator('#rule-words').innerText()).toBe(
      'Reads as: not (last order date within the last 60 days)',
    );
    for (const problem of await accessibilityProblems(page)) a11yProblems.add(problem);
  });

  it('shows each cluster with its size and distinguishing features', async () => {
    const { clusters } = await api.get<{ clusters: { name: string; customers: number }[] }>(
      '/v1/clusters',
    );

    await open('#/clusters');
    await screenshot('clusters');

    for (const cluster of clusters) {
      const section = page.locator('section.cluster', { hasText: cluster.name });
      expect(await section.locator('[data-stat="customers"]').innerText()).toBe(
        integer(cluster.customers),
      );
    }
  });

  it('shows the messages the local SES endpoint recorded, rendered, with headers', async () => {
    await target.sendEmail({
      to: 'leonie@example.com',
      subject: 'A message for the outbox',
      html: '<p>Hello <strong>Leonie</strong></p>',
    });
    const { items } = await api.get<{ items: { subject: string; from: string }[] }>('/v1/outbox');

    await open('#/outbox');
    expect(await page.locator('details.message').count()).toBe(items.length);
    const message = page.locator('details.message', { hasText: 'A message for the outbox' });
    await message.locator('summary').click();
    await screenshot('outbox');

    expect(await message.locator('summary').innerText()).toContain('leonie@example.com');
    expect(await message.locator('summary').innerText()).toContain(items[0]!.from);
    expect(await message.getByRole('rowheader', { name: 'List-Unsubscribe-Post' }).count()).toBe(1);
    expect(await message.locator('iframe').getAttribute('srcdoc')).toContain(
      'Hello <strong>Leonie</strong>',
    );
  });

  it('builds a campaign, sends it, shows its funnel, and finds its messages in the outbox', async () => {
    const { segments } = await api.get<{ segments: Segment[] }>('/v1/segments');
    // A small RFM segment keeps the send short; the demo shop mails only those who consented.
    const audience = segments
      .filter((s) => s.kind === 'rfm' && s.customers >= 20)
      .reduce((a, b) => (b.customers < a.customers ? b : a));

    await open('#/campaigns/new');
    await page.getByLabel('Campaign name').fill('Autumn hello');
    await page
      .getByRole('group', { name: 'Send to customers in any of' })
      .getByLabel(new RegExp(`^${audience.name} \\(`))
      .check();
    // The count itself is checked against the audience estimate in 'campaign tools' below.
    await expect.poll(() => page.locator('#eligible-count').innerText()).not.toBe('—');
    await page.getByLabel('Subject').fill('Autumn is here');
    await page.getByLabel(/^Body/).fill('<p>Hello {{ first_name }}</p>');
    await screenshot('campaign-builder');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('main h1', { hasText: 'Autumn hello' }).waitFor();

    await page.getByRole('button', { name: 'Send now…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();
    // The local stack sends through the same dispatcher and sender handlers as AWS; the page
    // follows the campaign until it is sent.
    await page.locator('main h1 .badge', { hasText: /^sent$/ }).waitFor({ timeout: 30_000 });
    await page.locator('#campaign-funnel').waitFor();
    await screenshot('campaign');
    // Locally "Delivered 0" would read as a failure without a word on why.
    expect(await page.locator('#local-deliveries').innerText()).toContain('reports no deliveries');

    const { items: campaigns } = await api.get<{ items: { campaignId: string; name: string }[] }>(
      '/v1/campaigns',
    );
    const { campaignId } = campaigns.find((c) => c.name === 'Autumn hello')!;
    const results = await api.get<{ audience: number; sent: number }>(
      `/v1/campaigns/${encodeURIComponent(campaignId)}/results`,
    );
    expect(results.sent).toBeGreaterThan(0);
    // The chart's numbers, in its table behind "Show the numbers" (collapsed, hence textContent).
    const funnel = page.locator('#campaign-funnel tbody tr');
    expect(await funnel.filter({ hasText: 'Sent' }).locator('td').textContent()).toBe(
      integer(results.sent),
    );
    expect(await funnel.filter({ hasText: 'Audience' }).locator('td').textContent()).toBe(
      integer(results.audience),
    );

    expect(await page.locator('main .definitions').first().innerText()).toContain(audience.name);

    await open('#/campaigns');
    await screenshot('campaigns');
    const listed = page.locator('tbody tr', { hasText: 'Autumn hello' });
    expect(await listed.count()).toBe(1);
    expect(await listed.innerText()).toContain(audience.name);

    await open('#/outbox');
    await screenshot('outbox-campaign');
    const messages = page.locator('details.message', { hasText: 'Autumn is here' });
    expect(await messages.count()).toBe(results.sent);
    await messages.first().locator('summary').click();
    await expect
      .poll(() => messages.first().locator('iframe').getAttribute('srcdoc'))
      .toMatch(/Hello \p{L}/u);
  });

  it('lists imports and shows an import’s rejected rows with reasons', async () => {
    const { items } = await api.get<{ items: { id: string }[] }>('/v1/imports');
    const report = await api.get<{ rejected: { reason: string }[] }>(
      `/v1/imports/${encodeURIComponent(items[0]!.id)}`,
    );
    // The newest import is the later orders, with the row whose date cannot be read.
    expect(report.rejected.length).toBeGreaterThan(0);

    await open('#/imports');
    await screenshot('imports');
    expect(await page.locator('table.imports tbody tr').count()).toBe(items.length);
    // Every import is on the page: there is nothing older to load.
    expect(await page.getByRole('button', { name: 'Load older imports' }).isVisible()).toBe(false);

    await page.locator('table.imports tbody a').first().click();
    await page.locator('h2', { hasText: 'Rejected rows' }).waitFor();
    await screenshot('import');
    const rejectedRows = page.locator('section', { hasText: 'Rejected rows' }).locator('tbody tr');
    expect(await rejectedRows.count()).toBe(report.rejected.length);
    expect(await rejectedRows.first().innerText()).toContain(report.rejected[0]!.reason);
  });

  it('shows a customer and erases them after confirmation', async () => {
    // The customers route lists one R × F cell: take someone from the best one.
    const { items } = await api.get<{ items: { customerId: string }[] }>(
      '/v1/customers?r=5&f=5&limit=1',
    );
    const { customerId } = items[0]!;
    const detail = await api.get<{ orders: unknown[]; segments: { memberships: unknown[] } }>(
      `/v1/customers/${encodeURIComponent(customerId)}`,
    );

    await open(`#/customers/${encodeURIComponent(customerId)}`);
    await screenshot('customer');
    const orderRows = page.locator('section', { has: page.locator('h2', { hasText: 'Orders' }) });
    expect(await orderRows.locator('tbody tr').count()).toBe(detail.orders.length);
    const segmentRows = page.locator('section', {
      has: page.locator('h2', { hasText: 'Segments' }),
    });
    expect(await segmentRows.locator('tbody tr').count()).toBe(detail.segments.memberships.length);
    await page.getByRole('button', { name: 'Erase…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(await api.status(`/v1/customers/${encodeURIComponent(customerId)}`)).toBe(200);

    await page.getByRole('button', { name: 'Erase…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Erase everywhere' }).click();
    await page.getByText('Erased.').waitFor();
    await screenshot('customer-erased');

    expect(await api.status(`/v1/customers/${encodeURIComponent(customerId)}`)).toBe(404);
    // The page reports what the erasure deleted, as the API counted it.
    const erasedOrders = page.locator('dl div', { has: page.getByText('Orders', { exact: true }) });
    expect(await erasedOrders.locator('dd').innerText()).toBe(integer(detail.orders.length));
  });

  it('says when the API is unreachable, when there is no data yet, and when a run failed', async () => {
    await page.route('**/v1/overview', (route) => route.abort('connectionrefused'));
    await open('#/overview');
    expect(await page.getByRole('alert').innerText()).toContain('cannot be reached');
    await screenshot('state-unreachable');

    await page.unroute('**/v1/overview');
    await page.route('**/v1/overview', (route) =>
      route.fulfill({
        json: { customers: 0, customersWithOrders: 0, revenue: 0, segments: [] },
      }),
    );
    await open('#/overview');
    expect(await page.locator('.state-empty').innerText()).toContain('upload an export');
    await screenshot('state-empty');

    await page.unroute('**/v1/overview');
    const overview = await api.get<Record<string, unknown>>('/v1/overview');
    await page.route('**/v1/overview', (route) =>
      route.fulfill({
        json: {
          ...overview,
          lastRun: { status: 'failed', asOf: '2026-11-02', error: 'DynamoDB throttled' },
        },
      }),
    );
    await open('#/overview');
    expect(await page.getByRole('alert').innerText()).toContain('DynamoDB throttled');
    await page.unroute('**/v1/overview');
  });

  it('shows empty states, not errors, before the first segmentation run', async () => {
    // The real API answers 404 to the run-based reads until a run has completed.
    const noRun = {
      status: 404,
      json: { error: { code: 'not_found', message: 'no segmentation run yet', details: {} } },
    };
    for (const [hash, route] of [
      ['#/rfm', '**/v1/rfm/grid'],
      ['#/clusters', '**/v1/clusters'],
    ] as const) {
      await page.route(route, (request) => request.fulfill(noRun));
      await open(hash);
      expect(await page.locator('.state-empty').innerText()).toContain('upload an export');
      expect(await page.locator('.state-error').count()).toBe(0);
      await page.unroute(route);
    }
    await page.route('**/v1/runs?*', (request) => request.fulfill({ json: { runs: [] } }));
    await open('#/movement');
    expect(await page.locator('.state-empty').count()).toBe(1);
    await page.unroute('**/v1/runs?*');
  });

  it('can be used from the keyboard: a new page takes focus, grid cells open with Enter', async () => {
    await open('#/rfm');
    // Focus moves to the new page's heading, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.locator('.grid-cell').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.cell-customers table').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-title');
  });

  /**
   * The campaign tools around one draft, then what its send leaves on the segment's and a
   * customer's pages. On the same stack (its handlers load once per process), with an audience
   * no campaign above has named, so their sends do not change what these count.
   */
  describe('campaign tools', () => {
    const NAME = 'Tools check';
    const SUBJECT = 'Hello {{ first_name }}, autumn is here';
    interface OutboxItem {
      to: string[] | string;
      subject: string;
    }
    let audience: Segment;
    /** A segment no campaign names, for the empty state. */
    let unnamed: Segment;
    let campaignId: string;
    let member: { customerId: string; firstName: string };

    beforeAll(async () => {
      // Segments saved above have no run yet, hence no campaigns section to look at.
      const segments = (await api.get<{ segments: Segment[] }>('/v1/segments')).segments.filter(
        (s) => s.customers > 0,
      );
      const named = await Promise.all(
        segments.map(async ({ segmentId }) => {
          const { campaigns } = await api.get<{ campaigns: unknown[] }>(
            `/v1/segments/${encodeURIComponent(segmentId)}/campaigns`,
          );
          return campaigns.length > 0;
        }),
      );
      // Neither the demo shop's own campaign nor the one above: its sends are not counted here.
      const free = segments.filter((_, index) => !named[index]);
      audience = free
        .filter((s) => s.kind === 'rfm' && s.customers >= 20)
        .reduce((a, b) => (b.customers < a.customers ? b : a));
      unnamed = free.find((s) => s !== audience)!;
      const { items } = await api.get<{ items: { customerId: string; email?: string }[] }>(
        `/v1/segments/${encodeURIComponent(audience.segmentId)}/members?limit=10`,
      );
      const { customerId } = items.find((item) => item.email)!;
      const { profile } = await api.get<{ profile: { firstName: string } }>(
        `/v1/customers/${encodeURIComponent(customerId)}`,
      );
      member = { customerId, firstName: profile.firstName };
    });

    it('counts the eligible audience in the builder as the audience estimate does, holdout included', async () => {
      const estimate = await api.post<{
        eligible: number;
        heldOut: number;
        ineligible: { noConsent: number };
      }>('/v1/campaigns/audience-estimate', {
        audience: { segmentIds: [audience.segmentId] },
        holdoutPercent: 20,
      });

      await open('#/campaigns/new');
      await page.getByLabel('Campaign name').fill(NAME);
      await page
        .getByRole('group', { name: 'Send to customers in any of' })
        .getByLabel(new RegExp(`^${audience.name} \\(`))
        .check();
      await page.getByLabel(/^Hold out/).fill('20');

      const figure = (label: string) =>
        page
          .locator('#estimate-breakdown div')
          .filter({ hasText: label })
          .locator('dd')
          .innerText();
      await expect.poll(() => figure('Held out')).toBe(integer(estimate.heldOut));
      expect(await page.locator('#eligible-count').innerText()).toBe(integer(estimate.eligible));
      expect(await figure('no marketing consent')).toBe(integer(estimate.ineligible.noConsent));
      await screenshot('campaign-builder-estimate');

      // Before the first run the API answers 409, which a fresh stack cannot show once seeded.
      await page.route('**/v1/campaigns/audience-estimate', (route) =>
        route.fulfill({
          status: 409,
          json: { error: { code: 'conflict', message: 'no run', details: {} } },
        }),
      );
      await page.getByLabel(/^Hold out/).fill('10');
      await expect
        .poll(() => page.locator('.live-count').innerText())
        .toContain('there has been no segmentation run');
      expect(await page.locator('#eligible-count').innerText()).toBe('—');
      await page.unroute('**/v1/campaigns/audience-estimate');

      await page.getByLabel('Subject').fill(SUBJECT);
      await page
        .getByLabel(/^Body/)
        .fill(
          '<p>Hello {{ first_name }}</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>',
        );
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.locator('main h1', { hasText: NAME }).waitFor();
      campaignId = decodeURIComponent(page.url().split('#/campaigns/')[1]!);
    });

    it('shows the subject as the first member reads it, with the template a click away', async () => {
      const { items } = await api.get<{ items: { customerId: string }[] }>(
        `/v1/segments/${encodeURIComponent(audience.segmentId)}/members?limit=1`,
      );
      const sample = items[0]!.customerId;
      const { profile } = await api.get<{ profile: { firstName?: string } }>(
        `/v1/customers/${encodeURIComponent(sample)}`,
      );

      await open(`#/campaigns/${encodeURIComponent(campaignId)}`);
      const rendered = page.locator('[data-subject="rendered"]');
      await rendered.waitFor();
      await screenshot('campaign-subject');

      expect(await rendered.innerText()).toBe(`Hello ${profile.firstName ?? ''}, autumn is here`);
      expect(await page.locator('.subject-sample').innerText()).toContain(sample);
      const template = page.locator('details.subject-template');
      expect(await template.locator('code').isVisible()).toBe(false);
      await template.locator('summary').click();
      expect(await template.locator('code').innerText()).toBe(SUBJECT);
    });

    it('previews the campaign for a member: their first name in the subject, the unsubscribe headers', async () => {
      await open(`#/campaigns/${encodeURIComponent(campaignId)}`);
      // The field suggests the first members of the audience's segment.
      await expect
        .poll(() => page.locator('#campaign-customers option').count())
        .toBeGreaterThan(0);

      await page.getByLabel('Customer to preview (ID)').fill(member.customerId);
      await page.getByRole('button', { name: 'Preview' }).click();
      const preview = page.locator('.preview');
      await preview.waitFor();
      await screenshot('campaign-preview');

      expect(await preview.locator('[data-preview="subject"]').innerText()).toBe(
        `Hello ${member.firstName}, autumn is here`,
      );
      const header = (name: string) =>
        preview.locator('tr', {
          has: page.getByRole('rowheader', { name, exact: true, includeHidden: true }),
        });
      expect(await header('List-Unsubscribe').locator('td').innerText()).toMatch(/^<https?:\/\//);
      expect(await header('List-Unsubscribe-Post').locator('td').innerText()).toBe(
        'List-Unsubscribe=One-Click',
      );
      expect(await preview.locator('iframe').getAttribute('srcdoc')).toContain(
        `Hello ${member.firstName}`,
      );
      expect(await preview.locator('pre').first().innerText()).toContain(
        `Hello ${member.firstName}`,
      );
    });

    it('test-sends to two addresses: both reach the outbox as “[Test] …”, and nothing counts as sent', async () => {
      const addresses = ['anna.tester@example.com', 'ben.tester@example.com'];
      await open(`#/campaigns/${encodeURIComponent(campaignId)}`);
      await page.getByLabel('Address 1').fill(addresses[0]!);
      await page.getByRole('button', { name: 'Add an address' }).click();
      await page.getByLabel('Address 2').fill(addresses[1]!);
      await page.getByLabel('Render for customer ID (optional)').fill(member.customerId);
      await page.getByRole('button', { name: 'Send test' }).click();

      await expect.poll(() => page.locator('.test-sent li').allInnerTexts()).toEqual(addresses);
      await screenshot('campaign-test-send');
      const { items } = await api.get<{ items: OutboxItem[] }>('/v1/outbox');
      const tests = items.filter((item) => item.subject.startsWith('[Test] '));
      expect(tests.flatMap((item) => [item.to].flat()).sort()).toEqual(addresses);
      expect(tests.map((item) => item.subject)).toEqual(
        addresses.map(() => `[Test] Hello ${member.firstName}, autumn is here`),
      );
      const results = await api.get<{ sent: number }>(
        `/v1/campaigns/${encodeURIComponent(campaignId)}/results`,
      );
      expect(results.sent).toBe(0);
      expect(await page.locator('main .state-empty').innerText()).toContain('not been sent');
    });

    it('shows a refused test address’s error next to its own field', async () => {
      await open(`#/campaigns/${encodeURIComponent(campaignId)}`);
      await page.getByLabel('Address 1').fill('carla.tester@example.com');
      await page.getByRole('button', { name: 'Add an address' }).click();
      await page.getByLabel('Address 2').fill('carla.tester@example');
      await page.getByRole('button', { name: 'Send test' }).click();

      const error = page.locator('#test-address-2 + .field-error');
      await expect.poll(() => error.innerText()).toBe('not a deliverable e-mail address');
      await screenshot('campaign-test-send-refused');
      expect(await page.getByLabel('Address 2').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#test-address-1 + .field-error').count()).toBe(0);
    });

    it('lists the sent campaign on its segment’s page with the sent count of its results', async () => {
      await open(`#/segments/${encodeURIComponent(unnamed.segmentId)}`);
      await expect
        .poll(() => page.locator('section', { hasText: 'Campaigns to this segment' }).innerText())
        .toContain('No campaign has named this segment yet.');

      await open(`#/campaigns/${encodeURIComponent(campaignId)}`);
      await page.getByRole('button', { name: 'Send now…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();
      await page.locator('main h1 .badge', { hasText: /^sent$/ }).waitFor({ timeout: 30_000 });
      const results = await api.get<{ sent: number }>(
        `/v1/campaigns/${encodeURIComponent(campaignId)}/results`,
      );
      const { totals } = await api.get<{ totals: { messagesSent: number } }>(
        `/v1/segments/${encodeURIComponent(audience.segmentId)}/campaigns`,
      );
      expect(results.sent).toBeGreaterThan(0);

      await open(`#/segments/${encodeURIComponent(audience.segmentId)}`);
      const row = page.locator('table.segment-campaigns tbody tr', { hasText: NAME });
      await row.waitFor();
      await screenshot('segment-campaigns');
      // Role, status, then sent: the name is the row header.
      const cells = row.locator('td');
      expect(await cells.nth(0).innerText()).toBe('sent to it');
      expect(await cells.nth(1).innerText()).toBe('sent');
      expect(await cells.nth(2).innerText()).toBe(integer(results.sent));
      expect(await row.getByRole('link', { name: NAME }).getAttribute('href')).toBe(
        `#/campaigns/${encodeURIComponent(campaignId)}`,
      );
      const messagesSent = page
        .locator('section', { hasText: 'Campaigns to this segment' })
        .locator('dl div', { hasText: 'Messages sent' })
        .locator('dd');
      expect(await messagesSent.innerText()).toBe(integer(totals.messagesSent));
    });

    it('lists the message on the page of a customer it was sent to', async () => {
      const { sends } = await api.get<{ sends: { campaignId: string; status: string }[] }>(
        `/v1/customers/${encodeURIComponent(member.customerId)}`,
      );
      const send = sends.find((s) => s.campaignId === campaignId)!;

      await open(`#/customers/${encodeURIComponent(member.customerId)}`);
      await screenshot('customer-messages');
      const row = page
        .locator('section', { has: page.locator('h2', { hasText: 'Messages' }) })
        .locator('tbody tr', { hasText: NAME });
      expect(await row.count()).toBe(1);
      expect(await row.getByRole('link', { name: NAME }).getAttribute('href')).toBe(
        `#/campaigns/${encodeURIComponent(campaignId)}`,
      );
      expect(await row.locator('td').first().innerText()).toBe(send.status);
    });
  });

  it('names cluster features in the words the rule builder uses, with readable averages', async () => {
    const { clusters } = await api.get<{
      clusters: { name: string; features: { feature: string; label: string }[] }[];
    }>('/v1/clusters');
    const { fields } = await api.get<{ fields: { path: string; label: string }[] }>(
      '/v1/rule-catalog',
    );

    await open('#/clusters');
    const text = await page.locator('main').innerText();

    const codes = clusters.flatMap((cluster) => cluster.features.map((f) => f.feature));
    for (const code of new Set(codes)) expect(text).not.toContain(code);
    const recency = fields.find((field) => field.path === 'features.recencyDays')!;
    const shown = clusters[0]!.features.find((f) => f.feature === 'recencyDays')!;
    expect(shown.label).toBe(recency.label);
    // The chart's numbers sit behind "Show the numbers"; the label is in them.
    expect(await page.locator('section.cluster').first().textContent()).toContain(recency.label);
  });

  it('shows each RFM cell’s average spend in money and its M score apart, and explains an empty column', async () => {
    const grid = await api.get<{
      cells: { r: number; f: number; customers: number; averageSpend: number; meanM: number }[];
    }>('/v1/rfm/grid');
    const fullest = grid.cells.reduce((a, b) => (b.customers > a.customers ? b : a));

    await open('#/rfm');
    await screenshot('rfm-spend');

    const cell = page.locator(`.grid-cell[data-r="${fullest.r}"][data-f="${fullest.f}"]`);
    expect(await cell.locator('.cell-money').innerText()).toBe(
      `avg ${money(fullest.averageSpend)}`,
    );
    expect(await cell.locator('.cell-score').innerText()).toBe(
      `M score ${new Intl.NumberFormat(config.locale, { maximumFractionDigits: 2 }).format(fullest.meanM)}`,
    );
    const emptyColumns = [1, 2, 3, 4, 5].filter((f) => !grid.cells.some((c) => c.f === f));
    const note = page.locator('#empty-columns');
    if (emptyColumns.length === 0) {
      expect(await note.count()).toBe(0);
    } else {
      expect(await note.innerText()).toContain(emptyColumns.map((f) => `F ${f}`).join(', '));
      expect(await note.innerText()).toContain('lowest of their tie');
    }
  });

  it('charts the overview’s segments one family at a time', async () => {
    const { segments } = await api.get<{ segments: Segment[] }>('/v1/overview');

    await open('#/overview');

    for (const kind of new Set(segments.filter((s) => s.customers > 0).map((s) => s.kind))) {
      const chart = page.locator(`#segment-sizes-${kind}`);
      const ofKind = segments.filter((s) => s.kind === kind && s.customers > 0);
      expect(await chart.locator('tbody tr').count()).toBe(ofKind.length);
    }
  });

  it('lists every segment by family on the segments page', async () => {
    const { segments } = await api.get<{ segments: Segment[] }>('/v1/segments');

    await open('#/segments');
    await screenshot('segments');

    for (const segment of segments) {
      const row = page
        .locator(`section[data-family="${segment.kind}"] tbody tr`)
        .filter({ has: page.getByRole('rowheader', { name: segment.name, exact: true }) });
      expect(await row.locator('td').first().innerText()).toBe(integer(segment.customers));
    }
    await page.getByRole('link', { name: 'New segment' }).click();
    await page.locator('main h1', { hasText: 'New segment' }).waitFor();
  });

  it('finds customers by a part of their name and by e-mail from the header', async () => {
    const { items } = await api.get<{ items: { customerId: string }[] }>(
      '/v1/customers?r=4&f=4&limit=5',
    );
    const details = await Promise.all(
      items.map(({ customerId }) =>
        api.get<{ profile: { customerId: string; lastName?: string; emailDisplay?: string } }>(
          `/v1/customers/${encodeURIComponent(customerId)}`,
        ),
      ),
    );
    const { profile } = details.find((d) => d.profile.lastName && d.profile.emailDisplay)!;
    const part = profile.lastName!.slice(1, 5).toUpperCase();

    await open('#/overview');
    const box = page.getByRole('searchbox', { name: 'Find a customer' });
    await box.fill(part);
    await box.press('Enter');
    await page.locator('table.customer-results').waitFor();
    await screenshot('customers-search');

    const found = page
      .locator('table.customer-results tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: profile.customerId, exact: true }) });
    expect(await found.count()).toBe(1);
    expect(await found.innerText()).toContain(profile.lastName!);

    await open(`#/customers?q=${encodeURIComponent(profile.emailDisplay!)}`);
    const exact = page.locator('table.customer-results tbody tr').first();
    expect(await exact.locator('th').innerText()).toBe(profile.customerId);
    expect(await exact.innerText()).toContain('its e-mail address');
  });

  it('formats a customer’s figures in the shop’s locale and keeps a long e-mail inside its box', async () => {
    const { items } = await api.get<{ items: { customerId: string }[] }>(
      '/v1/customers?r=5&f=5&limit=20',
    );
    const details = await Promise.all(
      items.map(({ customerId }) =>
        api.get<{ profile: { customerId: string; income?: number; emailDisplay?: string } }>(
          `/v1/customers/${encodeURIComponent(customerId)}`,
        ),
      ),
    );
    // The longest address of those with an income: the one most likely to overflow its box.
    const { profile } = details
      .filter((d) => typeof d.profile.income === 'number' && d.profile.emailDisplay)
      .reduce((a, b) => (b.profile.emailDisplay!.length > a.profile.emailDisplay!.length ? b : a));

    await open(`#/customers/${encodeURIComponent(profile.customerId)}`);
    await screenshot('customer-formatted');

    const value = (label: string) =>
      page
        .locator('.definitions div', { has: page.getByText(label, { exact: true }) })
        .locator('dd');
    expect(await value('Income').innerText()).toBe(money(profile.income!));
    const email = value('E-mail');
    const fits = await email.evaluate((element) => element.scrollWidth <= element.clientWidth);
    expect(fits).toBe(true);
  });

  it('kept the accessibility basics on every page it opened', () => {
    expect([...a11yProblems]).toEqual([]);
  });

  it('raised no script error on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
