// @ts-check
import { adoptKeyFromFragment, readKey, showSignIn } from './shared/admin-key.js';
import { ApiError, ApiUnreachableError, createApiClient } from './shared/api-client.js';
import { destroyCharts } from './shared/charts.js';
import {
  addSessionControls,
  createCognitoSignIn,
  showCognitoSignIn,
} from './shared/cognito-sign-in.js';
import { createFormat } from './shared/format.js';
import { errorState, loadingState, pageHeading } from './shared/page-states.js';
import { hrefTo, matchRoute } from './shared/router.js';
import { campaignBuilderPage } from './pages/campaign-builder-page.js';
import { campaignPage } from './pages/campaign-page.js';
import { campaignsPage } from './pages/campaigns-page.js';
import { clustersPage } from './pages/clusters-page.js';
import { customerPage } from './pages/customer-page.js';
import { customersPage } from './pages/customers-page.js';
import { importPage } from './pages/import-page.js';
import { importsPage } from './pages/imports-page.js';
import { movementPage } from './pages/movement-page.js';
import { outboxPage } from './pages/outbox-page.js';
import { overviewPage } from './pages/overview-page.js';
import { rfmPage } from './pages/rfm-page.js';
import { segmentBuilderPage } from './pages/segment-builder-page.js';
import { segmentPage } from './pages/segment-page.js';
import { segmentsPage } from './pages/segments-page.js';

/** @type {import('./shared/router.js').Route<import('./shared/page-context.js').Page>[]} */
const routes = [
  { pattern: '/overview', page: overviewPage },
  { pattern: '/rfm', page: rfmPage },
  { pattern: '/movement', page: movementPage },
  { pattern: '/segments', page: segmentsPage },
  { pattern: '/segments/new', page: segmentBuilderPage },
  { pattern: '/segments/:id', page: segmentPage },
  { pattern: '/clusters', page: clustersPage },
  { pattern: '/campaigns', page: campaignsPage },
  { pattern: '/campaigns/new', page: campaignBuilderPage },
  { pattern: '/campaigns/:id', page: campaignPage },
  { pattern: '/imports', page: importsPage },
  { pattern: '/imports/:id', page: importPage },
  { pattern: '/outbox', page: outboxPage },
  { pattern: '/customers', page: customersPage },
  { pattern: '/customers/:id', page: customerPage },
];

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
// Nothing renders until boot has chosen how to sign in and found a token.
let signedOut = true;
/** @type {AbortController | undefined} */
let current;

/**
 * @typedef {object} Session how this dashboard signs in
 * @property {'key' | 'cognito'} kind
 * @property {() => Promise<string | null>} token
 * @property {(afterRefusal: boolean) => void} showSignIn
 */

/** @type {Session} the local stack's: the admin key `shoal dev` prints */
let session = {
  kind: 'key',
  token: async () => readKey(),
  showSignIn: (afterRefusal) =>
    showSignIn(main, { rejected: afterRefusal && readKey() !== null, onSignedIn: start }),
};

/**
 * In AWS: Cognito's managed login.
 * @param {import('./shared/cognito-sign-in.js').CognitoSignIn} cognito
 * @returns {Session}
 */
const cognitoSession = (cognito) => ({
  kind: 'cognito',
  token: cognito.token,
  showSignIn: (afterRefusal) => {
    if (afterRefusal) cognito.forget();
    showCognitoSignIn(main, {
      signIn: cognito.signIn,
      problem: afterRefusal ? 'Your session has ended. Sign in again.' : undefined,
    });
  },
});

const api = createApiClient({
  getToken: () => session.token(),
  onUnauthorized: () => {
    signedOut = true;
    current?.abort();
    session.showSignIn(true);
  },
});

/** @type {Promise<import('./shared/format.js').ShopConfig> | undefined} */
let configRequest;
const loadConfig = () => {
  configRequest ??= api.get('v1/config');
  configRequest.catch(() => (configRequest = undefined));
  return configRequest;
};

const renderRoute = async () => {
  if (signedOut) return;
  current?.abort();
  destroyCharts();
  const controller = new AbortController();
  current = controller;
  const match = matchRoute(routes, location.hash);
  if (!match) {
    location.replace('#/overview');
    return;
  }
  const { page, params, query } = match;
  document.title = `${page.title(params)} · Shoal`;
  markCurrentLink();
  main.replaceChildren(loadingState());
  /** @param {(Node | null)[]} nodes */
  const show = (...nodes) => {
    if (!controller.signal.aborted) main.replaceChildren(...nodes.filter((n) => n !== null));
  };
  try {
    const config = await loadConfig();
    await page.render({
      api,
      config,
      format: createFormat(config),
      params,
      query,
      signal: controller.signal,
      show,
      refresh: () => void renderRoute(),
    });
  } catch (error) {
    if (controller.signal.aborted || (error instanceof ApiError && error.status === 401)) return;
    show(
      pageHeading(page.title(params)),
      errorState(error, () => void renderRoute()),
    );
  }
  if (!controller.signal.aborted) main.querySelector('h1')?.focus();
};

/** The nav link of the current section carries aria-current, which the CSS also shows. */
const markCurrentLink = () => {
  const section = location.hash.split(/[/?]/)[1];
  for (const link of document.querySelectorAll('.site-header nav a')) {
    const linkSection = link.getAttribute('href')?.split('/')[1];
    const isCurrent = linkSection === section;
    if (isCurrent) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
};

function start() {
  signedOut = false;
  void renderRoute();
}

window.addEventListener('hashchange', () => {
  // A sign-in link pasted into a tab that already runs the dashboard.
  if (session.kind === 'key' && adoptKeyFromFragment()) start();
  else void renderRoute();
});
// The skip link would otherwise be read as a route.
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
document.querySelector('.find-customer')?.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = /** @type {HTMLFormElement} */ (event.currentTarget);
  const text = String(new FormData(form).get('q') ?? '').trim();
  if (text) location.hash = hrefTo(['customers'], { q: text });
});
/** @returns {Promise<{ auth: 'key' } | import('./shared/cognito-sign-in.js').CognitoConfig>} */
const readDashboardConfig = async () => {
  let response;
  try {
    response = await fetch(new URL('dashboard-config.json', document.baseURI));
  } catch (error) {
    throw new ApiUnreachableError(error);
  }
  if (!response.ok) {
    throw new ApiError(response.status, 'http-error', 'The sign-in settings could not be read.');
  }
  return response.json();
};

/** Reads how to sign in, finishes a sign-in the login page sent back, then shows the route. */
const boot = async () => {
  let config;
  try {
    config = await readDashboardConfig();
  } catch (error) {
    main.replaceChildren(errorState(error, () => void boot()));
    return;
  }
  if (config.auth === 'cognito') {
    const cognito = createCognitoSignIn(config);
    session = cognitoSession(cognito);
    const { error, redirecting } = await cognito.completeSignIn();
    if (redirecting) return;
    addSessionControls(cognito);
    if (error !== undefined) {
      showCognitoSignIn(main, { signIn: cognito.signIn, problem: error });
      return;
    }
  } else {
    adoptKeyFromFragment();
  }
  if ((await session.token()) === null) session.showSignIn(false);
  else start();
};
void boot();
