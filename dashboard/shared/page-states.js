// @ts-check
import { ApiError, ApiUnreachableError, validationIssues } from './api-client.js';
import { h } from './dom.js';

/**
 * A page's h1; focused after each navigation so screen readers announce the new page.
 * @param {string} text
 * @param {...import('./dom.js').Child} extra
 */
export const pageHeading = (text, ...extra) => h('h1', { tabindex: '-1' }, text, ...extra);

export const loadingState = () =>
  h('p', { class: 'state state-loading', role: 'status' }, 'Loading…');

/**
 * @param {string} [what] what is missing, when it is not the whole shop's data
 */
export const emptyState = (what) =>
  h(
    'div',
    { class: 'state state-empty', role: 'status' },
    h('p', {}, what ?? 'No data yet — upload an export.'),
    what
      ? null
      : h(
          'p',
          { class: 'hint' },
          'Run ',
          h('code', {}, 'shoal upload customers.csv'),
          ' (or ',
          h('code', {}, 'shoal dev --demo'),
          ' for the demo shop), then come back.',
        ),
  );

/**
 * What went wrong in words a marketer can act on; the API's own message otherwise.
 * @param {unknown} error
 */
const describeError = (error) => {
  if (error instanceof ApiUnreachableError) {
    return 'The Shoal API cannot be reached. Is the local stack (shoal dev) running, and is this the address it printed?';
  }
  if (error instanceof ApiError && error.status === 404)
    return 'Not found: it may have been deleted or erased.';
  if (error instanceof ApiError) return `The API answered with an error: ${error.message}`;
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
};

/**
 * @param {unknown} error
 * @param {() => void} [retry]
 */
export const errorState = (error, retry) =>
  h(
    'div',
    { class: 'state state-error', role: 'alert' },
    h('p', {}, describeError(error)),
    retry ? h('button', { type: 'button', onclick: retry }, 'Try again') : null,
  );

/**
 * Shown above data that comes from the last complete run when a later one failed.
 * @param {{ status: string, asOf: string, error?: string } | undefined} run
 */
export const runFailedNotice = (run) =>
  run?.status === 'failed'
    ? h(
        'div',
        { class: 'state state-error', role: 'alert' },
        h(
          'p',
          {},
          `The segmentation run for ${run.asOf} failed${run.error ? `: ${run.error}` : ''}. `,
          'The figures below are from the last complete run.',
        ),
      )
    : null;

/**
 * A status badge; the word is always shown so colour is never the only cue.
 * @param {string} status
 */
export const statusBadge = (status) => h('span', { class: `badge badge-${status}` }, status);

/**
 * A rejected form's problems: one line per failing field when the API says which, else its message.
 * @param {unknown} error
 */
export const problemList = (error) => {
  const issues = validationIssues(error);
  return issues.length > 0
    ? h(
        'ul',
        { class: 'state state-error' },
        ...issues.map((issue) => h('li', {}, `${issue.path}: ${issue.message}`)),
      )
    : h(
        'p',
        { class: 'state state-error' },
        error instanceof Error ? error.message : String(error),
      );
};
