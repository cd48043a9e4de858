import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import { localLambdaContext } from './local-lambda-context';

export type LocalFunction = (event: unknown, context: Context) => Promise<unknown>;

export interface LocalLambdaEndpoint {
  endpoint: string;
  /** Resolves when every asynchronous invocation started so far has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * The Lambda Invoke API for functions of the local stack, so code that invokes a function (the
 * admin API starting a run) uses the real SDK client in both places. `Event` invocations answer
 * 202 at once and run in the background, like Lambda's own queue; errors are logged, as Lambda
 * would after its retries.
 */
export const startLocalLambdaEndpoint = async ({
  functions,
  onError,
}: {
  /** Looked up per request, so functions may be added after the endpoint has started. */
  functions: Readonly<Record<string, LocalFunction>>;
  onError: (name: string, error: unknown) => void;
}): Promise<LocalLambdaEndpoint> => {
  const running = new Set<Promise<unknown>>();
  const server: Server = createServer((request, response) => {
    const name = INVOKE_PATH.exec(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)?.[1];
    const fn = name === undefined ? undefined : functions[decodeURIComponent(name)];
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || name === undefined || fn === undefined) {
        response.writeHead(404, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'ResourceNotFoundException',
        });
        response.end(JSON.stringify({ message: `Function not found: ${name ?? request.url}` }));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const event: unknown = body === '' ? {} : JSON.parse(body);
      const invocation = fn(event, localLambdaContext(name));
      if (request.headers['x-amz-invocation-type'] === 'Event') {
        const tracked = invocation
          .catch((error: unknown) => onError(name, error))
          .finally(() => running.delete(tracked));
        running.add(tracked);
        response.writeHead(202);
        response.end();
        return;
      }
      invocation.then(
        (result) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(result ?? null));
        },
        (error: unknown) => {
          response.writeHead(200, {
            'content-type': 'application/json',
            'x-amz-function-error': 'Unhandled',
          });
          response.end(
            JSON.stringify({
              errorMessage: (error as Error).message,
              errorType: (error as Error).name,
            }),
          );
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
