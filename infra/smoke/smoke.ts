import { randomBytes } from 'node:crypto';

/**
 * Post-deploy smoke check: reads a deployed stack (or `npm start`) with GET requests only, so it never
 * changes data. Each check yields one result; `runSmoke` logs one line per result and a summary.
 */

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info' | 'skip';

export interface CheckResult {
  readonly name: string;
  readonly status: CheckStatus;
  readonly detail: string;
}

export interface SmokeOptions {
  /** Where the stack answers, e.g. `https://abc.execute-api.ap-southeast-1.amazonaws.com` (a stage path is kept). */
  readonly base: string;
  /** No open call is expected (a fresh deploy before the first round): report it without failing. */
  readonly allowNoRound?: boolean;
  /** Headers of the `warn` level in `HEADER_RULES` fail the run too. */
  readonly strictHeaders?: boolean;
  readonly log?: (line: string) => void;
  /** Per request, including reading the body. */
  readonly timeoutMs?: number;
}

/** What the round check saw: the call `/api/round` returned and whether the home page shows it open. */
export type RoundSeen =
  | { readonly found: false; readonly pageSays: string }
  | {
      readonly found: true;
      readonly id: string;
      readonly name: string;
      /** dd/MM/yyyy in Hanoi time, as the home page shows it. */
      readonly deadline: string;
      readonly accepting: boolean;
    };

export interface SmokeReport {
  readonly base: string;
  readonly results: readonly CheckResult[];
  readonly ok: boolean;
  readonly failures: readonly CheckResult[];
  readonly round?: RoundSeen;
}

/** The CSP directives every page must carry, with the exact sources the app sets (issue 13). */
export const REQUIRED_CSP: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
};

/** A Content-Security-Policy header as directive → sources (first occurrence wins, as browsers do). */
export function cspDirectives(csp: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources.join(' '));
  }
  return out;
}

/** What the page's CSP lacks of the required one (empty when it is as strict as required). */
export function cspShortfall(csp: string | null): string[] {
  const d = cspDirectives(csp);
  const lacks = Object.entries(REQUIRED_CSP)
    .filter(([name, sources]) => d.get(name) !== sources)
    .map(([name, sources]) => `${name} ${sources}`);
  if (/'unsafe-(inline|eval|hashes)'/.test(csp ?? '')) lacks.push("no 'unsafe-…' source");
  return lacks;
}

/** HSTS the app sets outside local: a year, subdomains included. */
export const HSTS_MIN_SECONDS = 31_536_000;

/**
 * Security headers expected on every HTML page, in one table so it is easy to tighten: `required` fails the
 * run when missing; `warn` is reported (⚠) and fails only with `--strict-headers`; `httpsOnly` rules are
 * skipped for an http base URL (HSTS means nothing on plain http, and the local stage does not send it).
 */
export const HEADER_RULES: readonly HeaderRule[] = [
  {
    name: 'x-content-type-options',
    level: 'required',
    expect: 'nosniff',
    ok: (h) => h.get('x-content-type-options')?.trim().toLowerCase() === 'nosniff',
  },
  {
    name: 'cache-control',
    level: 'required',
    expect: 'set',
    ok: (h) => Boolean(h.get('cache-control')?.trim()),
  },
  {
    name: 'content-security-policy',
    level: 'warn',
    expect: `${Object.entries(REQUIRED_CSP)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}, nothing unsafe`,
    ok: (h) => cspShortfall(h.get('content-security-policy')).length === 0,
  },
  {
    name: 'strict-transport-security',
    level: 'warn',
    httpsOnly: true,
    expect: `max-age >= ${HSTS_MIN_SECONDS}; includeSubDomains`,
    ok: (h) => {
      const v = h.get('strict-transport-security') ?? '';
      return Number(/max-age=(\d+)/i.exec(v)?.[1] ?? 0) >= HSTS_MIN_SECONDS && /includesubdomains/i.test(v);
    },
  },
  {
    name: 'referrer-policy',
    level: 'warn',
    expect: 'set',
    ok: (h) => Boolean(h.get('referrer-policy')?.trim()),
  },
  {
    name: 'x-frame-options/frame-ancestors',
    level: 'warn',
    expect: 'DENY, SAMEORIGIN or a CSP frame-ancestors',
    ok: (h) =>
      /^(deny|sameorigin)$/i.test(h.get('x-frame-options')?.trim() ?? '') ||
      /(^|;)\s*frame-ancestors\s/i.test(h.get('content-security-policy') ?? ''),
  },
];

