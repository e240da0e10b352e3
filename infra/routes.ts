import type { FunctionName } from './functions.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `{name}` is one path segment. */
  readonly path: string;
  readonly fn: FunctionName;
}

/** The route table: the HTTP API in AWS and the local API server are both built from it. */
export const routes = [
  { method: 'GET', path: '/', fn: 'site' },
  { method: 'GET', path: '/status', fn: 'site' },
  { method: 'GET', path: '/quyen-rieng-tu', fn: 'site' },
  { method: 'POST', path: '/status', fn: 'site' },
  { method: 'GET', path: '/resume/{linkId}', fn: 'site' },
  { method: 'GET', path: '/supplement/{linkId}', fn: 'site' },
  { method: 'GET', path: '/assets/{file}', fn: 'site' },
  { method: 'GET', path: '/api/round', fn: 'intake' },
  { method: 'GET', path: '/api/wards', fn: 'intake' },
  { method: 'POST', path: '/api/applications', fn: 'intake' },
  { method: 'POST', path: '/api/resume', fn: 'intake' },
  { method: 'GET', path: '/api/applications/{id}', fn: 'intake' },
  { method: 'PUT', path: '/api/applications/{id}', fn: 'intake' },
  { method: 'POST', path: '/api/applications/{id}/uploads', fn: 'intake' },
  { method: 'DELETE', path: '/api/applications/{id}/documents/{fileId}', fn: 'intake' },
  { method: 'POST', path: '/api/applications/{id}/submit', fn: 'intake' },
  { method: 'POST', path: '/api/supplement', fn: 'intake' },
  { method: 'POST', path: '/api/applications/{id}/resubmit', fn: 'intake' },
  { method: 'GET', path: '/review/{linkId}', fn: 'review' },
  { method: 'POST', path: '/review/{linkId}', fn: 'review' },
  { method: 'GET', path: '/sign-off/{linkId}', fn: 'review' },
  { method: 'POST', path: '/sign-off/{linkId}', fn: 'review' },
  { method: 'GET', path: '/rsvp/{linkId}', fn: 'rsvp' },
  { method: 'POST', path: '/rsvp/{linkId}', fn: 'rsvp' },
  { method: 'GET', path: '/thanh-vien', fn: 'directory' },
  { method: 'GET', path: '/thanh-vien/{slug}', fn: 'directory' },
  { method: 'GET', path: '/thanh-vien/{slug}/anh/{photoId}', fn: 'directory' },
  { method: 'POST', path: '/thanh-vien/sign-in', fn: 'directory' },
  { method: 'GET', path: '/thanh-vien/profile/{linkId}', fn: 'directory' },
  { method: 'POST', path: '/thanh-vien/profile/{linkId}', fn: 'directory' },
  { method: 'POST', path: '/thanh-vien/profile/{linkId}/photos', fn: 'directory' },
  { method: 'GET', path: '/verify/{id}', fn: 'verify' },
  { method: 'GET', path: '/issuer', fn: 'verify' },
  { method: 'GET', path: '/issuer/jwks.json', fn: 'verify' },
  { method: 'POST', path: '/admin/certificates/{id}/revoke', fn: 'verify' },
  { method: 'GET', path: '/admin', fn: 'admin' },
  { method: 'POST', path: '/admin/sign-in', fn: 'admin' },
  { method: 'GET', path: '/admin/sign-in/{linkId}', fn: 'admin' },
  { method: 'POST', path: '/admin/sign-in/{linkId}', fn: 'admin' },
  { method: 'POST', path: '/admin/sign-out', fn: 'admin' },
  { method: 'GET', path: '/admin/dossiers/{id}', fn: 'admin' },
  { method: 'GET', path: '/admin/export.csv', fn: 'admin' },
  { method: 'GET', path: '/admin/check-in/{passId}', fn: 'admin' },
  { method: 'POST', path: '/admin/check-in/{passId}', fn: 'admin' },
  { method: 'GET', path: '/admin/rounds', fn: 'admin' },
  { method: 'POST', path: '/admin/rounds', fn: 'admin' },
  { method: 'GET', path: '/admin/rounds/new', fn: 'admin' },
  { method: 'GET', path: '/admin/rounds/{roundId}', fn: 'admin' },
  { method: 'POST', path: '/admin/rounds/{roundId}', fn: 'admin' },
  { method: 'POST', path: '/admin/rounds/{roundId}/open', fn: 'admin' },
  { method: 'POST', path: '/admin/rounds/{roundId}/close', fn: 'admin' },
  { method: 'POST', path: '/admin/rounds/{roundId}/delete', fn: 'admin' },
  { method: 'POST', path: '/admin/rounds/{roundId}/deadline', fn: 'admin' },
  { method: 'POST', path: '/admin/rounds/{roundId}/ceremony', fn: 'admin' },
  { method: 'GET', path: '/admin/venues', fn: 'admin' },
  { method: 'POST', path: '/admin/venues', fn: 'admin' },
  { method: 'POST', path: '/admin/venues/permit-guidance', fn: 'admin' },
  { method: 'GET', path: '/su-kien', fn: 'activities' },
  { method: 'GET', path: '/su-kien.ics', fn: 'activities' },
  { method: 'POST', path: '/hoat-dong/sign-in', fn: 'activities' },
  { method: 'GET', path: '/hoat-dong/new/{linkId}', fn: 'activities' },
  { method: 'POST', path: '/hoat-dong/new/{linkId}', fn: 'activities' },
  { method: 'GET', path: '/hoat-dong/review/{linkId}', fn: 'activities' },
  { method: 'POST', path: '/hoat-dong/review/{linkId}', fn: 'activities' },
  { method: 'GET', path: '/admin/staff', fn: 'admin' },
  { method: 'POST', path: '/admin/staff', fn: 'admin' },
  { method: 'POST', path: '/admin/staff/remove', fn: 'admin' },
  { method: 'POST', path: '/admin/members/{slug}/hide', fn: 'admin' },
  { method: 'POST', path: '/admin/members/{slug}/show', fn: 'admin' },
  { method: 'GET', path: '/admin/members', fn: 'admin' },
  { method: 'POST', path: '/admin/members/backfill', fn: 'admin' },
  { method: 'GET', path: '/admin/permits', fn: 'admin' },
  { method: 'POST', path: '/admin/permits/{activityId}', fn: 'admin' },
] as const satisfies readonly Route[];

/**
 * Every request no route above takes (an unknown path, or a known path with another method): API Gateway's
 * `$default` route in AWS, the local API server's fallback. The site function answers it with a 404 in the
 * request's language (a page, or JSON for `/api/…` and JSON clients), naming the path.
 */
export const DEFAULT_ROUTE = { routeKey: '$default', fn: 'site' } as const satisfies {
  routeKey: string;
  fn: FunctionName;
};

/** API Gateway's route key for a route, e.g. `GET /api/applications/{id}`. */
export const routeKey = (r: Pick<Route, 'method' | 'path'>): string => `${r.method} ${r.path}`;
