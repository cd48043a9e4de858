// A local SES endpoint, written for Shoal because no maintained emulator keeps what a sender needs
// to check: aws-ses-v2-local accepts v1 SendRawEmail but drops custom headers (List-Unsubscribe…)
// and hangs on v1 template calls. It speaks the SES v1 Query protocol for the two actions Shoal
// uses (SendRawEmail, GetSendQuota), records every raw message verbatim, enforces a send rate
// and a daily quota the way SES reports them, and lists the outbox under /_shoal/outbox.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';

export interface OutboxMessage {
  messageId: string;
  receivedAt: string;
  source?: string;
  destinations: string[];
  configurationSet?: string;
  /** The MIME message exactly as the client sent it. */
  raw: string;
}

/** A failure the server injects on purpose, e.g. throttle the 37th message three times. */
export interface InjectedFault {
  /** The fault fires when this many messages have been accepted. */
  afterAccepted: number;
  error: 'throttling' | 'daily-quota';
  times: number;
}

export interface LocalSesLimits {
  maxSendRate: number;
  max24HourSend: number;
  faults: InjectedFault[];
}

export interface LocalSesServer {
  endpoint: string;
  outbox(): OutboxMessage[];
  clearOutbox(): void;
  configure(limits: Partial<LocalSesLimits>): void;
  stop(): Promise<void>;
}

const XMLNS = 'http://ses.amazonaws.com/doc/2010-12-01/';

const escapeXml = (text: string): string =>
  text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const sendXml = (response: ServerResponse, status: number, xml: string): void => {
  response.writeHead(status, { 'content-type': 'text/xml' });
  response.end(xml);
};

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

