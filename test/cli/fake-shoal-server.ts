import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  contentLength?: string;
  body: string;
}

export interface FakeReply {
  status?: number;
  body?: unknown;
}

/** Answers `METHOD /path` (path with its query); a function sees every request so far. */
export type FakeRoutes = Record<string, FakeReply | ((request: RecordedRequest) => FakeReply)>;

export interface FakeShoalServer {
  port: number;
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * A tiny stand-in for the Shoal API (and for S3's presigned PUTs) on a free loopback port: it
 * answers from a table of canned replies and records every request for the test to assert on.
 */
export const startFakeShoalServer = async (routes: FakeRoutes): Promise<FakeShoalServer> => {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (request, response) => {
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      ...(request.headers.authorization && { authorization: request.headers.authorization }),
      ...(request.headers['content-length'] && {
        contentLength: request.headers['content-length'],
      }),
      body: await readBody(request),
    };
    requests.push(recorded);
    const route = routes[`${recorded.method} ${recorded.path}`];
    const reply = typeof route === 'function' ? route(recorded) : route;
    const status = reply?.status ?? (reply === undefined ? 404 : 200);
    const body =
      reply === undefined
        ? { error: { code: 'not_found', message: `no fake for ${recorded.path}`, details: {} } }
        : reply.body;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body === undefined ? '' : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
