import type { Certificate } from '../domain/certificate.ts';
import type { MemberProfile } from '../domain/directory.ts';
import {
  DOSSIER_STATUSES,
  type Dossier,
  type DossierStatus,
  type HistoryEntry,
  STATUS_LABELS,
  type StoredDocument,
} from '../domain/dossier.ts';
import { CREATIVE_FIELD_LABELS, CREATIVE_FIELDS, FIELD_LABELS } from '../domain/form-labels.ts';
import type { Round } from '../domain/round.ts';
import { formatIct } from '../domain/time.ts';
import { WARDS, wardByCode } from '../domain/wards.ts';
import type { Lang } from '../i18n/lang.ts';
import { ADMIN_NAV, ADMIN_PAGES } from '../i18n/messages/admin.ts';
import type { DossierPage, ListFilter } from '../usecases/coordinator-dashboard.ts';
import { actorOf, withLang } from './admin-kit.tsx';
import { asset } from './assets.ts';
import { CsrfField } from './csrf-field.tsx';
import { MemberAdminCard } from './directory-pages.tsx';
import { DossierFieldList } from './dossier-fields.tsx';
import { Layout, renderPage } from './layout.tsx';
import { RoundForms } from './round-admin-pages.tsx';

const T = ADMIN_PAGES;

const q = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

function SignInForm({ lang }: { lang: Lang }) {
  return (
    <form method="post" action={`/admin/sign-in${q(lang)}`} class="card">
      <p>{T.signInIntro[lang]}</p>
      <label for="admin-email">Email</label>
      <input id="admin-email" name="email" type="email" required autocomplete="email" maxLength={254} />
      <div class="actions">
        <button type="submit">{T.send[lang]}</button>
      </div>
    </form>
  );
}

/** GET /admin without a session (200) and any admin page without one (403): the sign-in form, no data. */
export function renderSignInPage(props: {
  lang: Lang;
  message?: string;
  /**
   * Opened from another site (a webmail link): the browser did not send the SameSite=Strict cookie, so
   * the person may well be signed in. This link of our own opens the same page with it.
   */
  openAgain?: string;
}) {
  const { lang } = props;
  return renderPage(
    <Layout lang={lang} title={T.signIn[lang]} path="/admin">
      <h1>{props.message ? T.mustSignIn[lang] : T.signIn[lang]}</h1>
      {props.message && (
        <p class="notice notice-error" role="alert">
          {props.message}
        </p>
      )}
      {props.openAgain && (
        <p class="notice" id="open-again">
          {T.openAgainIntro[lang]} <a href={withLang(props.openAgain, lang)}>{T.openAgain[lang]}</a>
        </p>
      )}
      <SignInForm lang={lang} />
    </Layout>,
  );
}

/** After the sign-in form: the same answer whether or not the address is a coordinator's. */
export function renderSignInSentPage(props: { lang: Lang }) {
  const { lang } = props;
  return renderPage(
    <Layout lang={lang} title={T.signIn[lang]} path="/admin">
      <h1>{T.signIn[lang]}</h1>
      <p class="notice notice-ok" role="status">
        {T.sent[lang]}
      </p>
    </Layout>,
  );
}

/** The page behind the emailed link: it only shows; its script POSTs the secret from the fragment. */
export function renderSignInLinkPage(props: { lang: Lang; linkId: string }) {
  const { lang, linkId } = props;
  return renderPage(
    <Layout lang={lang} title={T.signIn[lang]} path={`/admin/sign-in/${linkId}`} scripts={[asset('admin')]}>
      <h1>{T.signIn[lang]}</h1>
      <section id="admin-sign-in" class="card" data-link-id={linkId}>
        <p>{T.linkIntro[lang]}</p>
        <p id="admin-sign-in-message" role="alert" hidden />
        <div class="actions">
          <button type="button" id="admin-sign-in-go">
            {T.go[lang]}
          </button>
          <a id="admin-sign-in-again" href={withLang('/admin', lang)} hidden>
            {T.send[lang]}
          </a>
        </div>
      </section>
    </Layout>,
  );
}

