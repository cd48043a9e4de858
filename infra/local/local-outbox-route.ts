import { simpleParser } from 'mailparser';
import type { LocalSesServer } from './local-ses-server';
import type { LocalResponse } from './local-http-api';

/**
 * `GET /v1/outbox` on the local stack only: what the local SES endpoint recorded, newest first,
 * parsed so the dashboard can show each message rendered, with its headers and raw source.
 */
export const localOutboxResponse = async (ses: LocalSesServer): Promise<LocalResponse> => {
  const messages = [...ses.outbox()].reverse();
  const items = await Promise.all(
    messages.map(async (message) => {
      const parsed = await simpleParser(message.raw);
      return {
        messageId: message.messageId,
        receivedAt: message.receivedAt,
        from: parsed.from?.text ?? message.source ?? '',
        to: message.destinations,
        subject: parsed.subject ?? '',
        headers: Object.fromEntries(
          parsed.headerLines.map(({ key, line }) => [key, line.slice(key.length + 1).trim()]),
        ),
        html: parsed.html === false ? undefined : parsed.html,
        text: parsed.text,
        raw: message.raw,
      };
    }),
  );
  return {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify({ items }),
  };
};