const sesError = (response: ServerResponse, code: string, message: string): void =>
  sendXml(
    response,
    400,
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${code}</Code>` +
      `<Message>${escapeXml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );

/** Query-protocol lists arrive as `Name.member.1`, `Name.member.2`…; keep their order. */
const memberList = (form: URLSearchParams, name: string): string[] =>
  [...form.entries()]
    .filter(([key]) => key.startsWith(`${name}.member.`))
    .sort(([a], [b]) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
    .map(([, value]) => value);

/** Every "To"/"Cc"/"Bcc" address in the MIME headers, for when Destinations is omitted. */
const headerRecipients = (raw: string): string[] => {
  const headerBlock = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = headerBlock.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .split(/\r?\n/)
    .filter((line) => /^(to|cc|bcc):/i.test(line))
    .flatMap((line) => line.slice(line.indexOf(':') + 1).match(/[^\s<>,"]+@[^\s<>,"]+/g) ?? []);
};

export const startLocalSesServer = async ({
  port = 0,
  outboxFile,
  limits = {},
}: {
  port?: number;
  /** JSON-lines file that keeps the outbox across restarts; in memory only when omitted. */
  outboxFile?: string;
  limits?: Partial<LocalSesLimits>;
} = {}): Promise<LocalSesServer> => {
  let config: LocalSesLimits = { maxSendRate: 14, max24HourSend: 50_000, faults: [], ...limits };
  const messages: OutboxMessage[] =
    outboxFile && existsSync(outboxFile)
      ? readFileSync(outboxFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as OutboxMessage)
      : [];
  if (outboxFile) mkdirSync(dirname(outboxFile), { recursive: true });
  const faultsFired = new Map<InjectedFault, number>();
  // A token bucket refilled continuously at maxSendRate, one second of burst: how SES meters it.
  let tokens = config.maxSendRate;
  let refilledAt = performance.now();

  const takeToken = (): boolean => {
    const now = performance.now();
    tokens = Math.min(
      config.maxSendRate,
      tokens + ((now - refilledAt) / 1000) * config.maxSendRate,
    );
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const sentLast24Hours = (): number => {
    const since = Date.now() - 24 * 3600 * 1000;
    return messages.filter((m) => Date.parse(m.receivedAt) >= since).length;
  };

  const injectedFault = (): InjectedFault | undefined => {
    const fault = config.faults.find(
      (f) => f.afterAccepted === messages.length && (faultsFired.get(f) ?? 0) < f.times,
    );
    if (fault) faultsFired.set(fault, (faultsFired.get(fault) ?? 0) + 1);
    return fault;
  };

  const sendRawEmail = (form: URLSearchParams, response: ServerResponse): void => {
    const data = form.get('RawMessage.Data');
    if (!data) return sesError(response, 'InvalidParameterValue', 'RawMessage.Data is required.');
    const fault = injectedFault();
    if (fault?.error === 'daily-quota' || sentLast24Hours() >= config.max24HourSend) {
      return sesError(response, 'Throttling', 'Daily message quota exceeded.');
    }
    if (fault?.error === 'throttling' || !takeToken()) {
      return sesError(response, 'Throttling', 'Maximum sending rate exceeded.');
    }
    const raw = Buffer.from(data, 'base64').toString('utf8');
    const destinations = memberList(form, 'Destinations');
    const message: OutboxMessage = {
      messageId: `${randomUUID()}-000000`,
      receivedAt: new Date().toISOString(),
      source: form.get('Source') ?? undefined,
      destinations: destinations.length > 0 ? destinations : headerRecipients(raw),
      configurationSet: form.get('ConfigurationSetName') ?? undefined,
      raw,
    };
    messages.push(message);
    if (outboxFile) appendFileSync(outboxFile, `${JSON.stringify(message)}\n`);
    sendXml(
      response,
      200,
      `<SendRawEmailResponse xmlns="${XMLNS}"><SendRawEmailResult><MessageId>${message.messageId}</MessageId>` +
        `</SendRawEmailResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></SendRawEmailResponse>`,
    );
  };

  const getSendQuota = (response: ServerResponse): void =>
    sendXml(
      response,
      200,
      `<GetSendQuotaResponse xmlns="${XMLNS}"><GetSendQuotaResult>` +
        `<Max24HourSend>${config.max24HourSend}</Max24HourSend><MaxSendRate>${config.maxSendRate}</MaxSendRate>` +
        `<SentLast24Hours>${sentLast24Hours()}</SentLast24Hours></GetSendQuotaResult>` +
        `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetSendQuotaResponse>`,
    );

  const configure = (next: Partial<LocalSesLimits>): void => {
    config = { ...config, ...next };
    tokens = config.maxSendRate;
    refilledAt = performance.now();
    faultsFired.clear();
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/_shoal/outbox') {
      if (request.method === 'DELETE') {
        messages.length = 0;
        return sendJson(response, 204, {});
      }
      return sendJson(response, 200, { messages });
    }
    if (url.pathname === '/_shoal/limits' && request.method === 'PUT') {
      configure(JSON.parse(await readBody(request)) as Partial<LocalSesLimits>);
      return sendJson(response, 200, config);
    }
    if (request.method !== 'POST') return sesError(response, 'InvalidAction', 'Use POST.');
    const form = new URLSearchParams(await readBody(request));
    switch (form.get('Action')) {
      case 'SendRawEmail':
        return sendRawEmail(form, response);
      case 'GetSendQuota':
        return getSendQuota(response);
      default:
        return sesError(
          response,
          'InvalidAction',
          `The local SES endpoint does not implement ${form.get('Action') ?? 'this action'}.`,
        );
    }
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      sesError(response, 'InternalFailure', error instanceof Error ? error.message : String(error));
    });
  });
  // Node closes an idle keep-alive socket after 5 s, racing a sender that reuses it after a pause
  // between slices. SES calls are never retried (a retry could send twice), so that reset would
  // leave a recipient `sending` until its claim lease ends; SES's own endpoints keep idle
  // connections for about a minute.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('local SES server has no address');

  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    outbox: () => [...messages],
    clearOutbox: () => {
      messages.length = 0;
    },
    configure,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
