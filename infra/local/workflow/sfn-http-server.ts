import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Faults } from '../faults.ts';
import type { ExecutionStatus, LocalSfn } from './local-sfn.ts';
import { SfnServiceError } from './sfn-errors.ts';

/** The SDK takes the error name from `__type` after the '#'. */
const ERROR_TYPE_PREFIX = 'com.amazonaws.swf.service.v2.model#';
const TARGET_PREFIX = 'AWSStepFunctions.';
const MAX_BODY_BYTES = 1024 * 1024;
const STATUSES: readonly ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

type Body = Record<string, unknown>;

export interface SfnHttpServer {
  /** Base URL to pass as the SFN client's `endpoint`. */
  readonly url: string;
  close(): Promise<void>;
}

function optional(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new SfnServiceError('SerializationException', `${key} must be a string`);
  return value;
}

function required(body: Body, key: string): string {
  const value = optional(body, key);
  if (value === undefined) throw new SfnServiceError('ValidationException', `${key} is required`);
  return value;
}

function checkMachine(sfn: LocalSfn, body: Body): void {
  const arn = required(body, 'stateMachineArn');
  if (arn !== sfn.stateMachineArn) {
    throw new SfnServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  }
}

/** Pages like AWS: maxResults 0 or absent means 100, at most 1000; nextToken is an offset here. */
function page<T>(items: readonly T[], body: Body, key: string): Body {
  const max =
    typeof body.maxResults === 'number' && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : 100;
  const start = body.nextToken === undefined || body.nextToken === null ? 0 : Number(body.nextToken);
  if (!Number.isInteger(start) || start < 0) throw new SfnServiceError('InvalidToken', 'Invalid Token');
  const end = start + max;
  return { [key]: items.slice(start, end), ...(end < items.length ? { nextToken: String(end) } : {}) };
}

const operations: Record<string, (sfn: LocalSfn, body: Body) => unknown> = {
  StartExecution: (sfn, body) => {
    checkMachine(sfn, body);
    return sfn.startExecution({ name: optional(body, 'name'), input: optional(body, 'input') });
  },
  DescribeExecution: (sfn, body) => sfn.describeExecution(required(body, 'executionArn')),
  SendTaskSuccess: async (sfn, body) => {
    await sfn.sendTaskSuccess(required(body, 'taskToken'), required(body, 'output'));
    return {};
  },
  SendTaskFailure: async (sfn, body) => {
    await sfn.sendTaskFailure(required(body, 'taskToken'), optional(body, 'error'), optional(body, 'cause'));
    return {};
  },
  SendTaskHeartbeat: (sfn, body) => {
    sfn.sendTaskHeartbeat(required(body, 'taskToken'));
    return {};
  },
  StopExecution: (sfn, body) =>
    sfn.stopExecution(required(body, 'executionArn'), optional(body, 'error'), optional(body, 'cause')),
  GetExecutionHistory: (sfn, body) => {
    const events = sfn.getExecutionHistory(required(body, 'executionArn'));
    return page(body.reverseOrder === true ? events.reverse() : events, body, 'events');
  },
  ListExecutions: (sfn, body) => {
    checkMachine(sfn, body);
    const status = optional(body, 'statusFilter');
    if (status !== undefined && !STATUSES.includes(status as ExecutionStatus)) {
      throw new SfnServiceError('ValidationException', `Invalid statusFilter ${status}`);
    }
    return page(sfn.listExecutions(status as ExecutionStatus | undefined), body, 'executions');
  },
};

/** The JSON protocol sends timestamps as epoch seconds. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toWire(item)]));
  }
  return value;
}

async function readBody(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new SfnServiceError('ValidationException', 'Request body too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    const body: unknown = JSON.parse(text);
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Body;
  } catch {
    // reported below
  }
  throw new SfnServiceError('SerializationException', 'Request body is not a JSON object');
}

function send(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': requestId,
  });
  res.end(text);
}

async function handle(
  sfn: LocalSfn,
  req: IncomingMessage,
  res: ServerResponse,
  faults: Faults | undefined,
): Promise<void> {
  const requestId = randomUUID();
  try {
    const target = req.headers['x-amz-target'];
    const name =
      typeof target === 'string' && target.startsWith(TARGET_PREFIX)
        ? target.slice(TARGET_PREFIX.length)
        : '';
    const operation = req.method === 'POST' && Object.hasOwn(operations, name) ? operations[name] : undefined;
    if (!operation)
      throw new SfnServiceError('UnknownOperationException', `Unknown operation ${String(target)}`);
    const body = await readBody(req);
    // An injected fault fails the call before it reaches the service: nothing happened, as with a 5xx.
    const fault = faults?.take('sfn', name);
    if (fault) {
      send(
        res,
        fault.status,
        { __type: `${ERROR_TYPE_PREFIX}${fault.error}`, message: `Injected fault: ${fault.error}` },
        requestId,
      );
      return;
    }
    const result = await operation(sfn, body);
    send(res, 200, toWire(result), requestId);
  } catch (error) {
    if (error instanceof SfnServiceError) {
      send(res, 400, { __type: `${ERROR_TYPE_PREFIX}${error.name}`, message: error.message }, requestId);
      return;
    }
    // Anything unexpected stays in the server log; the client gets a generic 500 with the request id.
    console.error(`local-sfn: request ${requestId} failed`, error);
    send(
      res,
      500,
      { __type: `${ERROR_TYPE_PREFIX}InternalFailure`, message: `Internal error (${requestId})` },
      requestId,
    );
  }
}

/** Serves `sfn` over the Step Functions JSON protocol, so app code can use the real `@aws-sdk/client-sfn`. */
export async function startSfnHttpServer(options: {
  sfn: LocalSfn;
  host?: string;
  port?: number;
  /** Local fault injection (`infra/local/faults.ts`), asked before each call. */
  faults?: Faults;
}): Promise<SfnHttpServer> {
  const { sfn, host = '127.0.0.1', port = 0, faults } = options;
  const server = createServer((req, res) => void handle(sfn, req, res, faults));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostPart}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // The SDK keeps connections alive; without this, close() waits for them to idle out.
        server.closeAllConnections();
      }),
  };
}
