import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Certificates } from '../../shared/adapters/dynamodb/certificates.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Links } from '../../shared/adapters/dynamodb/links.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Staff } from '../../shared/adapters/dynamodb/staff.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { VC_JWT_MEDIA_TYPE } from '../../shared/adapters/signing/signing-key.ts';
import { type Certificate, newVerifyId } from '../../shared/domain/certificate.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { contentSecurityPolicy } from '../../shared/http/security-headers.ts';
import { acceptedPassOf, csrfTokenOf, local, mailbox, seedDossier, signInAs, unique } from './helpers.ts';

Object.assign(process.env, inject('local').env);

const COORDINATOR = 'coordinator@kgst.test';
const FOREIGN = 'http://127.0.0.1:8001'; // same site (same host, another port): SameSite=Lax let it through
const store = new Store(makeDocumentClient(), LOCAL_TABLE);
const rounds = new Rounds(store);
const _dossiers = new Dossiers(store);
const _links = new Links(store);
const staff = new Staff(store);
const certificates = new Certificates(store);
const site = (path: string) => `${local().urls.site}${path}`;
const own = () => new URL(local().urls.site).origin;
const today = () => ictDay(new Date());

const signIn = () => signInAs(store, COORDINATOR);

/** An open round of this file's own (never the current one), id as the admin routes accept it. */
async function ownRound(status: Round['status'] = 'open'): Promise<Round> {
  const tag = unique();
  const round: Round = {
    ...ROUND_2025,
    id: `csrf${tag}`,
    codePrefix: `X${tag}`,
    opensOn: addDays(today(), -10),
    deadlineDate: addDays(today(), 10),
    invitationsAt: `${addDays(today(), 30)}T09:00`,
    ceremony: { ...ROUND_2025.ceremony, at: `${addDays(today(), 40)}T15:00` },
    status,
  };
  await rounds.create(round);
  return round;
}

/** A closed round with an approved member who accepted the invitation: their check-in pass id. */
async function acceptedPass(): Promise<string> {
  const round = await ownRound('closed');
  const { d } = await seedDossier(round, 'approved', { prefix: 'it-csrf' });
  return acceptedPassOf(store, round.id, d.form.representative.email);
}

/** A valid certificate of an approved dossier, written as IssueCertificate stores it. */
async function validCertificate(): Promise<{ c: Certificate; holder: string }> {
  const round = await ownRound('closed');
  const { d } = await seedDossier(round, 'approved', { prefix: 'it-csrf' });
  const tag = unique();
  const c: Certificate = {
    id: newVerifyId(),
    dossierId: d.id,
    dossierCode: d.code,
    number: `${tag}/2026/GCN-KGST`,
    holderName: d.form.space.nameVi,
    holderAddress: 'Hà Nội',
    roundId: round.id,
    roundName: round.name,
    issuedAt: new Date().toISOString(),
    pdfKey: `certificates/${tag}.pdf`,
    status: 'valid',
  };
  await certificates.create(c, { action: 'issued', by: 'test' });
  return { c, holder: d.form.representative.email };
}

type Forge = Record<string, string>;
/** The three ways a forged request arrives, each with the coordinator's cookie. */
const FORGERIES: [string, Forge][] = [
  ['Origin of another port (same site)', { origin: FOREIGN }],
  ['Origin of another site', { origin: 'https://evil.example' }],
  ['Sec-Fetch-Site: cross-site (no Origin)', { 'sec-fetch-site': 'cross-site' }],
  ['Sec-Fetch-Site: same-site (no Origin)', { 'sec-fetch-site': 'same-site' }],
  ['Origin: null from a cross-site sandboxed frame', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
];

/** Posts a form with the cookie, the given token (or none) and extra headers; the redirect is not followed. */
function post(
  path: string,
  fields: Record<string, string>,
  cookie: string,
  token?: string,
  extra: Forge = {},
) {
  const body = new URLSearchParams(fields);
  if (token !== undefined) body.set('_csrf', token);
  return fetch(site(path), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...extra },
    body: body.toString(),
  });
}

/**
 * Every way an action can be forged, then the genuine one: each forged attempt is a 403 naming the
 * reason in the page's language and changes nothing (`unchanged` reads the record back); the genuine
 * one (own Origin, same-origin fetch metadata, the page's token) works.
 */
