import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { joinUrl, runSmoke } from '../../infra/smoke/smoke.ts';
import { local } from './helpers.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
});

/** A tiny local server; every request it got is recorded as `METHOD path`. */
async function fakeStack(answer: RequestListener): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    answer(req, res);
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe('smoke check', () => {
  it('passes against the local system and finds its open round', async () => {
    const lines: string[] = [];
    const report = await runSmoke({ base: local().urls.site, log: (l) => lines.push(l) });

    expect(report.failures, lines.join('\n')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.results.filter((r) => !['pass', 'warn', 'skip'].includes(r.status))).toEqual([]);
    const round = report.results.find((r) => r.name === 'open round shown on /');
    expect(round?.status).toBe('pass');
    expect(report.round).toMatchObject({ found: true, accepting: true });
    expect(report.round?.found && report.round.deadline).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    // One line per check and a summary.
    expect(lines).toHaveLength(report.results.length + 2);
    expect(lines.at(-1)).toMatch(/^✓ OK — \d+ passed, 0 failed/);
  });

  it('fails, naming each failing check, against a stack that answers 500 everywhere; GET only', async () => {
    const stack = await fakeStack((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"Internal Server Error"}');
    });
    const lines: string[] = [];
    // A stage path, as API Gateway URLs have: every request must stay under it.
    const report = await runSmoke({ base: `${stack.url}/prod`, log: (l) => lines.push(l) });

    expect(report.ok).toBe(false);
    const failed = report.failures.map((r) => r.name);
    for (const name of [
      'site /',
      'site /?lang=en',
      'open round shown on /',
      '/status lookup form',
      '/verify/<unknown id> → 404 page',
      '/issuer/jwks.json Ed25519 key',
      '/admin without cookie → sign-in',
      'unknown path is not a 500',
      'header x-content-type-options',
      'header cache-control',
    ]) {
      expect(failed, lines.join('\n')).toContain(name);
    }
    expect(report.failures.find((r) => r.name === 'unknown path is not a 500')?.detail).toMatch(/^500 /);
    expect(lines.at(-1)).toMatch(/^✗ FAILED — 0 passed, \d+ failed/);
    expect(stack.requests.length).toBeGreaterThan(0);
    for (const r of stack.requests) expect(r).toMatch(/^GET \/prod\//);
  });

  it('reports a stack without a call as failed, or as information with allowNoRound', async () => {
    const noCall =
      '<!doctype html><html lang="vi"><main><h1>Không tìm thấy</h1><p>Chưa có đợt đăng ký nào.</p></main></html>';
    const stack = await fakeStack((req, res) => {
      if (req.url?.startsWith('/api/')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"message":"Chưa có đợt đăng ký nào."}');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(noCall);
    });
    const roundCheck = (r: Awaited<ReturnType<typeof runSmoke>>) =>
      r.results.find((c) => c.name === 'open round shown on /');

    const strict = await runSmoke({ base: stack.url });
    expect(roundCheck(strict)).toMatchObject({ status: 'fail' });
    expect(roundCheck(strict)?.detail).toContain(
      'no call open: / answers 404 "Không tìm thấy Chưa có đợt đăng ký nào."',
    );
    expect(strict.round).toEqual({ found: false, pageSays: 'Không tìm thấy Chưa có đợt đăng ký nào.' });

    const allowed = await runSmoke({ base: stack.url, allowNoRound: true });
    expect(roundCheck(allowed)?.status).toBe('info');
    // The home page's 404 is the app's answer without a call, not a failure of its own.
    expect(allowed.results.find((c) => c.name === 'site /')?.status).toBe('pass');
  });

  it('with --strict-headers passes against the local system (its CSP and nosniff), and fails a weak CSP', async () => {
    const lines: string[] = [];
    const report = await runSmoke({
      base: local().urls.site,
      strictHeaders: true,
      log: (l) => lines.push(l),
    });
    expect(report.failures, lines.join('\n')).toEqual([]);
    const csp = report.results.find((r) => r.name === 'header content-security-policy');
    expect(csp?.status).toBe('pass');
    expect(report.results.find((r) => r.name === 'header nosniff on every response')?.status).toBe('pass');
    // HSTS is only checked over https (the local stage is plain http and does not send it).
    expect(report.results.find((r) => r.name === 'header strict-transport-security')?.status).toBe('skip');

    const weak = await fakeStack((_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy':
          "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      });
      res.end('<!doctype html><html lang="vi"><main><h1>Trang</h1></main></html>');
    });
    const weakReport = await runSmoke({ base: weak.url, strictHeaders: true, allowNoRound: true });
    const weakCsp = weakReport.results.find((r) => r.name === 'header content-security-policy');
    expect(weakCsp?.status).toBe('fail');
    expect(weakCsp?.detail).toContain('nothing unsafe');
  });

  it('joins paths under a stage prefix', () => {
    expect(joinUrl('https://x.example/prod', '/')).toBe('https://x.example/prod/');
    expect(joinUrl('https://x.example/prod/', '/?lang=en')).toBe('https://x.example/prod/?lang=en');
    expect(joinUrl('http://127.0.0.1:3000', '/issuer/jwks.json')).toBe(
      'http://127.0.0.1:3000/issuer/jwks.json',
    );
  });
});
