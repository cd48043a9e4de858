// @ts-check
import { h } from './dom.js';

const STORAGE_KEY = 'shoal.adminKey';

/**
 * The key handed over as `#key=…` (the link `shoal dev` prints) is moved to sessionStorage and
 * removed from the address bar at once, so it is not left in the history or shown on screen.
 * Session storage rather than local: closing the tab signs out.
 * @returns {boolean} whether the fragment held a key
 */
export const adoptKeyFromFragment = () => {
  const match = /^#key=([^&]+)/.exec(location.hash);
  if (!match?.[1]) return false;
  sessionStorage.setItem(STORAGE_KEY, decodeURIComponent(match[1]));
  history.replaceState(null, '', `${location.pathname}${location.search}#/overview`);
  return true;
};

export const readKey = () => sessionStorage.getItem(STORAGE_KEY);

/**
 * @param {HTMLElement} main
 * @param {{ rejected: boolean, onSignedIn: () => void }} options
 */
export const showSignIn = (main, { rejected, onSignedIn }) => {
  const input = h('input', {
    id: 'admin-key',
    name: 'adminKey',
    type: 'password',
    autocomplete: 'off',
    required: true,
    'aria-describedby': 'admin-key-hint',
  });
  const form = h(
    'form',
    {
      class: 'sign-in',
      onsubmit: (event) => {
        event.preventDefault();
        sessionStorage.setItem(STORAGE_KEY, input.value.trim());
        onSignedIn();
      },
    },
    h('h1', { tabindex: '-1' }, 'Sign in'),
    rejected
      ? h('p', { class: 'state state-error', role: 'alert' }, 'That key was not accepted.')
      : null,
    h('label', { for: 'admin-key' }, 'Admin key'),
    input,
    h(
      'p',
      { id: 'admin-key-hint', class: 'hint' },
      'Locally, `shoal dev` prints the key and a link that signs you in.',
    ),
    h('button', { type: 'submit' }, 'Sign in'),
  );
  main.replaceChildren(form);
  input.focus();
};
