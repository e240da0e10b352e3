import { describe, expect, it } from 'vitest';
import { crossOriginRefusal, presentedCsrfToken, requireCsrfToken } from '../../shared/http/csrf.ts';
import { redirect } from '../../shared/http/response.ts';
import {
  contentSecurityPolicy,
  HSTS,
  uploadOriginOf,
  withSecurityHeaders,
} from '../../shared/http/security-headers.ts';
import { csrfTokenOf } from '../../shared/usecases/coordinator-session.ts';

const AWS = { publicBaseUrl: 'https://kgst.hanoi.gov.vn', local: false };
const post = (headers: Record<string, string>) => ({ method: 'POST', headers });

describe('origin check (pure)', () => {
  it('takes the public base URL, and the Host the request came to (custom domain or execute-api)', () => {
    expect(
      crossOriginRefusal(post({ origin: 'https://kgst.hanoi.gov.vn', host: 'abc.execute-api.aws' }), AWS),
    ).toBeUndefined();
    expect(
      crossOriginRefusal(post({ origin: 'https://abc.execute-api.aws', host: 'abc.execute-api.aws' }), AWS),
    ).toBeUndefined();
    // Plain http only locally
    expect(
      crossOriginRefusal(post({ origin: 'http://abc.execute-api.aws', host: 'abc.execute-api.aws' }), AWS),
    ).toBeDefined();
    const local = { publicBaseUrl: 'http://127.0.0.1:3000', local: true };
    expect(
      crossOriginRefusal(post({ origin: 'http://127.0.0.1:4000', host: '127.0.0.1:4000' }), local),
    ).toBeUndefined();
  });

  it('refuses another origin, another port of the same host, and cross-site or same-site fetch metadata', () => {
    const local = { publicBaseUrl: 'http://127.0.0.1:3000', local: true };
    const forged: Record<string, string>[] = [
      { origin: 'http://127.0.0.1:8001', host: '127.0.0.1:3000' },
      { origin: 'https://evil.example', host: 'kgst.hanoi.gov.vn' },
      { origin: 'https://kgst.hanoi.gov.vn.evil.example', host: 'kgst.hanoi.gov.vn' },
      { 'sec-fetch-site': 'cross-site', host: '127.0.0.1:3000' },
      { 'sec-fetch-site': 'same-site', host: '127.0.0.1:3000' },
      { origin: 'null', 'sec-fetch-site': 'cross-site', host: '127.0.0.1:3000' },
      { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'cross-site', host: '127.0.0.1:3000' },
    ];
    for (const headers of forged) {
      const refused = crossOriginRefusal(post(headers), local);
      expect(refused, JSON.stringify(headers)).toBeDefined();
      expect(refused!.text.en).toContain('Request refused');
    }
  });

  it('lets through GETs, our own pages’ posts (Origin null under no-referrer, same-origin), and clients that send neither header', () => {
    const local = { publicBaseUrl: 'http://127.0.0.1:3000', local: true };
    expect(
      crossOriginRefusal({ method: 'GET', headers: { origin: 'https://evil.example' } }, local),
    ).toBeUndefined();
    expect(
      crossOriginRefusal(post({ origin: 'null', 'sec-fetch-site': 'same-origin' }), local),
    ).toBeUndefined();
    expect(crossOriginRefusal(post({ 'sec-fetch-site': 'none' }), local)).toBeUndefined();
    expect(crossOriginRefusal(post({}), local)).toBeUndefined();
  });
});

describe('anti-CSRF token (pure)', () => {
  it('is bound to the session, unguessable from another, and read from the header or the form field', () => {
    const a = csrfTokenOf('session-a-0123456789abcdef0123456789abcdef');
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(csrfTokenOf('session-a-0123456789abcdef0123456789abcdef')).toBe(a);
    expect(csrfTokenOf('session-b-0123456789abcdef0123456789abcdef')).not.toBe(a);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(presentedCsrfToken({ headers: form, body: `reason=x&_csrf=${a}` })).toBe(a);
    expect(presentedCsrfToken({ headers: { 'x-csrf-token': a }, body: '{}' })).toBe(a);
    expect(() => requireCsrfToken({ method: 'POST', headers: form, body: 'x=1' }, a)).toThrow(/missing/);
    expect(() => requireCsrfToken({ method: 'POST', headers: form, body: '_csrf=nope' }, a)).toThrow(
      /does not match/,
    );
    expect(() => requireCsrfToken({ method: 'POST', headers: form, body: `_csrf=${a}` }, a)).not.toThrow();
    expect(() => requireCsrfToken({ method: 'GET', headers: {}, body: '' }, a)).not.toThrow();
  });
});

describe('security headers (pure)', () => {
  it('HSTS outside local on every response; nosniff even on a redirect; the CSP on HTML only', () => {
    const csp = contentSecurityPolicy('https://b.s3.ap-southeast-1.amazonaws.com');
    const r = withSecurityHeaders(redirect('/admin'), { hsts: true, csp });
    expect(r.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'strict-transport-security': HSTS,
    });
    expect(r.headers?.['content-security-policy']).toBeUndefined();
    const page = withSecurityHeaders(
      { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '' },
      { hsts: false, csp },
    );
    expect(page.headers?.['content-security-policy']).toBe(csp);
    expect(page.headers?.['strict-transport-security']).toBeUndefined();
    expect(HSTS).toBe('max-age=31536000; includeSubDomains');
  });

  it('the upload origin: the local emulator, or the bucket’s virtual-hosted endpoint in AWS', () => {
    expect(uploadOriginOf({ s3Endpoint: 'http://127.0.0.1:4569/', bucketName: 'x' })).toBe(
      'http://127.0.0.1:4569',
    );
    expect(uploadOriginOf({ bucketName: 'hcsn-docs', region: 'ap-southeast-1' })).toBe(
      'https://hcsn-docs.s3.ap-southeast-1.amazonaws.com',
    );
    expect(uploadOriginOf({})).toBeUndefined();
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
  });
});
