// @ts-check
import { ApiError } from '../shared/api-client.js';
import { h, table } from '../shared/dom.js';
import { emailFrame } from '../shared/email-frame.js';
import { emptyState, pageHeading } from '../shared/page-states.js';

/** @typedef {import('../shared/api-types.js').OutboxMessage} OutboxMessage */

/**
 * Header pairs whichever way the API lists them (an object, or pairs when names repeat).
 * @param {OutboxMessage['headers']} headers
 */
const headerPairs = (headers) => (Array.isArray(headers) ? headers : Object.entries(headers));

/**
 * @param {OutboxMessage} message
 * @param {import('../shared/format.js').Format} format
 */
const messageDetails = (message, format) => {
  // The local stack names it receivedAt; the contract's first draft, date.
  const when = message.receivedAt ?? message.date;
  return h(
    'details',
    { class: 'message', 'data-message-id': message.messageId },
    h(
      'summary',
      {},
      h('span', { class: 'subject' }, message.subject),
      message.from ? ` from ${message.from}` : '',
      ' to ',
      [message.to].flat().join(', '),
      when ? `, ${format.dateTime(when)}` : '',
    ),
    table({
      caption: 'Headers',
      headers: ['Header', 'Value'],
      rows: headerPairs(message.headers),
      rowHeaders: true,
    }),
    message.html ? emailFrame(message.html, `Rendered e-mail: ${message.subject}`) : null,
    message.text ? h('pre', { class: 'text-body' }, message.text) : null,
  );
};

/** @type {import('../shared/page-context.js').Page} */
export const outboxPage = {
  title: () => 'Outbox',
  render: async ({ api, config, format, show, signal }) => {
    const heading = pageHeading('Outbox');
    const localOnly = emptyState(
      'The outbox exists only on the local stack: in AWS, SES delivers the messages.',
    );
    if (!config.local) {
      show(heading, localOnly);
      return;
    }
    /** @type {{ items: OutboxMessage[] }} */
    let outbox;
    try {
      outbox = await api.get('v1/outbox', signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
      show(heading, localOnly);
      return;
    }
    show(
      heading,
      h(
        'p',
        { class: 'lede' },
        'What the local SES endpoint recorded, newest first. Open a message to see it rendered with its headers.',
      ),
      outbox.items.length === 0
        ? emptyState('No messages yet: send a campaign or a test.')
        : h(
            'div',
            { class: 'messages' },
            ...outbox.items.map((message) => messageDetails(message, format)),
          ),
    );
  },
};