const NAV = ADMIN_NAV;

/** The signed-in person, the staff pages (coordinators), and sign-out. */
export function AdminBar({
  lang,
  email,
  coordinator = true,
}: {
  lang: Lang;
  email: string;
  coordinator?: boolean;
}) {
  return (
    <form method="post" action={`/admin/sign-out${q(lang)}`} class="actions admin-bar">
      <CsrfField />
      {coordinator && (
        <nav aria-label={T.dashboard[lang]}>
          <a href={withLang('/admin', lang)}>{NAV.dashboard[lang]}</a> ·{' '}
          <a href={withLang('/admin/rounds', lang)}>{NAV.rounds[lang]}</a> ·{' '}
          <a href={withLang('/admin/staff', lang)}>{NAV.staff[lang]}</a> ·{' '}
          <a href={withLang('/admin/venues', lang)}>{NAV.venues[lang]}</a> ·{' '}
          <a href={withLang('/admin/permits', lang)}>{NAV.permits[lang]}</a> ·{' '}
          <a href={withLang('/admin/members', lang)}>{NAV.members[lang]}</a>
        </nav>
      )}
      <span>{email}</span>
      <button type="submit" class="secondary">
        {T.signOut[lang]}
      </button>
    </form>
  );
}

/** The round at a glance: counts by status, filters, one page of the list. */
export function renderDashboardPage(props: {
  lang: Lang;
  email: string;
  /** The session's anti-CSRF token, posted back by every form on the page. */
  csrf: string;
  page: DossierPage;
  filter: ListFilter;
  /** RSVP answers to the ceremony invitation of the round. */
  rsvp?: { attending: number; declined: number; guests: number };
}) {
  const { lang, page, filter } = props;
  const listLink = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, next: undefined, ...extra })) if (v) params.set(k, v);
    if (lang === 'en') params.set('lang', 'en');
    const s = params.toString();
    return `/admin${s ? `?${s}` : ''}`;
  };
  const total = DOSSIER_STATUSES.reduce((n, s) => n + page.counts[s], 0);
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={T.dashboard[lang]} path="/admin">
      <AdminBar lang={lang} email={props.email} />
      <h1>
        {T.dashboard[lang]} · {page.round.name[lang]}
      </h1>
      <section class="card" aria-label={T.status[lang]}>
        <table class="counts">
          <tbody>
            {DOSSIER_STATUSES.map((s) => (
              <tr data-status={s}>
                <th scope="row">
                  <a href={listLink({ status: s })}>{STATUS_LABELS[s][lang]}</a>
                </th>
                <td class="count">{page.counts[s]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{T.total[lang]}</th>
              <td class="count">{total}</td>
            </tr>
          </tbody>
        </table>
      </section>
      {props.rsvp && (
        <section class="card" aria-label={T.rsvp[lang]}>
          <h2>{T.rsvp[lang]}</h2>
          <table class="counts rsvp-counts">
            <tbody>
              <tr data-rsvp="attending">
                <th scope="row">{T.attending[lang]}</th>
                <td class="count">{props.rsvp.attending}</td>
              </tr>
              <tr data-rsvp="guests">
                <th scope="row">{T.guests[lang]}</th>
                <td class="count">{props.rsvp.guests}</td>
              </tr>
              <tr data-rsvp="declined">
                <th scope="row">{T.declined[lang]}</th>
                <td class="count">{props.rsvp.declined}</td>
              </tr>
            </tbody>
          </table>
        </section>
      )}
      <p>
        <a href={withLang(`/admin/rounds/${page.round.id}`, lang)}>{T.manageRound[lang]}</a> ·{' '}
        <a href={withLang('/admin/rounds', lang)}>{T.otherRounds[lang]}</a>
      </p>
      {page.round.status === 'open' && <RoundForms lang={lang} round={page.round} />}
      <form method="get" action="/admin" class="card filters">
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        {filter.round && <input type="hidden" name="round" value={filter.round} />}
        <label>
          {T.status[lang]}
          <select name="status">
            <option value="">{T.all[lang]}</option>
            {DOSSIER_STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {STATUS_LABELS[s][lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {FIELD_LABELS['space.creativeFields']![lang]}
          <select name="field">
            <option value="">{T.anyField[lang]}</option>
            {CREATIVE_FIELDS.map((f) => (
              <option value={f} selected={filter.field === f}>
                {CREATIVE_FIELD_LABELS[f][lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {T.ward[lang]}
          <select name="ward">
            <option value="">{T.anyWard[lang]}</option>
            {WARDS.map((w) => (
              <option value={w.code} selected={filter.ward === w.code}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {T.search[lang]}
          <input type="search" name="q" value={filter.q ?? ''} maxLength={100} />
        </label>
        <div class="actions">
          <button type="submit">{T.filter[lang]}</button>
          <a
            href={withLang(
              `/admin/export.csv?${new URLSearchParams({ round: page.round.id, ...(filter.status ? { status: filter.status } : {}) })}`,
              lang,
            )}
          >
            {T.csv[lang]}
          </a>
        </div>
      </form>
      <section class="card">
        {page.items.length === 0 ? (
          <p>{T.none[lang]}</p>
        ) : (
          <table class="dossiers">
            <thead>
              <tr>
                <th>{T.code[lang]}</th>
                <th>{T.space[lang]}</th>
                <th>{T.ward[lang]}</th>
                <th>{T.status[lang]}</th>
                <th>{T.updated[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((d) => (
                <tr>
                  <td>
                    <a href={withLang(`/admin/dossiers/${encodeURIComponent(d.id)}`, lang)}>
                      {d.code ?? '—'}
                    </a>
                  </td>
                  <td>{d.form.space.nameVi}</td>
                  <td>{d.form.space.wardCode ? (wardByCode(d.form.space.wardCode)?.name ?? '') : ''}</td>
                  <td>{STATUS_LABELS[d.status][lang]}</td>
                  <td>{formatIct(d.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {page.next && (
          <p>
            <a rel="next" href={listLink({ next: page.next })}>
              {T.next[lang]} →
            </a>
          </p>
        )}
      </section>
    </Layout>,
  );
}

/**
 * One audit event: a status change reads "from → to", a remark (a reminder, an opinion, the certificate's
 * issue or revocation) reads as its note alone, each with who acted.
 */
function Transition({ e, lang }: { e: HistoryEntry; lang: Lang }) {
  const label = (s: DossierStatus | null) => (s ? STATUS_LABELS[s][lang] : '—');
  const remark = e.from === e.to && e.note;
  return (
    <li data-from={e.from ?? 'none'} data-to={e.to}>
      <time datetime={e.at}>{formatIct(e.at)}</time> ·{' '}
      {remark ? e.note![lang] : `${label(e.from)} → ${label(e.to)}`} · {actorOf(e.by, lang)}
      {!remark && e.note ? ` · ${e.note[lang]}` : ''}
    </li>
  );
}

/** The dossier's certificate: number, verification link, status; while valid, a form to revoke it with a reason. */
function CertificateCard({ lang, c }: { lang: Lang; c: Certificate & { verifyUrl: string } }) {
  const revoked = c.status === 'revoked';
  return (
    <section class="card" id="certificate" data-certificate-status={c.status}>
      <h2>{T.certificate[lang]}</h2>
      <dl>
        <dt>{T.certNumber[lang]}</dt>
        <dd>{c.number}</dd>
        <dt>{T.certIssued[lang]}</dt>
        <dd>{formatIct(c.issuedAt)}</dd>
        <dt>{T.certVerify[lang]}</dt>
        <dd>
          <a href={c.verifyUrl}>{c.verifyUrl}</a>
        </dd>
        <dt>{T.status[lang]}</dt>
        <dd>
          <strong>{revoked ? T.certRevoked[lang] : T.certValid[lang]}</strong>
          {revoked &&
            ` · ${c.revokedAt ? formatIct(c.revokedAt) : ''} · ${c.revokedBy ?? ''} · ${c.revocationReason ?? ''}`}
        </dd>
      </dl>
      {!revoked && (
        <form method="post" action={withLang(`/admin/certificates/${encodeURIComponent(c.id)}/revoke`, lang)}>
          <CsrfField />
          <label for="revoke-reason">{T.revokeReason[lang]}</label>
          <textarea id="revoke-reason" name="reason" required minLength={3} maxLength={1000} rows={3} />
          <p class="hint">{T.revokeHint[lang]}</p>
          <div class="actions">
            <button type="submit">{T.revoke[lang]}</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** One dossier in full, with its documents (short-lived links), public history and audit trail. */
export function renderAdminDossierPage(props: {
  lang: Lang;
  email: string;
  /** The session's anti-CSRF token, posted back by every form on the page. */
  csrf: string;
  dossier: Dossier;
  round?: Round;
  documents: readonly (StoredDocument & { url: string })[];
  audit: readonly HistoryEntry[];
  certificate?: Certificate & { verifyUrl: string };
  /** Other dossiers of the round with the same space name (another email and registration number). */
  sameName?: readonly { dossierId: string; code?: string }[];
  /** The member's public profile in the directory (issue 16), which a coordinator may hide. */
  member?: MemberProfile;
}) {
  const { lang, dossier: d, round } = props;
  const slotTitle = (slot: string) => round?.checklist.find((s) => s.slot === slot)?.title[lang] ?? slot;
  return renderPage(
    <Layout
      csrf={props.csrf}
      lang={lang}
      title={`${d.code ?? d.form.space.nameVi} · ${T.dashboard[lang]}`}
      path={`/admin/dossiers/${d.id}`}
    >
      <AdminBar lang={lang} email={props.email} />
      <p>
        <a href={withLang('/admin', lang)}>{T.back[lang]}</a>
      </p>
      <h1>
        {d.code ?? '—'} · {d.form.space.nameVi}
      </h1>
      <p>
        {T.status[lang]}: <strong>{STATUS_LABELS[d.status][lang]}</strong>
        {d.submittedAt && ` · ${T.submittedAt[lang]} ${formatIct(d.submittedAt)}`}
      </p>
      {!!props.sameName?.length && (
        <section class="card" id="same-name" role="note">
          <h2>{T.sameNameTitle[lang]}</h2>
          <p>
            {T.sameNameText[lang]}{' '}
            {props.sameName.map((o, i) => (
              <>
                {i > 0 && ', '}
                <a href={withLang(`/admin/dossiers/${encodeURIComponent(o.dossierId)}`, lang)}>
                  {o.code ?? o.dossierId}
                </a>
              </>
            ))}
          </p>
        </section>
      )}
      <DossierFieldList d={d} lang={lang} />
      <section class="card">
        <h2>{T.documents[lang]}</h2>
        <p class="hint">{T.downloadHint[lang]}</p>
        <ul>
          {props.documents.map((doc) => (
            <li>
              {slotTitle(doc.slot)}: <a href={doc.url}>{doc.name}</a> (
              {Math.ceil((doc.verifiedSize ?? doc.declaredSize) / 1024)} KB)
            </li>
          ))}
        </ul>
      </section>
      {props.certificate && <CertificateCard lang={lang} c={props.certificate} />}
      {props.member && <MemberAdminCard lang={lang} member={props.member} />}
      <section class="card">
        <h2>{T.history[lang]}</h2>
        <ol class="history">
          {d.history.map((e) => (
            <Transition e={e} lang={lang} />
          ))}
        </ol>
      </section>
      <section class="card" id="audit">
        <h2>{T.audit[lang]}</h2>
        <ol class="audit">
          {props.audit.map((e) => (
            <Transition e={e} lang={lang} />
          ))}
        </ol>
      </section>
    </Layout>,
  );
}
