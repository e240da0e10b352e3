import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { FunctionName } from '../functions.ts';
import { DEFAULT_ROUTE, type Route, routeKey, routes } from '../routes.ts';

/** API Gateway's HTTP API payload limit. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

interface CompiledRoute {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: string[];
}

const compiled: CompiledRoute[] = routes.map((route) => {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`))
    .replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

/** Finds the route for a request the way API Gateway does (exact method + path template). */
export function matchRoute(method: string, path: string) {
  for (const c of compiled) {
    if (c.route.method !== method) continue;
    const m = c.pattern.exec(path);
    if (m)
      return {
        route: c.route,
        params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])),
      };
  }
  return undefined;
}

const isText = (type: string | undefined) =>
  !type || /^(text\/|application\/(json|x-www-form-urlencoded|xml))/.test(type);

/** Builds the API Gateway v2 (payload 2.0) event for a request (`'$default'`: no route took it). */
export function toEvent(
  req: IncomingMessage,
  body: Buffer,
  route: Route | typeof DEFAULT_ROUTE,
  params: Record<string, string>,
): APIGatewayProxyEventV2 {
  const key = 'routeKey' in route ? route.routeKey : routeKey(route);
  const url = new URL(req.url ?? '/', 'http://local');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined && k !== 'cookie') headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const text = isText(req.headers['content-type']);
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: req.headers.cookie ? req.headers.cookie.split(/;\s*/) : undefined,
    headers,
    queryStringParameters: Object.keys(query).length ? query : undefined,
    pathParameters: Object.keys(params).length ? params : undefined,
    body: body.length ? (text ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !text,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: req.headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    stageVariables: undefined,
  };
}

export interface ApiServerOptions {
  readonly host: string;
  readonly port: number;
  readonly invoke: (fn: FunctionName, event: APIGatewayProxyEventV2) => Promise<unknown>;
  /** Local-only pages (jobs, mailbox link) mounted under `/_local/`. */
  readonly local?: (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<boolean>;
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2) {
  const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  res.writeHead(result.statusCode ?? 200, headers);
  const body = result.body ?? '';
  res.end(result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/** The request listener: local pages first, then the route table. */
export function requestListener(options: Pick<ApiServerOptions, 'invoke' | 'local'>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readBody(req);
      if (body === 'too-large') {
        send(res, {
          statusCode: 413,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: 'Request Entity Too Large' }),
        });
        return;
      }
      const url = new URL(req.url ?? '/', 'http://local');
      if (url.pathname.startsWith('/_local/') && options.local && (await options.local(req, res, body)))
        return;
      // What no route takes goes to the `$default` route, as API Gateway does (the site's 404).
      const match = matchRoute(req.method ?? 'GET', url.pathname) ?? { route: DEFAULT_ROUTE, params: {} };
      const result = (await options.invoke(
        match.route.fn,
        toEvent(req, body, match.route, match.params),
      )) as APIGatewayProxyStructuredResultV2;
      send(res, result);
    } catch (err) {
      // API Gateway answers an integration failure with a bare 500; the handler already logged it.
      console.error(err);
      if (!res.headersSent)
        send(res, {
          statusCode: 500,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: 'Internal Server Error' }),
        });
    }
  };
}

/** The local HTTP API: the route table turned into a server that invokes the same handlers. */
export function startApiServer(options: ApiServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer(requestListener(options));
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const port = (server.address() as { port: number }).port;
      resolve({ server, url: `http://${options.host}:${port}` });
    });
  });
}
