import type { MemberProfile } from '../domain/directory.ts';
import { formatIct } from '../domain/time.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { MEMBERS_PAGE, PERMITS_PAGE } from '../i18n/messages/member-admin.ts';
import { whenOf } from '../mail/activity-emails.tsx';
import type { PermitEntry } from '../usecases/permits.ts';
import { actorOf, withLang } from './admin-kit.tsx';
import { AdminBar } from './admin-pages.tsx';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';

const P = PERMITS_PAGE;

/**
 * `/admin/permits`: the approved activities to come that need a permit, each with its state — obtained (by
 * whom, when) or a button that marks it.
 */
export function renderPermitsPage(props: {
  lang: Lang;
  email: string;
  csrf: string;
  entries: readonly PermitEntry[];
}) {
  const { lang } = props;
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={P.title[lang]} path="/admin/permits">
      <AdminBar lang={lang} email={props.email} />
      <h1>{P.title[lang]}</h1>
      <p>{P.intro[lang]}</p>
      {props.entries.length === 0 ? (
        <p class="notice" id="no-permits">
          {P.none[lang]}
        </p>
      ) : (
        // One card per activity: five facts side by side would pass a phone's edge.
        props.entries.map(({ activity: a, obtained }) => {
          const title = lang === 'en' ? a.titleEn : a.titleVi;
          return (
            <section class="card" data-activity={a.id} data-permit={obtained ? 'obtained' : 'pending'}>
              <h2>{title}</h2>
              <dl>
                <dt>{P.when[lang]}</dt>
                <dd>{whenOf(a)}</dd>
                <dt>{P.venue[lang]}</dt>
                <dd>{a.venueName[lang]}</dd>
                <dt>{P.member[lang]}</dt>
                <dd>
                  {a.memberSlug ? (
                    <a href={withLang(`/thanh-vien/${a.memberSlug}`, lang)}>{a.memberName}</a>
                  ) : (
                    a.memberName
                  )}
                </dd>
                <dt>{P.contact[lang]}</dt>
                <dd>
                  {a.contactName} · {a.contactPhone}
                </dd>
                <dt>{P.permit[lang]}</dt>
                <dd class="permit-state">
                  {obtained
                    ? say(P.obtained, lang, formatIct(obtained.at), actorOf(obtained.by, lang))
                    : P.pending[lang]}
                </dd>
              </dl>
              {!obtained && (
                <form method="post" action={withLang(`/admin/permits/${encodeURIComponent(a.id)}`, lang)}>
                  <CsrfField />
                  <div class="actions">
                    <button type="submit" aria-label={say(P.markFor, lang, title)}>
                      {P.mark[lang]}
                    </button>
                  </div>
                </form>
              )}
            </section>
          );
        })
      )}
    </Layout>,
  );
}

const M = MEMBERS_PAGE;

/**
 * `/admin/members`: the profiles a coordinator hid, with who, when and why, each with a form to show it
 * again (a reason required); and the backfill of the profiles members certified earlier lack.
 */
export function renderMembersPage(props: {
  lang: Lang;
  email: string;
  csrf: string;
  hidden: readonly MemberProfile[];
  /** The backfill was just handed to the jobs function. */
  backfillStarted?: boolean;
}) {
  const { lang } = props;
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={M.title[lang]} path="/admin/members">
      <AdminBar lang={lang} email={props.email} />
      <h1>{M.title[lang]}</h1>
      {props.backfillStarted && (
        <p class="notice notice-ok" role="status" id="backfill-started">
          {M.backfillStarted[lang]}
        </p>
      )}
      <p>{M.intro[lang]}</p>
      {props.hidden.length === 0 ? (
        <p class="notice" id="no-hidden">
          {M.none[lang]}
        </p>
      ) : (
        props.hidden.map((m, i) => (
          <section class="card" data-hidden-member={m.slug}>
            <h2>{m.name}</h2>
            <dl>
              <dt>{M.hiddenAt[lang]}</dt>
              <dd>{m.hidden ? formatIct(m.hidden.at) : ''}</dd>
              <dt>{M.hiddenBy[lang]}</dt>
              <dd>{m.hidden ? actorOf(m.hidden.by, lang) : ''}</dd>
              <dt>{M.reason[lang]}</dt>
              <dd>{m.hidden?.reason ?? ''}</dd>
              <dt>{M.dossier[lang]}</dt>
              <dd>
                <a href={withLang(`/admin/dossiers/${encodeURIComponent(m.dossierId)}`, lang)}>
                  {m.dossierId}
                </a>
              </dd>
            </dl>
            <form method="post" action={withLang(`/admin/members/${encodeURIComponent(m.slug)}/show`, lang)}>
              <CsrfField />
              <label for={`show-reason-${i}`}>{M.showReason[lang]}</label>
              <textarea
                id={`show-reason-${i}`}
                name="reason"
                required
                minLength={3}
                maxLength={1000}
                rows={2}
              />
              <div class="actions">
                <button type="submit" aria-label={say(M.showFor, lang, m.name)}>
                  {M.show[lang]}
                </button>
              </div>
            </form>
          </section>
        ))
      )}
      <form method="post" action={withLang('/admin/members/backfill', lang)} class="card" id="backfill">
        <CsrfField />
        <h2>{M.backfillTitle[lang]}</h2>
        <p>{M.backfillIntro[lang]}</p>
        <div class="actions">
          <button type="submit" class="secondary">
            {M.backfill[lang]}
          </button>
        </div>
      </form>
    </Layout>,
  );
}
