import type { MemberProfile } from '../domain/directory.ts';
import { formatIct } from '../domain/time.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { MEMBERS_PAGE } from '../i18n/messages/member-admin.ts';
import { actorOf, ListTable, withLang } from './admin-kit.tsx';
import { AdminBar } from './admin-pages.tsx';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';

const M = MEMBERS_PAGE;

/**
 * `/admin/members`: the profiles a coordinator hid, with who, when and why, each with a form to show it
 * again (a reason required).
 */
export function renderMembersPage(props: {
  lang: Lang;
  email: string;
  csrf: string;
  hidden: readonly MemberProfile[];
}) {
  const { lang } = props;
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={M.title[lang]} path="/admin/members">
      <AdminBar lang={lang} email={props.email} />
      <h1>{M.title[lang]}</h1>
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
    </Layout>,
  );
}
