import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Fault injection for the LOCAL runtime only (never in function code): "fail the next N calls of action X
 * of service S with error E". The local Step Functions server and the SES proxy in front of the emulator
 * ask `take` before serving a call; tests arm faults through `POST /_local/faults` or `system.faults`.
 */
export type FaultService = 'sfn' | 'ses';

export interface FaultSpec {
  readonly service: FaultService;
  /** The API action: `SendTaskSuccess`, `StartExecution`… for sfn; `SendEmail` for ses. */
  readonly action: string;
  /** How many calls fail (the SDK's own retries count: the default client tries 3 times). */
  readonly count: number;
  /** The error name the caller's SDK sees (`ServiceUnavailable`, `TooManyRequestsException`…). */
  readonly error: string;
  /** HTTP status of the failed call; 503 by default (429 for a `TooManyRequests`/`Throttling` name). */
  readonly status?: number;
}

export interface ArmedFault extends FaultSpec {
  readonly status: number;
  /** Calls failed so far. */
  readonly failed: number;
}

const SERVICES: readonly FaultService[] = ['sfn', 'ses'];

/** The switchboard: armed faults by service and action, consumed call by call. */
export class Faults {
  private readonly armed = new Map<string, ArmedFault>();

  arm(spec: FaultSpec): ArmedFault {
    if (!SERVICES.includes(spec.service)) throw new Error(`Unknown fault service ${spec.service}`);
    if (!/^[A-Za-z]{1,64}$/.test(spec.action)) throw new Error(`Invalid fault action ${spec.action}`);
    if (!/^[A-Za-z.]{1,64}$/.test(spec.error)) throw new Error(`Invalid fault error ${spec.error}`);
    if (!Number.isInteger(spec.count) || spec.count < 0 || spec.count > 10_000)
      throw new Error(`Invalid fault count ${spec.count}`);
    const status = spec.status ?? (/throttl|toomany/i.test(spec.error) ? 429 : 503);
    const fault: ArmedFault = { ...spec, status, failed: 0 };
    this.armed.set(key(spec.service, spec.action), fault);
    return fault;
  }

  /** The fault for this call, if one is armed with calls left (counts it). */
  take(service: FaultService, action: string): ArmedFault | undefined {
    const k = key(service, action);
    const fault = this.armed.get(k);
    if (!fault || fault.failed >= fault.count) return undefined;
    const next = { ...fault, failed: fault.failed + 1 };
    this.armed.set(k, next);
    return next;
  }

  list(): ArmedFault[] {
    return [...this.armed.values()];
  }

  clear(): void {
    this.armed.clear();
  }
}

const key = (service: FaultService, action: string) => `${service}:${action}`;

/** The SESv2 action of a REST request (only the ones the app calls). */
export function sesActionOf(method: string | undefined, pathname: string): string {
  if (method === 'POST' && pathname === '/v2/email/outbound-emails') return 'SendEmail';
  return `${method ?? 'GET'} ${pathname}`;
}

/**
 * A pass-through HTTP proxy in front of the SES emulator for the functions' SES client: an armed `ses`
 * fault answers as SESv2 does (status, `x-amzn-errortype`), anything else goes to the emulator unchanged.
 * The mailbox viewer keeps the emulator's own URL.
 */
export async function startSesFaultProxy(options: {
  target: string;
  faults: Faults;
  host?: string;
}): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(options.target);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const fault = options.faults.take('ses', sesActionOf(req.method, url.pathname));
    if (fault) {
      req.resume();
      const body = JSON.stringify({ message: `Injected fault: ${fault.error}` });
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        'x-amzn-errortype': `${fault.error}:`,
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
      return;
    }
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (out) => {
        res.writeHead(out.statusCode ?? 502, out.headers);
        out.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
