import { Command } from 'commander';
import { apiClientFor } from '../api-target-option';
import { formatCount } from '../format-numbers';
import { printJson } from '../print-json';
import { terminalStyle, type TerminalStyle } from '../terminal-style';

/** One message the local SES endpoint recorded; `headers` are keyed by lower-case name, raw values. */
export interface OutboxMessage {
  messageId: string;
  receivedAt: string;
  to: string[];
  subject: string;
  headers: Record<string, string>;
}

/** The headers a sender is judged by: who, what, and RFC 8058 one-click unsubscribe. */
const SHOWN_HEADERS = ['From', 'To', 'Subject', 'List-Unsubscribe', 'List-Unsubscribe-Post'];

const formatMessage = ({
  message,
  style,
}: {
  message: OutboxMessage;
  style: TerminalStyle;
}): string => {
  const width = Math.max(...SHOWN_HEADERS.map((name) => name.length)) + 1;
  return [
    style.bold(`${message.receivedAt}  ${message.messageId}`),
    ...SHOWN_HEADERS.map((name) => {
      const value = message.headers[name.toLowerCase()];
      return `  ${`${name}:`.padEnd(width)} ${value ?? style.red('(missing)')}`;
    }),
  ].join('\n');
};

/** Every message, newest first, each with the raw headers a mailbox provider would check. */
export const formatOutbox = ({
  messages,
  style,
}: {
  messages: OutboxMessage[];
  style: TerminalStyle;
}): string =>
  messages.length === 0
    ? 'The outbox is empty.'
    : [
        `${formatCount(messages.length)} ${messages.length === 1 ? 'message' : 'messages'}, newest first`,
        ...messages.map((message) => `\n${formatMessage({ message, style })}`),
      ].join('\n');

/**
 * `shoal outbox`: what the local SES endpoint would have delivered. Local only, so no `--stack`:
 * a deployed stack hands its messages to SES.
 */
export const outboxCommand = (): Command =>
  new Command('outbox')
    .description(
      'List the messages the local stack’s SES endpoint recorded, with their raw headers (local stack only)',
    )
    .option('--json', 'print the API’s JSON (with each message’s HTML, text and raw source)')
    .action(async (options: { json?: boolean }) => {
      const api = await apiClientFor({});
      const outbox = await api.request<{ items: OutboxMessage[] }>({ path: '/v1/outbox' });
      if (options.json) return printJson(outbox);
      console.log(formatOutbox({ messages: outbox.items, style: terminalStyle() }));
    });
