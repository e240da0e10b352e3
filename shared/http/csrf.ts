import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '../domain/errors.ts';
import { textOf } from '../i18n/catalog.ts';
import { HTTP_ERRORS } from '../i18n/messages/http.ts';
import type { HttpRequest } from './request.ts';

/** Methods that change something; every one of them passes the origin check. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isStateChanging = (req: Pick<HttpRequest, 'method'>) =>
  STATE_CHANGING_METHODS.has(req.method.toUpperCase());

/** A state-changing request sent by a page of another origin (a forged form or fetch). */
export class CrossOriginRequestError extends ForbiddenError {
  override name = 'CrossOriginRequestError';
  constructor(from: string) {
    super(textOf(HTTP_ERRORS.crossOrigin, from));
  }
}

/** An admin action without the form's per-session token, or with a wrong one. */
export class CsrfTokenError extends ForbiddenError {
  override name = 'CsrfTokenError';
  constructor(missing: boolean) {
    super(missing ? HTTP_ERRORS.csrfMissing : HTTP_ERRORS.csrfMismatch);
  }
}

/**
 * The origins this site answers as: the public base URL's, and the request's own Host (API Gateway's
 * custom domain or its execute-api domain, or the local server's host:port). The Host is set by the browser
 * for the site it sends to, so a page elsewhere cannot make it match its own origin. Plain `http://` only in
 * the local stage.
 */
export function isOwnOrigin(origin: string, req: Pick<HttpRequest, 'headers'>, opts: OriginOptions): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (sandboxed frames, some redirects) and garbage
  }
  if (url.origin === new URL(opts.publicBaseUrl).origin) return true;
  const host = req.headers.host ?? '';
  const schemeOk = url.protocol === 'https:' || (opts.local && url.protocol === 'http:');
  return schemeOk && host !== '' && url.host === host.toLowerCase();
}

export interface OriginOptions {
  readonly publicBaseUrl: string;
  /** The local stage (plain http). */
  readonly local: boolean;
}

/**
 * The origin check for every state-changing request (DESIGN: CSRF). A browser sends `Origin` on every
 * POST/PUT/PATCH/DELETE, and `Sec-Fetch-Site` in every current engine:
 * - `Origin` present: it must be this site's own origin; and `Sec-Fetch-Site`, when present, must be
 *   `same-origin` (or `none`: a person's own action, such as a bookmark).
 * - `Origin: null` says nothing: our pages' `Referrer-Policy: no-referrer` makes the browser send it on
 *   their own form posts (a sandboxed frame sends it too). `Sec-Fetch-Site` decides then.
 * - only `Sec-Fetch-Site` present: `same-origin` or `none`.
 * - neither: allowed. Only non-browser clients (curl, scripts, the tests' Node `fetch`) send neither, and
 *   they carry no person's ambient cookies; the admin routes also require the per-session token, which a
 *   forged request cannot know.
 * Returns the refusal, or undefined when the request may go on.
 */
export function crossOriginRefusal(
  req: Pick<HttpRequest, 'method' | 'headers'>,
  opts: OriginOptions,
): CrossOriginRequestError | undefined {
  if (!isStateChanging(req)) return undefined;
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const siteOk = site === undefined || site === 'same-origin' || site === 'none';
  if (origin !== undefined && origin !== 'null' && !isOwnOrigin(origin, req, opts))
    return new CrossOriginRequestError(origin);
  if (!siteOk) return new CrossOriginRequestError(origin ?? `Sec-Fetch-Site: ${site}`);
  return undefined;
}

/** Name of the hidden form field that carries the per-session token. */
export const CSRF_FIELD = '_csrf';
/** Header that carries it on a script's fetch. */
export const CSRF_HEADER = 'x-csrf-token';

/** The token the request presents: the `x-csrf-token` header, else the form field `_csrf`. */
export function presentedCsrfToken(req: Pick<HttpRequest, 'headers' | 'body'>): string | undefined {
  const header = req.headers[CSRF_HEADER];
  if (header) return header;
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
    return new URLSearchParams(req.body).get(CSRF_FIELD) ?? undefined;
  return undefined;
}

/** Refuses a state-changing request whose token is not the session's (constant-time comparison). */
export function requireCsrfToken(req: Pick<HttpRequest, 'method' | 'headers' | 'body'>, expected: string) {
  if (!isStateChanging(req)) return;
  const presented = presentedCsrfToken(req);
  if (!presented) throw new CsrfTokenError(true);
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new CsrfTokenError(false);
}
