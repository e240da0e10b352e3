import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { ifSet } from '../config.ts';
import { DomainError, NotFoundError, RateLimitedError, ValidationError } from '../domain/errors.ts';
import { LocalEndpointEnv } from '../env.ts';
import { say } from '../i18n/catalog.ts';
import { HTTP_ERRORS } from '../i18n/messages/http.ts';
import { countMetric, logger, observed } from '../observability.ts';
import { renderErrorPage } from '../pages/error-page.tsx';
import { config } from '../runtime.ts';
import { crossOriginRefusal } from './csrf.ts';
import { type HttpRequest, toRequest } from './request.ts';
import { type HttpResult, html, json } from './response.ts';
import { contentSecurityPolicy, uploadOriginOf, withSecurityHeaders } from './security-headers.ts';
import { STATUS_BY_KIND } from './status-map.ts';

export type RouteHandler = (req: HttpRequest) => Promise<HttpResult>;

/**
 * JSON for the API and for a page's machine-readable form (`?format=json`, e.g. /verify's link), an HTML
 * page for everything a person opens in a browser.
 */
const wantsJson = (req: HttpRequest) =>
  req.path.startsWith('/api/') ||
  req.query.format === 'json' ||
  (req.headers.accept ?? '').startsWith('application/json');

/** The expose rule: domain errors reach the client in its language; anything else is a generic 500 with the request id. */
export function errorResponse(err: unknown, req: HttpRequest): HttpResult {
  if (err instanceof DomainError) {
    const status = STATUS_BY_KIND[err.kind];
    const message = err.text[req.lang];
    // Past a rate limit: when to try again, for browsers and scripts alike.
    const limited = err instanceof RateLimitedError ? err : undefined;
    const retry: Record<string, string> = limited ? { 'retry-after': String(limited.retryAfterSeconds) } : {};
    if (wantsJson(req)) {
      return json(
        status,
        {
          message,
          ...(err instanceof ValidationError ? { issues: err.issuesIn(req.lang) } : {}),
          ...('existing' in err ? { existing: err.existing } : {}),
          ...(limited ? { retryAt: limited.retryAt.toISOString() } : {}),
        },
        retry,
      );
    }
    return html(
      status,
      renderErrorPage({
        lang: req.lang,
        status,
        message,
        issues: err instanceof ValidationError ? err.issuesIn(req.lang) : [],
        // The language switch reopens what was asked for; a POST's answer switches on the home page.
        ...(req.method === 'GET' ? { path: req.path } : {}),
      }),
      retry,
    );
  }
  logger.error('Unhandled error', { error: err as Error });
  // A 500 is an answer, not a Lambda error: counted here so the alarm sees it (dimension: the function).
  countMetric('UnhandledErrors');
  const message = say(HTTP_ERRORS.serverError, req.lang, req.requestId);
  return wantsJson(req)
    ? json(500, { message, requestId: req.requestId })
    : html(500, renderErrorPage({ lang: req.lang, status: 500, message, issues: [] }));
}

/**
 * Builds a Lambda handler for an HTTP API function from its routes (keyed by API Gateway route key,
 * e.g. `GET /api/round`). Middleware first, handler last. `imageSources`: image hosts its pages show
 * from beyond this site and the bucket (the directory's map tiles, when configured).
 */
export function httpHandler(
  routes: Record<string, RouteHandler>,
  options: { readonly imageSources?: readonly string[] } = {},
) {
  const origins = { publicBaseUrl: config.publicBaseUrl, local: config.stage === 'local' };
  const headers = {
    hsts: config.stage !== 'local',
    csp: contentSecurityPolicy(
      uploadOriginOf({
        // Only the functions that upload or link documents have a bucket.
        bucketName: ifSet(config, 'bucketName'),
        // Lambda sets AWS_REGION; locally the S3 emulator's endpoint is the upload origin.
        region: process.env.AWS_REGION,
        s3Endpoint: config.stage === 'local' ? process.env[LocalEndpointEnv.s3] : undefined,
      }),
      options.imageSources,
    ),
  };
  const answer = async (req: HttpRequest): Promise<HttpResult> => {
    const route = routes[req.routeKey];
    if (!route) {
      return errorResponse(new NotFoundError(HTTP_ERRORS.pageNotFound), req);
    }
    // A state-changing request from another origin is refused before any route runs (CSRF).
    const refused = crossOriginRefusal(req, origins);
    if (refused) {
      logger.warn('Cross-origin request refused', {
        routeKey: req.routeKey,
        origin: req.headers.origin,
        secFetchSite: req.headers['sec-fetch-site'],
      });
      return errorResponse(refused, req);
    }
    try {
      return await route(req);
    } catch (err) {
      return errorResponse(err, req);
    }
  };
  const main = async (event: APIGatewayProxyEventV2, _context: Context): Promise<HttpResult> =>
    withSecurityHeaders(await answer(toRequest(event)), headers);
  return middy<APIGatewayProxyEventV2, HttpResult>().use(observed()).handler(main);
}
