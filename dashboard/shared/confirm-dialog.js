// @ts-check
import { h } from './dom.js';

/**
 * Asks before an action that cannot be undone (sending, erasing). A native modal <dialog> traps
 * focus, closes on Escape and returns focus to the button that opened it; Cancel has the initial
 * focus so a stray Enter never confirms.
 * @param {{ title: string, message: string, confirmLabel: string }} options
 * @returns {Promise<boolean>}
 */
export const confirmAction = ({ title, message, confirmLabel }) =>
  new Promise((resolve) => {
    const cancel = h(
      'button',
      { type: 'submit', value: 'cancel', class: 'secondary', autofocus: true },
      'Cancel',
    );
    const dialog = h(
      'dialog',
      { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-message' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'confirm-title' }, title),
        h('p', { id: 'confirm-message' }, message),
        h(
          'div',
          { class: 'toolbar' },
          cancel,
          h('button', { type: 'submit', value: 'confirm', class: 'danger' }, confirmLabel),
        ),
      ),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirm');
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
