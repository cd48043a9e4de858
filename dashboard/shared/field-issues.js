// @ts-check
import { validationIssues } from './api-client.js';
import { h } from './dom.js';

/**
 * @typedef {{ path: string, message: string }} Issue
 */

/**
 * The control for an issue's path, or for its nearest ancestor path a control stands for: a
 * refinement on a whole node names the node, not one of its values.
 * @param {Map<string, HTMLElement>} controls
 * @param {string} path
 */
const controlFor = (controls, path) => {
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const control = controls.get(parts.join('.'));
    if (control && !control.hidden) return control;
  }
  return undefined;
};

/**
 * Removes the messages `showFieldIssues` put inside `root`.
 * @param {HTMLElement} root
 */
export const clearFieldIssues = (root) => {
  for (const message of root.querySelectorAll('.field-error')) message.remove();
  for (const control of root.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  }
};

/**
 * Shows each of a 400's issues right after the control whose path it names, tied to it with
 * aria-describedby so a screen reader reads it with the control, and returns those no control
 * stands for (the caller lists them with the form's other problems).
 * @param {unknown} error
 * @param {Map<string, HTMLElement>} controls rule path (`rule.children.0.min`) → control
 * @returns {Issue[]}
 */
export const showFieldIssues = (error, controls) => {
  /** @type {Issue[]} */
  const unplaced = [];
  for (const issue of validationIssues(error)) {
    const control = controlFor(controls, issue.path);
    if (!control) {
      unplaced.push(issue);
      continue;
    }
    const id = `${control.id}-error`;
    document.getElementById(id)?.remove();
    control.after(h('span', { class: 'field-error', id }, issue.message));
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', id);
  }
  return unplaced;
};
