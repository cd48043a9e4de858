// @ts-check

/**
 * What the app hands every page. `show` replaces the page's content unless the user has already
 * navigated away (the page's `signal` is then aborted), so a slow response never overwrites the
 * next page.
 * @typedef {object} PageContext
 * @property {import('./api-client.js').ApiClient} api
 * @property {import('./format.js').Format} format
 * @property {import('./format.js').ShopConfig} config
 * @property {Record<string, string>} params
 * @property {URLSearchParams} query
 * @property {AbortSignal} signal
 * @property {(...nodes: (Node | null)[]) => void} show
 * @property {() => void} refresh renders the page again, after an action changed what it shows
 */

/**
 * One screen of the dashboard.
 * @typedef {object} Page
 * @property {(params: Record<string, string>) => string} title
 * @property {(context: PageContext) => Promise<void>} render
 */

export {};