async function refusesForgeriesThenWorks(opts: {
  path: string;
  fields: Record<string, string>;
  cookie: string;
  unchanged: () => Promise<void>;
  works: (res: Response) => Promise<void>;
}) {
  const token = await csrfTokenOf(opts.cookie);
  for (const [what, headers] of FORGERIES) {
    const res = await post(opts.path, opts.fields, opts.cookie, token, headers);
    expect(res.status, `${opts.path}: ${what}`).toBe(403);
    const page = await res.text();
    expect(page, what).toContain('Yêu cầu bị từ chối: nó được gửi từ một trang khác');
    await opts.unchanged();
  }
  // The English page says it in English.
  const en = await post(`${opts.path}?lang=en`, opts.fields, opts.cookie, token, { origin: FOREIGN });
  expect(en.status).toBe(403);
  expect(await en.text()).toContain(`Request refused: it was sent from another site (${FOREIGN})`);
  // Right origin, but no token or a wrong one (another session's, or made up)
  const same = { origin: own(), 'sec-fetch-site': 'same-origin' };
  const noToken = await post(opts.path, opts.fields, opts.cookie, undefined, same);
  expect(noToken.status).toBe(403);
  expect(await noToken.text()).toContain('thiếu mã bảo vệ của biểu mẫu');
  const otherSession = await csrfTokenOf(await signIn());
  for (const wrong of [otherSession, `${token.slice(0, -2)}xx`, 'x']) {
    const res = await post(opts.path, opts.fields, opts.cookie, wrong, same);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('mã bảo vệ của biểu mẫu không đúng');
  }
  // JSON clients get the reason as JSON
  const json = await fetch(site(opts.path), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      cookie: opts.cookie,
    },
    body: new URLSearchParams(opts.fields).toString(),
  });
  expect(json.status).toBe(403);
  expect((await json.json()).message).toContain('thiếu mã bảo vệ');
  await opts.unchanged();
  // Both: it works. (A browser posting our own form sends `Origin: null`, as our pages say
  // `Referrer-Policy: no-referrer`, with `Sec-Fetch-Site: same-origin`: that is what the genuine post is.)
  await opts.works(
    await post(opts.path, opts.fields, opts.cookie, token, {
      origin: 'null',
      'sec-fetch-site': 'same-origin',
    }),
  );
}

describe('CSRF: admin actions with the coordinator cookie (connected)', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn();
  });

  it('extend the deadline: forged requests change nothing and email nobody; the genuine one does', async () => {
    const round = await ownRound();
    const { d } = await seedDossier(round, 'draft', { prefix: 'it-csrf' });
    const newDate = addDays(round.deadlineDate, 7);
    const extendMails = async () =>
      (await mailbox()).filter(
        (e) => e.destination.to.includes(d.form.representative.email) && e.subject.includes('Gia hạn'),
      );
    await refusesForgeriesThenWorks({
      path: `/admin/rounds/${round.id}/deadline`,
      fields: { deadlineDate: newDate },
      cookie,
      unchanged: async () => {
        expect((await rounds.get(round.id))!.deadlineDate).toBe(round.deadlineDate);
        expect(await extendMails()).toHaveLength(0);
      },
      works: async (res) => {
        expect(res.status).toBe(200);
        expect((await rounds.get(round.id))!.deadlineDate).toBe(newDate);
      },
    });
  });

  it('change the ceremony', async () => {
    const round = await ownRound();
    const at = `${addDays(today(), 45)}T16:30`;
    await refusesForgeriesThenWorks({
      path: `/admin/rounds/${round.id}/ceremony`,
      fields: { at, venueVi: 'Nhà hát Lớn Hà Nội', venueEn: 'Hanoi Opera House' },
      cookie,
      unchanged: async () => expect((await rounds.get(round.id))!.ceremony).toEqual(round.ceremony),
      works: async (res) => {
        expect(res.status).toBe(200);
        expect((await rounds.get(round.id))!.ceremony.at).toBe(at);
      },
    });
  });

  it('mark a check-in', async () => {
    const passId = await acceptedPass();
    const before = await (await fetch(site(`/admin/check-in/${passId}`), { headers: { cookie } })).text();
    await refusesForgeriesThenWorks({
      path: `/admin/check-in/${passId}`,
      fields: {},
      cookie,
      unchanged: async () =>
        expect(await (await fetch(site(`/admin/check-in/${passId}`), { headers: { cookie } })).text()).toBe(
          before,
        ),
      works: async (res) => {
        expect(res.status).toBe(200);
        expect(await res.text()).not.toBe(before);
      },
    });
  });

  it('revoke a certificate (verify function): nothing revoked, the holder not emailed', async () => {
    const { c, holder } = await validCertificate();
    const revocationMails = async () => (await mailbox()).filter((e) => e.destination.to.includes(holder));
    await refusesForgeriesThenWorks({
      path: `/admin/certificates/${c.id}/revoke`,
      fields: { reason: 'Thử nghiệm giả mạo' },
      cookie,
      unchanged: async () => {
        expect((await certificates.get(c.id))!.status).toBe('valid');
        expect(await revocationMails()).toHaveLength(0);
      },
      works: async (res) => {
        expect(res.status).toBe(303);
        expect((await certificates.get(c.id))!.status).toBe('revoked');
      },
    });
  });

  it('add a member of staff', async () => {
    const email = `csrf.${unique()}@kgst.test`;
    await refusesForgeriesThenWorks({
      path: '/admin/staff',
      fields: { email, name: 'Người thử', roles: 'reviewer' },
      cookie,
      unchanged: async () => expect(await staff.get(email)).toBeUndefined(),
      works: async (res) => {
        expect(res.status).toBe(303);
        expect((await staff.get(email))?.roles).toEqual(['reviewer']);
      },
    });
  });

  it('open and close a round', async () => {
    // Opening makes a round the public one, which other files rely on: only the refusals are played here
    // (opening itself works through the same check in rounds-as-data.test.ts).
    const draft = await ownRound('draft');
    const token = await csrfTokenOf(cookie);
    for (const [, headers] of FORGERIES) {
      expect((await post(`/admin/rounds/${draft.id}/open`, {}, cookie, token, headers)).status).toBe(403);
    }
    expect(
      (await post(`/admin/rounds/${draft.id}/open`, {}, cookie, undefined, { origin: own() })).status,
    ).toBe(403);
    expect((await rounds.get(draft.id))!.status).toBe('draft');

    const open = await ownRound('open');
    await refusesForgeriesThenWorks({
      path: `/admin/rounds/${open.id}/close`,
      fields: {},
      cookie,
      unchanged: async () => expect((await rounds.get(open.id))!.status).toBe('open'),
      works: async (res) => {
        expect(res.status).toBe(200);
        expect((await rounds.get(open.id))!.status).toBe('closed');
      },
    });
  });

  it('sign out: a forged one (even cross-site) leaves the session live; the genuine one ends it', async () => {
    const mine = await signIn();
    const live = async () => (await fetch(site('/admin/export.csv'), { headers: { cookie: mine } })).status;
    await refusesForgeriesThenWorks({
      path: '/admin/sign-out',
      fields: {},
      cookie: mine,
      unchanged: async () => expect(await live()).toBe(200),
      works: async (res) => {
        expect(res.status).toBe(303);
        expect(res.headers.getSetCookie()[0]).toContain('Max-Age=0');
        expect(await live()).toBe(403);
      },
    });
  });

  it('the emailed-link pages post from the site itself, so their origin passes; scripts without a browser send neither header', async () => {
    // A sign-in request from the site's own page (Origin = own) is taken; from another port it is not.
    const ownForm = await fetch(site('/admin/sign-in'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: own(),
        'sec-fetch-site': 'same-origin',
      },
      body: 'email=nobody%40example.vn',
    });
    expect(ownForm.status).toBe(200);
    const foreign = await fetch(site('/admin/sign-in'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: FOREIGN },
      body: 'email=nobody%40example.vn',
    });
    expect(foreign.status).toBe(403);
    // The public JSON API, from another origin, is refused in JSON
    const api = await fetch(site('/api/applications?lang=en'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(api.status).toBe(403);
    expect((await api.json()).message).toContain('Request refused');
  });
});

