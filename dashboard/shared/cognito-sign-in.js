// @ts-check
import { h } from './dom.js';

/**
 * @typedef {object} CognitoConfig the answer of `/dashboard-config.json` in AWS
 * @property {'cognito'} auth
 * @property {string} authorizeUrl
 * @property {string} tokenUrl
 * @property {string} logoutUrl
 * @property {string} clientId
 * @property {string[]} scopes
 *
 * @typedef {{ accessToken: string, refreshToken?: string, expiresAt: number }} Tokens
 * @typedef {{ state: string, verifier: string, returnTo: string }} PendingSignIn
 */

// Session storage rather than local, as for the admin key: closing the tab signs out.
const TOKENS_KEY = 'shoal.cognitoTokens';
const PENDING_KEY = 'shoal.cognitoSignIn';
/** Renew this long before expiry, so a token does not lapse between the check and the call. */
const EXPIRY_MARGIN_MS = 60_000;

/** @param {Uint8Array} bytes */
const base64Url = (bytes) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const randomString = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));

/** RFC 7636's S256: the verifier stays in this tab; only its hash travels to the login page. */
const codeChallenge = async (/** @type {string} */ verifier) =>
  base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );

/** Cognito compares it with the app client's callback URLs: the dashboard's address, no query. */
const redirectUri = () => `${location.origin}${location.pathname}`;

/** @template T @param {string} key @returns {T | undefined} */
const readJson = (key) => {
  const text = sessionStorage.getItem(key);
  return text === null ? undefined : JSON.parse(text);
};

/**
 * Sign-in through Cognito's managed login: the authorization code grant with PKCE, the flow for a
 * page that cannot keep a client secret. Tokens live in session storage; the access token is the
 * bearer the API Gateway JWT authorizer checks, renewed with the refresh token when it expires.
 * @param {CognitoConfig} config
 */
export const createCognitoSignIn = (config) => {
  /** @param {Record<string, string>} fields */
  const requestTokens = async (fields) => {
    const response = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: config.clientId, ...fields }),
    });
    if (!response.ok) throw new Error(`the sign-in service answered ${response.status}`);
    const answer = await response.json();
    /** @type {Tokens} */
    const tokens = {
      accessToken: answer.access_token,
      // A refresh answers without a new refresh token: keep the one we have.
      refreshToken: answer.refresh_token ?? fields.refresh_token,
      expiresAt: Date.now() + Number(answer.expires_in) * 1000,
    };
    sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
    return tokens;
  };

  const forget = () => sessionStorage.removeItem(TOKENS_KEY);

  /** @type {Promise<string | null> | undefined} */
  let renewing;
  /** @param {string} refreshToken */
  const renew = (refreshToken) =>
    (renewing ??= requestTokens({ grant_type: 'refresh_token', refresh_token: refreshToken })
      .then((tokens) => tokens.accessToken)
      .catch(() => {
        forget();
        return null;
      })
      .finally(() => (renewing = undefined)));

  /** Goes to the managed login page; it comes back to this page with `?code=…&state=…`. */
  const signIn = async () => {
    const verifier = randomString();
    /** @type {PendingSignIn} */
    const pending = { state: randomString(), verifier, returnTo: location.hash };
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const url = new URL(config.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: redirectUri(),
      scope: config.scopes.join(' '),
      state: pending.state,
      code_challenge: await codeChallenge(verifier),
      code_challenge_method: 'S256',
    }).toString();
    location.assign(url);
  };

  return {
    signIn,

    /**
     * Finishes a sign-in the login page sent back, if this load is one, and takes `code` and
     * `state` out of the address bar either way. A code this tab did not ask for (the stack's
     * LoginUrl opened directly) starts a sign-in of its own rather than being trusted.
     * @returns {Promise<{ error?: string, redirecting?: boolean }>}
     */
    async completeSignIn() {
      const query = new URLSearchParams(location.search);
      const code = query.get('code');
      const failure = query.get('error_description') ?? query.get('error');
      if (code === null && failure === null) return {};
      /** @type {PendingSignIn | undefined} */
      const pending = readJson(PENDING_KEY);
      sessionStorage.removeItem(PENDING_KEY);
      history.replaceState(null, '', `${location.pathname}${pending?.returnTo || '#/overview'}`);
      if (failure !== null) return { error: `The sign-in service refused: ${failure}` };
      if (pending === undefined) {
        await signIn();
        return { redirecting: true };
      }
      if (query.get('state') !== pending.state) {
        return {
          error:
            'That sign-in answer was not for the sign-in this tab started, so it was ignored. Sign in again.',
        };
      }
      try {
        await requestTokens({
          grant_type: 'authorization_code',
          code: /** @type {string} */ (code),
          redirect_uri: redirectUri(),
          code_verifier: pending.verifier,
        });
        return {};
      } catch (error) {
        return { error: `Signing in failed: ${error instanceof Error ? error.message : error}` };
      }
    },

    /** The access token, renewed first when it is about to expire; null when signed out. */
    async token() {
      /** @type {Tokens | undefined} */
      const tokens = readJson(TOKENS_KEY);
      if (tokens === undefined) return null;
      if (tokens.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return tokens.accessToken;
      if (tokens.refreshToken === undefined) {
        forget();
        return null;
      }
      return renew(tokens.refreshToken);
    },

    forget,

    /** Ends the managed login's session too, or the next "Sign in" would skip the password. */
    signOut() {
      forget();
      const url = new URL(config.logoutUrl);
      url.search = new URLSearchParams({
        client_id: config.clientId,
        logout_uri: redirectUri(),
      }).toString();
      location.assign(url);
    },
  };
};

/** @typedef {ReturnType<typeof createCognitoSignIn>} CognitoSignIn */

/**
 * @param {HTMLElement} main
 * @param {{ signIn: () => Promise<void>, problem?: string }} options
 */
export const showCognitoSignIn = (main, { signIn, problem }) => {
  const button = h('button', { type: 'button', onclick: () => void signIn() }, 'Sign in');
  main.replaceChildren(
    h(
      'div',
      { class: 'sign-in' },
      h('h1', { tabindex: '-1' }, 'Sign in'),
      problem ? h('p', { class: 'state state-error', role: 'alert' }, problem) : null,
      h(
        'p',
        { class: 'hint' },
        'You sign in on the shop’s Shoal login page with your e-mail, password and authenticator code, then come back here.',
      ),
      button,
    ),
  );
  button.focus();
};

/**
 * "Copy API token" (for the CLI's SHOAL_ADMIN_TOKEN) and "Sign out", added to the header once
 * the dashboard signs in through Cognito; the local dashboard has neither.
 * @param {CognitoSignIn} signIn
 */
export const addSessionControls = (signIn) => {
  const status = h('span', { class: 'session-status', role: 'status' });
  const copy = async () => {
    const token = await signIn.token();
    if (token === null) {
      status.textContent = 'Signed out: sign in again first.';
      return;
    }
    try {
      await navigator.clipboard.writeText(token);
      status.textContent = 'Copied. It is valid for an hour.';
    } catch {
      status.textContent = 'The browser did not allow copying.';
    }
  };
  document.querySelector('.site-header')?.append(
    h(
      'div',
      { class: 'session' },
      h(
        'button',
        {
          type: 'button',
          onclick: () => void copy(),
          title: 'For the CLI: export SHOAL_ADMIN_TOKEN=… then shoal … --stack NAME',
        },
        'Copy API token',
      ),
      h('button', { type: 'button', onclick: () => signIn.signOut() }, 'Sign out'),
      status,
    ),
  );
};
