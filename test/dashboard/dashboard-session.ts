import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { accessibilityProblems } from './accessibility-basics';
import { type DashboardTarget, startDashboardTarget, targetApi } from './dashboard-target';
import { launchChromium } from './launch-chromium';

const SCREENSHOTS = 'test-artifacts/dashboard';

/**
 * A signed-in tab on a local stack of its own, for a describe block's beforeAll/afterAll: its
 * fields are set by `start`. `open` waits until a route's data is on screen and collects the
 * accessibility problems and script errors of every page it shows.
 */
export const dashboardSession = () => {
  let target: DashboardTarget;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let config: { currency: string; locale: string };
  const session = {
    page: undefined as unknown as Page,
    api: undefined as unknown as ReturnType<typeof targetApi>,
    pageErrors: [] as string[],
    a11yProblems: new Set<string>(),
    start: async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      target = await startDashboardTarget();
      session.api = targetApi(target);
      config = await session.api.get('/v1/config');
      ({ context, close } = await launchChromium());
      session.page = await context.newPage();
      session.page.setDefaultTimeout(10_000);
      session.page.on('pageerror', (error) => session.pageErrors.push(error.message));
      await session.page.goto(`${target.baseUrl}/#key=${encodeURIComponent(target.adminKey)}`);
    },
    stop: async () => {
      await close?.();
      await target?.stop();
    },
    open: async (hash: string) => {
      const { page } = session;
      const url = `${target.baseUrl}/${hash}`;
      // Going to the URL already shown fires no hashchange, so nothing would render again.
      if (page.url() === url) await page.reload();
      else await page.goto(url);
      await page.locator('main h1').first().waitFor();
      await page.locator('main > .state-loading').waitFor({ state: 'detached' });
      for (const problem of await accessibilityProblems(page)) session.a11yProblems.add(problem);
    },
    screenshot: (name: string) =>
      session.page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true }),
    integer: (value: number) => new Intl.NumberFormat(config.locale).format(value),
  };
  return session;
};
