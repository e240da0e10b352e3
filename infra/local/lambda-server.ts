import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FunctionName, functions } from '../functions.ts';

const MAX_PAYLOAD_BYTES = 256 * 1024;
/** `/2015-03-31/functions/{name or ARN}/invocations`, the path of Lambda's Invoke API. */
const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

export interface LambdaHttpServer {
  /** Base URL to pass as the Lambda client's endpoint (AWS_ENDPOINT_URL_LAMBDA). */
  readonly url: string;
  close(): Promise<void>;
}

/** `jobs`, `arn:aws:lambda:…:function:jobs` or `…:function:jobs:$LATEST` → `jobs`, if it is one of ours. */
function functionNameOf(raw: string): FunctionName | undefined {
  const name = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(raw)?.[1] ?? raw;
  return Object.hasOwn(functions, name) ? (name as FunctionName) : undefined;
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}

const error = (res: ServerResponse, status: number, type: string, message: string) =>
  reply(res, status, { Type: 'User', message }, { 'x-amzn-errortype': type });

/**
 * Lambda's Invoke API for the local runtime, so a function starts another with the real
 * `@aws-sdk/client-lambda`: `Event` invocations are answered 202 at once and run in the background (as
 * Lambda's asynchronous invocation), `RequestResponse` ones return the handler's result. Runs the same
 * handler modules as every other local invocation.
 */
export async function startLambdaHttpServer(options: {
  host: string;
  port: number;
  invoke: (fn: FunctionName, event: unknown) => Promise<unknown>;
  onBackgroundError: (fn: FunctionName, err: unknown) => void;
}): Promise<LambdaHttpServer> {
  const running = new Set<Promise<unknown>>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const match = req.method === 'POST' ? INVOKE_PATH.exec(req.url?.split('?')[0] ?? '') : null;
    if (!match) return error(res, 404, 'ResourceNotFoundException', 'Unknown operation');
    const fn = functionNameOf(decodeURIComponent(match[1]!));
    if (!fn) return error(res, 404, 'ResourceNotFoundException', `Function not found: ${match[1]}`);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    req.on('end', async () => {
      if (size > MAX_PAYLOAD_BYTES)
        return error(res, 413, 'RequestTooLargeException', 'Request must be smaller than 262144 bytes');
      let event: unknown;
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        event = text ? JSON.parse(text) : {};
      } catch {
        return error(res, 400, 'InvalidRequestContentException', 'Could not parse request body into json');
      }
      const type = String(req.headers['x-amz-invocation-type'] ?? 'RequestResponse');
      if (type === 'Event') {
        const run = options
          .invoke(fn, event)
          .catch((err) => options.onBackgroundError(fn, err))
          .finally(() => running.delete(run));
        running.add(run);
        return reply(res, 202, undefined);
      }
      if (type === 'DryRun') return reply(res, 204, undefined);
      try {
        reply(res, 200, (await options.invoke(fn, event)) ?? null, { 'x-amz-executed-version': '$LATEST' });
      } catch (err) {
        const e = err as Error;
        reply(
          res,
          200,
          { errorType: e.name, errorMessage: e.message },
          { 'x-amz-function-error': 'Unhandled', 'x-amz-executed-version': '$LATEST' },
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: async () => {
      // Background invocations finish first: the emulators they use are stopped after this.
      await Promise.allSettled([...running]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
