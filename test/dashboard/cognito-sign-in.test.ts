import { createHash } from 'node:crypto';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDashboardAssets } from '../../dashboard/dashboard-assets';
import { dashboardConfig } from '../../functions/api/routes/dashboard-config-route';
import { launchChromium } from './launch-chromium';

/** The deployed dashboard's address and its Cognito domain; neither is ever reached. */
const SHOAL = 'https://shoal.test';
const LOGIN = 'https://login.shoal.test';
const CLIENT_ID = 'dashboard-client';
const ACCESS_TOKEN = 'access-token-1';
const RENEWED_ACCESS_TOKEN = 'access-token-2';
const REFRESH_TOKEN = 'refresh-token-1';

const base64Url = (bytes: Buffer) => bytes.toString('base64url');

/**
 * The dashboard signing in as it does in AWS, with Cognito's managed login played by Playwright:
 * requests to the login domain and to the API are intercepted, so the test sees exactly what the
 * page sends to each, and no real Cognito is needed.
 */
describe('the dashboard’s Cognito sign-in', () => {
  const assets = createDashboardAssets();
  let context: BrowserContext;
  let close: () => Promise<void>;

  /**
   * Serves Shoal and plays the login page. `forgeState` answers with a state it was not given;
   * `expiresIn` is the first token's lifetime in seconds.
   */
  const openDashboard = async ({ forgeState = false, expiresIn = 3600 } = {}) => {
    const api = { refuse: false };
    const seen = {
      authorize: [] as URLSearchParams[],
      token: [] as URLSearchParams[],
      logout: [] as URLSearchParams[],
      apiAuthorization: [] as string[],
    };
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.route(`${SHOAL}/**`, (route) => serveShoal(route, seen.apiAuthorization, api));
    await page.route(`${LOGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oauth2/authorize') {
        seen.authorize.push(url.searchParams);
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.search = new URLSearchParams({
          code: 'the-code',
          state: forgeState ? 'forged' : (url.searchParams.get('state') ?? ''),
        }).toString();
        return route.fulfill({ status: 302, headers: { location: back.href } });
      }
      if (url.pathname === '/oauth2/token') {
        const form = new URLSearchParams(route.request().postData() ?? '');
        seen.token.push(form);
        const first = form.get('grant_type') === 'authorization_code';
        return route.fulfill({
          // Like Cognito, a refresh answers without a new refresh token.
          json: {
            access_token: first ? ACCESS_TOKEN : RENEWED_ACCESS_TOKEN,
            id_token: 'id-token',
            ...(first && { refresh_token: REFRESH_TOKEN }),
            token_type: 'Bearer',
            expires_in: first ? expiresIn : 3600,
          },
          // As Cognito's token endpoint does for a browser's call.
          headers: { 'access-control-allow-origin': SHOAL },
        });
      }
      if (url.pathname === '/logout') {
        seen.logout.push(url.searchParams);
        return route.fulfill({
          status: 302,
          headers: { location: url.searchParams.get('logout_uri') ?? '' },
        });
      }
      return route.fulfill({ status: 404 });
    });
    await page.goto(`${SHOAL}/#/campaigns`);
    return { page, seen, api };
  };

  /** The dashboard's files, its cognito config, and an API that records the bearer it gets. */
  const serveShoal = (route: Route, apiAuthorization: string[], api: { refuse: boolean }) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/dashboard-config.json') {
      return route.fulfill({ json: dashboardConfig({ domainUrl: LOGIN, clientId: CLIENT_ID }) });
    }
    if (pathname.startsWith('/v1/')) {
      const authorization = route.request().headers().authorization ?? '';
      apiAuthorization.push(authorization);
      const valid = [ACCESS_TOKEN, RENEWED_ACCESS_TOKEN].map((token) => `Bearer ${token}`);
      if (api.refuse || !valid.includes(authorization)) {
        return route.fulfill({ status: 401, json: { message: 'Unauthorized' } });
      }
      if (pathname === '/v1/config') {
        return route.fulfill({
          json: { currency: 'EUR', locale: 'de-DE', timeZone: 'Europe/Berlin', local: false },
        });
      }
      return route.fulfill({ json: { items: [] } });
    }
    const asset = assets(pathname);
    if (asset === undefined) return route.fulfill({ status: 404 });
    return route.fulfill({ body: asset.body, contentType: asset.contentType });
  };

  const storedTokens = (page: Page) =>
    page.evaluate(() => sessionStorage.getItem('shoal.cognitoTokens'));

  beforeAll(async () => {
    ({ context, close } = await launchChromium());
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SHOAL });
  });

  afterAll(async () => {
    await close?.();
  });

  it('signs in with the code grant and PKCE, then calls the API with the access token', async () => {
    const { page, seen } = await openDashboard();
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => seen.token.length).toBe(1);
    const authorize = seen.authorize[0]!;
    expect(Object.fromEntries(authorize)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${SHOAL}/`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(authorize.get('state')).toMatch(/^[\w-]{43}$/);
    const token = seen.token[0]!;
    expect(Object.fromEntries(token)).toMatchObject({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code: 'the-code',
      redirect_uri: `${SHOAL}/`,
    });
    const verifier = token.get('code_verifier') ?? '';
    expect(base64Url(createHash('sha256').update(verifier).digest())).toBe(
      authorize.get('code_challenge'),
    );

    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    expect(page.url(), 'code and state leave the address bar').toBe(`${SHOAL}/#/campaigns`);
    expect(seen.apiAuthorization.length).toBeGreaterThan(0);
    expect(new Set(seen.apiAuthorization)).toEqual(new Set([`Bearer ${ACCESS_TOKEN}`]));

    await page.getByRole('button', { name: 'Copy API token' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ACCESS_TOKEN);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(Object.fromEntries(seen.logout[0]!)).toEqual({
      client_id: CLIENT_ID,
      logout_uri: `${SHOAL}/`,
    });
    expect(await storedTokens(page)).toBeNull();
    await page.close();
  });

  it('refuses an answer whose state this tab did not send, and stores no token', async () => {
    const { page, seen } = await openDashboard({ forgeState: true });
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page
      .getByRole('alert')
      .filter({ hasText: 'not for the sign-in this tab started' })
      .waitFor();
    expect(seen.token).toEqual([]);
    expect(await storedTokens(page)).toBeNull();
    expect(page.url()).not.toContain('code=');
    expect(seen.apiAuthorization.filter((value) => value !== 'Bearer ')).toEqual([]);
    await page.close();
  });

  it('renews an expiring token with the refresh token, and asks to sign in again when the API refuses it', async () => {
    // Inside the minute before expiry in which the dashboard renews.
    const { page, seen, api } = await openDashboard({ expiresIn: 30 });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();

    expect(seen.token.map((form) => form.get('grant_type'))).toEqual([
      'authorization_code',
      'refresh_token',
    ]);
    expect(Object.fromEntries(seen.token[1]!)).toEqual({
      client_id: CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: REFRESH_TOKEN,
    });
    expect(new Set(seen.apiAuthorization)).toEqual(new Set([`Bearer ${RENEWED_ACCESS_TOKEN}`]));

    api.refuse = true;
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your session has ended' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await storedTokens(page)).toBeNull();
    await page.close();
  });
});
