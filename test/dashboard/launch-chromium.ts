import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's Chromium, because `npx playwright install` cannot download a browser here. A fresh
 * profile per launch (Playwright takes it as a persistent context's directory rather than a
 * --user-data-dir flag), and no background networking, so a run never depends on the internet.
 */
export const launchChromium = async (): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> => {
  const profile = mkdtempSync(join(tmpdir(), 'shoal-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1366, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};
