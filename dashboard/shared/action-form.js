// @ts-check
import { h } from './dom.js';
import { problemList } from './page-states.js';

/**
 * A small form whose submit calls the API and reports in its own live region: what `onSubmit`
 * returns, or what `onError` makes of its failure (the API's problems listed, unless told).
 * @param {{ title: string, fields: Node[], submitLabel: string, onSubmit: (data: FormData) => Promise<Node | string>, onError?: (error: unknown) => Node, noValidate?: boolean }} options
 */
export const actionForm = ({
  title,
  fields,
  submitLabel,
  onSubmit,
  onError = problemList,
  noValidate = false,
}) => {
  const outcome = h('div', { 'aria-live': 'polite' });
  return h(
    'form',
    {
      class: 'action',
      novalidate: noValidate,
      onsubmit: async (event) => {
        event.preventDefault();
        outcome.replaceChildren('Working…');
        try {
          outcome.replaceChildren(
            await onSubmit(new FormData(/** @type {HTMLFormElement} */ (event.currentTarget))),
          );
        } catch (error) {
          outcome.replaceChildren(onError(error));
        }
      },
    },
    h('h3', {}, title),
    ...fields,
    h('button', { type: 'submit' }, submitLabel),
    outcome,
  );
};
