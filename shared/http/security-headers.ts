import type { HttpResult } from './response.ts';

/**
 * The Content-Security-Policy of every HTML page. Pages load only their own script and stylesheet files
 * (no inline script, style attribute or event handler; JSON data blocks are not executed), post forms only
 * to this site, and are never framed. `connect-src` adds the document bucket: the apply and supplement
 * pages send files straight to it with a presigned POST, and pdf.js reads a PDF from it with a presigned
 * GET to draw its first page. `img-src` adds the bucket too (the review page's thumbnails are presigned
 * GETs) and `blob:` (a drawn first page becomes an image of the page's own making); `worker-src 'self'`
 * is pdf.js's worker, a hashed asset of this site. `imageSources` are further image hosts a function
 * shows from: the directory's map tiles, only when a tile URL is configured.
 */
export function contentSecurityPolicy(uploadOrigin?: string, imageSources: readonly string[] = []): string {
  const bucket = uploadOrigin ? ` ${uploadOrigin}` : '';
  const images = imageSources.map((s) => ` ${s}`).join('');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' blob:${bucket}${images}`,
    `connect-src 'self'${bucket}`,
    "worker-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Where the browser posts uploads: the origin of the presigned POST's URL. Locally the S3 emulator's
 * endpoint (path-style); in AWS the bucket's virtual-hosted endpoint in the function's region (what
 * `createPresignedPost` returns). Undefined for a function without the bucket.
 */
export function uploadOriginOf(input: {
  bucketName?: string;
  region?: string;
  s3Endpoint?: string;
}): string | undefined {
  if (input.s3Endpoint) return new URL(input.s3Endpoint).origin;
  if (input.bucketName && input.region) return `https://${input.bucketName}.s3.${input.region}.amazonaws.com`;
  return undefined;
}

export interface SecurityHeaderOptions {
  /** HSTS outside the local stage (plain http there). */
  readonly hsts: boolean;
  readonly csp: string;
}

/**
 * Adds the security headers to any response a function gives: `nosniff` on every one (JSON, JWT, CSV,
 * assets, redirects), the CSP on HTML, HSTS outside local. A route's own values win, except that
 * nosniff is always set.
 */
export function withSecurityHeaders(result: HttpResult, opts: SecurityHeaderOptions): HttpResult {
  const headers: Record<string, string | number | boolean> = { ...(result.headers ?? {}) };
  const type = String(Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '');
  const has = (name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name);
  headers['x-content-type-options'] = 'nosniff';
  if (type.startsWith('text/html') && !has('content-security-policy'))
    headers['content-security-policy'] = opts.csp;
  if (opts.hsts) headers['strict-transport-security'] = HSTS;
  return { ...result, headers };
}