describe('security headers (connected)', () => {
  /** A CSP as a map of directive → sources. */
  const directives = (csp: string | null) =>
    new Map((csp ?? '').split(/;\s*/).map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));

  it('a strict CSP on every page, nosniff everywhere, no HSTS on local plain http', async () => {
    const cookie = await signIn();
    const storage = new URL(local().env.AWS_ENDPOINT_URL_S3!).origin;
    const pages = [
      '/',
      '/?lang=en',
      '/status',
      '/admin',
      '/admin/staff',
      '/verify/no-such-certificate',
      '/review/no-such-link',
    ];
    for (const path of pages) {
      const res = await fetch(site(path), { headers: path.startsWith('/admin') ? { cookie } : {} });
      expect(res.headers.get('content-type'), path).toContain('text/html');
      const csp = res.headers.get('content-security-policy');
      const d = directives(csp);
      expect(d.get('default-src'), path).toBe("'self'");
      expect(d.get('script-src'), path).toBe("'self'");
      expect(d.get('style-src'), path).toBe("'self'");
      expect(d.get('object-src'), path).toBe("'none'");
      expect(d.get('base-uri'), path).toBe("'none'");
      expect(d.get('frame-ancestors'), path).toBe("'none'");
      expect(d.get('form-action'), path).toBe("'self'");
      expect(["'self'", `'self' ${storage}`], path).toContain(d.get('connect-src'));
      expect(csp, path).not.toContain('unsafe');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
    // The apply page sends files straight to the bucket: its CSP lets it, and nothing else.
    const apply = await fetch(site('/'));
    expect(apply.headers.get('content-security-policy')).toBe(contentSecurityPolicy(storage));
  });

  it('nosniff on JSON, the VC-JWT, assets, CSV and redirects', async () => {
    const { c } = await validCertificate();
    const cookie = await signIn();
    const checks: [string, Promise<Response>][] = [
      ['JSON', fetch(site('/api/round'))],
      ['JWT', fetch(site(`/verify/${c.id}`), { headers: { accept: VC_JWT_MEDIA_TYPE } })],
      ['JWKS', fetch(site('/issuer/jwks.json'))],
      ['asset', fetch(site('/assets/site.css'))],
      ['CSV', fetch(site('/admin/export.csv'), { headers: { cookie } })],
      ['redirect', post('/admin/sign-out', {}, cookie, await csrfTokenOf(cookie))],
    ];
    for (const [what, pending] of checks) {
      const res = await pending;
      expect(res.headers.get('x-content-type-options'), `${what} ${res.status}`).toBe('nosniff');
      if (what === 'JWT') {
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe(VC_JWT_MEDIA_TYPE);
      }
      if (what !== 'redirect') expect(res.headers.get('content-security-policy'), what).toBeNull();
    }
    expect((await checks[5]![1]).status).toBe(303);
  });
});
