// @ts-check
import { ApiError, validationIssues } from '../shared/api-client.js';
import { actionForm } from '../shared/action-form.js';
import { h } from '../shared/dom.js';
import { clearFieldIssues, showFieldIssues } from '../shared/field-issues.js';
import { problemList } from '../shared/page-states.js';
import { SUGGESTED_CUSTOMERS_ID } from './campaign-preview-form.js';

/** @typedef {import('../shared/page-context.js').PageContext} PageContext */

/** The API's limit on one test send. */
const MAX_ADDRESSES = 5;

/**
 * What a refused test send says: the API names the address at fault by its index among those
 * sent (`to.1`), so each is shown next to the field it came from; a mailer refusal part-way also
 * says where the messages before it already went.
 * @param {unknown} error
 * @param {Map<string, HTMLElement>} controls
 */
const refusal = (error, controls) => {
  const unplaced = showFieldIssues(error, controls);
  const details = /** @type {{ sent?: { to: string }[] } | undefined} */ (
    error instanceof ApiError ? error.details : undefined
  );
  const alreadySent = details?.sent ?? [];
  return h(
    'div',
    {},
    validationIssues(error).length > 0 && unplaced.length === 0
      ? h('p', { class: 'state state-error' }, 'Not sent: see the marked address.')
      : problemList(error),
    alreadySent.length > 0
      ? h('p', {}, `Already sent to ${alreadySent.map((sent) => sent.to).join(', ')}.`)
      : null,
  );
};

/**
 * Mails a “[Test]” copy to a few colleagues; it counts nowhere (results, caps, the campaign's
 * own outbox records).
 * @param {PageContext} context
 * @param {string} base the campaign's API path
 */
export const testSendForm = ({ api, config, format }, base) => {
  /** @type {HTMLInputElement[]} */
  const inputs = [];
  const addresses = h(
    'fieldset',
    {},
    h('legend', {}, `Send to (up to ${MAX_ADDRESSES} addresses)`),
  );
  const addButton = h(
    'button',
    { type: 'button', class: 'secondary', onclick: () => addAddress().focus() },
    'Add an address',
  );
  const addAddress = () => {
    const input = h('input', {
      id: `test-address-${inputs.length + 1}`,
      type: 'email',
      autocomplete: 'email',
    });
    addresses.append(
      h('div', {}, h('label', { for: input.id }, `Address ${inputs.length + 1}`), ' ', input),
    );
    inputs.push(input);
    addButton.hidden = inputs.length >= MAX_ADDRESSES;
    return input;
  };
  addAddress();
  /** @type {Map<string, HTMLElement>} */
  let controls = new Map();
  return actionForm({
    title: 'Test send',
    // The API is the one judge of an address, so its words stand next to every field alike.
    noValidate: true,
    fields: [
      addresses,
      addButton,
      h('label', { for: 'test-customer' }, 'Render for customer ID (optional)'),
      h('input', {
        id: 'test-customer',
        name: 'customerId',
        list: SUGGESTED_CUSTOMERS_ID,
        autocomplete: 'off',
        'aria-describedby': 'test-customer-hint',
      }),
      h(
        'span',
        { id: 'test-customer-hint', class: 'hint' },
        'Without one, a made-up sample customer.',
      ),
    ],
    submitLabel: 'Send test',
    onSubmit: async (data) => {
      clearFieldIssues(addresses);
      const filled = inputs.filter((input) => input.value.trim() !== '');
      // The API numbers the addresses it was sent, so blank fields must not shift the numbers.
      controls = new Map([
        ['to', inputs[0] ?? addresses],
        ...filled.map(
          (input, index) => /** @type {[string, HTMLElement]} */ ([`to.${index}`, input]),
        ),
      ]);
      const customerId = String(data.get('customerId') ?? '').trim();
      /** @type {{ sent: { to: string, messageId: string }[] }} */
      const { sent } = await api.post(`${base}/test-send`, {
        to: filled.map((input) => input.value.trim()),
        customerId: customerId || undefined,
      });
      return h(
        'div',
        { class: 'test-sent' },
        h(
          'p',
          {},
          `Sent ${format.integer(sent.length)} test message(s), not counted in the results:`,
        ),
        h('ul', {}, ...sent.map((message) => h('li', {}, message.to))),
        config.local
          ? h(
              'p',
              { class: 'hint' },
              'On the local stack they land in the ',
              h('a', { href: '#/outbox' }, 'outbox'),
              ', not in a real inbox.',
            )
          : null,
      );
    },
    onError: (error) => refusal(error, controls),
  });
};