export interface HeaderRule {
  readonly name: string;
  readonly level: 'required' | 'warn';
  readonly httpsOnly?: boolean;
  /** Shown when the rule is not met. */
  readonly expect: string;
  readonly ok: (headers: Headers) => boolean;
}

/** Path of the probe for an unknown path: no route has it, so API Gateway answers it, not a function. */
const UNROUTED_PREFIX = '/smoke-check-';

/** The issue that adds the headers reported as warnings. */
const HEADERS_ISSUE = 'issue 13';

const SYMBOL: Record<CheckStatus, string> = { pass: '✓', fail: '✗', warn: '⚠', info: 'ℹ', skip: '–' };

/** `base` + an absolute path (with an optional query), keeping a path prefix such as an API Gateway stage. */
export function joinUrl(base: string, path: string): string {
  const url = new URL(base);
  const [pathname = '/', query] = path.split('?', 2);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${pathname.startsWith('/') ? '' : '/'}${pathname}`;
  url.search = query ? `?${query}` : '';
  url.hash = '';
  return url.toString();
}

interface Fetched {
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  readonly contentType: string;
  readonly body: string;
  readonly ms: number;
}

class CheckFailed extends Error {}
/** A failed expectation: its message is the result's detail. */
function fail(detail: string): never {
  throw new CheckFailed(detail);
}

const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
const ACCEPT_JSON = 'application/json';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The visible text of a page (or of its `<main>` when `mainOnly`), entities decoded, whitespace squashed. */
export function pageText(html: string, mainOnly = false): string {
  const part = mainOnly ? (/<main[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? html) : html;
  return squash(
    decodeEntities(
      part
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<title>[\s\S]*?<\/title>/gi, ' ')
        .replace(/<[^>]+>/g, ' '),
    ),
  );
}

const clip = (s: string, n = 100) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Attributes of each `<tag …>` in `html`, by lower-case name. */
function tags(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

/** The deadline as the home page shows it: dd/MM/yyyy in Hanoi time. */
const hanoiDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

const describeError = (err: unknown, timeoutMs: number): string => {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
};

export async function runSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const { base, allowNoRound = false, strictHeaders = false, log = () => {}, timeoutMs = 10_000 } = options;
  const https = new URL(base).protocol === 'https:';
  const results: CheckResult[] = [];
  const cache = new Map<string, Promise<Fetched>>();
  let round: RoundSeen | undefined;

  /** GET only (never anything that writes); each path and Accept is fetched once per run. */
  const get = (path: string, accept = ACCEPT_HTML): Promise<Fetched> => {
    const key = `${accept} ${path}`;
    let p = cache.get(key);
    if (!p) {
      p = (async () => {
        const started = performance.now();
        const signal = AbortSignal.timeout(timeoutMs);
        const res = await fetch(joinUrl(base, path), {
          method: 'GET',
          redirect: 'manual',
          headers: { accept },
          signal,
        });
        const body = await res.text();
        return {
          path,
          status: res.status,
          headers: res.headers,
          contentType: res.headers.get('content-type') ?? '',
          body,
          ms: Math.round(performance.now() - started),
        };
      })();
      cache.set(key, p);
    }
    return p;
  };

  const record = (r: CheckResult) => {
    results.push(r);
    log(`${SYMBOL[r.status]} ${r.name.padEnd(38)} ${r.detail}`);
  };

  /** Runs one check: a thrown `CheckFailed` or a network error is a failed result, never an abort of the run. */
  const check = async (
    name: string,
    fn: () => Promise<{ status?: CheckStatus; detail: string }>,
  ): Promise<void> => {
    try {
      const r = await fn();
      record({ name, status: r.status ?? 'pass', detail: r.detail });
    } catch (err) {
      record({
        name,
        status: 'fail',
        detail: err instanceof CheckFailed ? err.message : `request failed: ${describeError(err, timeoutMs)}`,
      });
    }
  };

  const statusLine = (f: Fetched) => `${f.status} ${f.contentType.split(';')[0] || 'no content-type'}`;
  const timing = (f: Fetched) => `${f.ms} ms`;
  const isHtml = (f: Fetched) => /^text\/html\b/i.test(f.contentType);
  const isJson = (f: Fetched) => /^application\/([\w.+-]+\+)?json\b/i.test(f.contentType);
  const htmlLang = (f: Fetched) => /<html\b[^>]*\blang="([^"]*)"/i.exec(f.body)?.[1];
  const mustBeHtml = (f: Fetched) => {
    if (!isHtml(f)) fail(`${statusLine(f)}, not HTML · ${timing(f)}`);
  };

  /** The page says no call exists (the site answers `/` with 404 and a message then). */
  const saysNoCall = (f: Fetched) => f.status === 404 && isHtml(f);

  // The home page in both languages; 404 is the app's answer when no call exists (the round check says why).
  for (const [path, lang] of [
    ['/', 'vi'],
    ['/?lang=en', 'en'],
  ] as const) {
    await check(`site ${path}`, async () => {
      const f = await get(path);
      if (f.status !== 200 && !saysNoCall(f)) fail(`${statusLine(f)} (expected 200) · ${timing(f)}`);
      mustBeHtml(f);
      const got = htmlLang(f);
      if (got !== lang)
        fail(`${statusLine(f)}, <html lang="${got ?? ''}"> (expected "${lang}") · ${timing(f)}`);
      const note = f.status === 404 ? ' (no call: see the round check)' : '';
      return { detail: `${statusLine(f)}, lang=${lang}${note} · ${timing(f)}` };
    });
  }

  await check('open round shown on /', async () => {
    const api = await get('/api/round', ACCEPT_JSON);
    const home = await get('/');
    const noRound = (pageSays: string) => {
      const detail = `no call open: / answers ${home.status} "${clip(pageSays)}"`;
      return allowNoRound ? { status: 'info' as const, detail: `${detail} (allowed)` } : fail(detail);
    };
    if (api.status === 404) {
      const pageSays = pageText(home.body, true);
      round = { found: false, pageSays };
      return noRound(pageSays);
    }
    if (api.status !== 200 || !isJson(api)) fail(`GET /api/round: ${statusLine(api)} · ${timing(api)}`);
    let data: {
      id?: unknown;
      name?: { vi?: unknown; en?: unknown };
      deadlineAt?: unknown;
      accepting?: unknown;
    };
    try {
      data = JSON.parse(api.body);
    } catch {
      return fail(`GET /api/round: ${api.status} but not JSON · ${timing(api)}`);
    }
    const name = typeof data.name?.vi === 'string' ? squash(data.name.vi) : undefined;
    const nameEn = typeof data.name?.en === 'string' ? squash(data.name.en) : undefined;
    const deadlineAt = typeof data.deadlineAt === 'string' ? new Date(data.deadlineAt) : undefined;
    if (!name || !deadlineAt || Number.isNaN(deadlineAt.getTime()))
      fail(`GET /api/round: no name.vi or deadlineAt in ${clip(api.body, 80)}`);
    const deadline = hanoiDate.format(deadlineAt);
    const accepting = data.accepting === true;
    round = { found: true, id: String(data.id ?? ''), name: name!, deadline, accepting };

    if (home.status !== 200) fail(`/api/round has "${name}" but / answers ${statusLine(home)}`);
    const text = pageText(home.body);
    const missing = [
      ...(text.includes(name!) ? [] : [`name "${name}"`]),
      ...(text.includes(deadline) ? [] : [`deadline ${deadline}`]),
    ];
    if (nameEn) {
      const en = await get('/?lang=en');
      if (en.status === 200 && !pageText(en.body).includes(nameEn)) missing.push(`English name "${nameEn}"`);
    }
    if (missing.length) fail(`/ does not show the call's ${missing.join(', ')}`);
    if (!accepting) {
      const closed = /<section\b[^>]*class="[^"]*\bclosed\b[^"]*"[^>]*>([\s\S]*?)<\/section>/i.exec(
        home.body,
      );
      return noRound(
        `${name} — ${deadline}: ${closed ? pageText(closed[1]!) : 'closed (the API says not accepting)'}`,
      );
    }
    if (!/<form\b[^>]*\bid="apply-form"/i.test(home.body))
      fail(`/api/round says "${name}" is accepting but / has no application form`);
    return { detail: `"${clip(name!, 60)}", deadline ${deadline}, form shown · ${timing(api)}` };
  });

  await check('/status lookup form', async () => {
    const f = await get('/status');
    if (f.status !== 200) fail(`${statusLine(f)} (expected 200) · ${timing(f)}`);
    mustBeHtml(f);
    const hasForm = tags(f.body, 'form').some((a) => (a.method ?? '').toLowerCase() === 'post');
    const inputs = tags(f.body, 'input').map((a) => a.name);
    if (!hasForm || !inputs.includes('code') || !inputs.includes('email'))
      fail(`${statusLine(f)} but no POST form with code and email fields · ${timing(f)}`);
    return { detail: `${statusLine(f)}, form with code + email · ${timing(f)}` };
  });

  await check('/verify/<unknown id> → 404 page', async () => {
    const f = await get(`/verify/${randomBytes(16).toString('base64url')}`);
    if (f.status !== 404) fail(`${statusLine(f)} (expected 404) · ${timing(f)}`);
    mustBeHtml(f);
    return { detail: `${statusLine(f)} · ${timing(f)}` };
  });

  await check('/issuer/jwks.json Ed25519 key', async () => {
    const f = await get('/issuer/jwks.json', ACCEPT_JSON);
    if (f.status !== 200) fail(`${statusLine(f)} (expected 200) · ${timing(f)}`);
    if (!isJson(f)) fail(`${statusLine(f)}, not JSON · ${timing(f)}`);
    let keys: unknown;
    try {
      keys = (JSON.parse(f.body) as { keys?: unknown }).keys;
    } catch {
      return fail(`${statusLine(f)} but the body is not JSON · ${timing(f)}`);
    }
    if (!Array.isArray(keys)) return fail(`${statusLine(f)} but no "keys" array · ${timing(f)}`);
    const jwks = keys as Record<string, unknown>[];
    const priv = jwks.filter((k) => k && typeof k === 'object' && 'd' in k);
    if (priv.length) fail(`PRIVATE KEY MATERIAL ("d") in ${priv.length} published key(s)`);
    const ed = jwks.filter((k) => k?.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string');
    if (!ed.length) fail(`${statusLine(f)}, ${jwks.length} key(s) but no OKP Ed25519 key · ${timing(f)}`);
    return { detail: `${statusLine(f)}, ${ed.length} Ed25519 key(s), no private part · ${timing(f)}` };
  });

  await check('/admin without cookie → sign-in', async () => {
    const f = await get('/admin');
    if (f.status !== 200) fail(`${statusLine(f)} (expected 200) · ${timing(f)}`);
    mustBeHtml(f);
    const signIn = tags(f.body, 'form').some(
      (a) =>
        (a.method ?? '').toLowerCase() === 'post' && /(^|\/)admin\/sign-in(\?[^/]*)?$/.test(a.action ?? ''),
    );
    const email = tags(f.body, 'input').some((a) => a.name === 'email' && a.type === 'email');
    if (!signIn || !email)
      fail(`${statusLine(f)} but no email form posting to /admin/sign-in · ${timing(f)}`);
    const leaks = [
      ...(/\/admin\/sign-out/.test(f.body) ? ['sign-out form'] : []),
      ...(/\bKGST-[A-Z0-9]+-\d+/.test(f.body) ? ['dossier codes'] : []),
      ...(/\/admin\/(dossiers|export\.csv)/.test(f.body) ? ['dossier links'] : []),
    ];
    if (leaks.length) fail(`sign-in page also shows dashboard data: ${leaks.join(', ')}`);
    return { detail: `${statusLine(f)}, sign-in form, no dashboard data · ${timing(f)}` };
  });

  await check('unknown path is not a 500', async () => {
    const f = await get(`${UNROUTED_PREFIX}${randomBytes(6).toString('hex')}`);
    if (f.status >= 500) fail(`${statusLine(f)} · ${timing(f)}`);
    return { detail: `${statusLine(f)} · ${timing(f)}` };
  });

  // Headers of every HTML page fetched above (the home page, /status, /admin, the 404 pages).
  const pages: Fetched[] = [];
  for (const p of cache.values()) {
    const f = await p.catch(() => undefined);
    if (f && isHtml(f)) pages.push(f);
  }
  for (const rule of HEADER_RULES) {
    const name = `header ${rule.name}`;
    if (rule.httpsOnly && !https) {
      record({ name, status: 'skip', detail: 'not checked: the base URL is http' });
      continue;
    }
    if (!pages.length) {
      record({ name, status: 'fail', detail: 'no HTML page answered to check it on' });
      continue;
    }
    const lacking = pages.filter((f) => !rule.ok(f.headers)).map((f) => f.path);
    if (!lacking.length) {
      const sample = rule.name.includes('/') ? '' : ` (${pages[0]!.headers.get(rule.name)})`;
      record({ name, status: 'pass', detail: `on ${pages.length} HTML pages${sample}` });
      continue;
    }
    const where = lacking.length === pages.length ? `all ${pages.length} HTML pages` : lacking.join(', ');
    const missing = rule.level === 'warn' ? `missing (${HEADERS_ISSUE})` : 'missing';
    record({
      name,
      status: rule.level === 'required' || strictHeaders ? 'fail' : 'warn',
      detail: `${missing} on ${where} (expected ${rule.expect})`,
    });
  }

  // nosniff on every response the app gives, not only the pages: JSON, the issuer's keys, redirects. An
  // unrouted path is answered by API Gateway itself (and the local server standing in for it), not the app.
  {
    const all: Fetched[] = [];
    for (const p of cache.values()) {
      const f = await p.catch(() => undefined);
      if (f && !f.path.startsWith(UNROUTED_PREFIX)) all.push(f);
    }
    const lacking = all
      .filter((f) => f.headers.get('x-content-type-options')?.trim().toLowerCase() !== 'nosniff')
      .map((f) => `${f.path} (${f.contentType || f.status})`);
    record({
      name: 'header nosniff on every response',
      status: lacking.length ? (strictHeaders ? 'fail' : 'warn') : 'pass',
      detail: lacking.length
        ? `missing on ${lacking.join(', ')} (${HEADERS_ISSUE})`
        : `on ${all.length} responses`,
    });
  }

  const failures = results.filter((r) => r.status === 'fail');
  const count = (s: CheckStatus) => results.filter((r) => r.status === s).length;
  const parts = [
    `${count('pass')} passed`,
    `${failures.length} failed`,
    ...(count('warn') ? [`${count('warn')} warning${count('warn') > 1 ? 's' : ''}`] : []),
    ...(count('info') ? [`${count('info')} informational`] : []),
    ...(count('skip') ? [`${count('skip')} skipped`] : []),
  ];
  log('');
  log(`${failures.length ? '✗ FAILED' : '✓ OK'} — ${parts.join(', ')} (${base})`);
  return { base, results, ok: failures.length === 0, failures, round };
}
