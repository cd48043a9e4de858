// @ts-check
import { h } from './dom.js';

/**
 * Shows an e-mail's HTML in a sandboxed frame: no scripts, no same-origin access, so a message
 * body can neither read the admin key nor restyle the dashboard.
 * @param {string} html
 * @param {string} title
 */
export const emailFrame = (html, title) =>
  h('iframe', { class: 'email', sandbox: '', srcdoc: html, title });
