import { ROLE_LABELS, STAFF_ROLES, type StaffAuditEntry, type StaffMember } from '../domain/staff.ts';
import { formatIct } from '../domain/time.ts';
import type { Lang, Text } from '../i18n/lang.ts';
import { ASSIGNED_PAGE, STAFF_ACTIONS, STAFF_PAGE } from '../i18n/messages/admin.ts';
import { AuditTrail, Field, ListTable, withLang } from './admin-kit.tsx';
import { AdminBar } from './admin-pages.tsx';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';

const T = STAFF_PAGE;

const ACTIONS: Record<StaffAuditEntry['action'], Text> = STAFF_ACTIONS;

/** The staff list with its add/change form, a remove button per person, and the audit trail. */
export function renderStaffPage(props: {
  lang: Lang;
  email: string;
  /** The session's anti-CSRF token, posted back by every form on the page. */
  csrf: string;
  staff: readonly StaffMember[];
  audit: readonly StaffAuditEntry[];
}) {
  const { lang } = props;
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={T.title[lang]} path="/admin/staff">
      <AdminBar lang={lang} email={props.email} />
      <h1>{T.title[lang]}</h1>
      <p>{T.intro[lang]}</p>
      <ListTable lang={lang} class="staff" columns={[T.email, T.name, T.roles, T.added, T.actions]}>
        {props.staff.map((m) => (
          <tr data-staff={m.email}>
            <td>{m.email}</td>
            <td>{m.name}</td>
            <td>{m.roles.map((r) => ROLE_LABELS[r][lang]).join(', ')}</td>
            <td>{formatIct(m.addedAt)}</td>
            <td>
              <form method="post" action={withLang('/admin/staff/remove', lang)}>
                <CsrfField />
                <input type="hidden" name="email" value={m.email} />
                <button type="submit" class="secondary" aria-label={`${T.remove[lang]} ${m.email}`}>
                  {T.remove[lang]}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </ListTable>
      <form method="post" action={withLang('/admin/staff', lang)} class="card" id="add-staff">
        <CsrfField />
        <h2>{T.addTitle[lang]}</h2>
        <Field label={T.email[lang]}>
          <input type="email" name="email" required maxLength={254} />
        </Field>
        <Field label={T.name[lang]}>
          <input name="name" maxLength={120} />
        </Field>
        <fieldset>
          <legend>{T.roles[lang]}</legend>
          {STAFF_ROLES.map((r) => (
            <Field class="check" label={ROLE_LABELS[r][lang]}>
              <input type="checkbox" name="roles" value={r} />
            </Field>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit">{T.save[lang]}</button>
        </div>
      </form>
      <AuditTrail
        lang={lang}
        entries={props.audit.map((e) => ({
          ...e,
          what: `${ACTIONS[e.action][lang]}: ${e.email}${e.roles.length ? ` (${e.roles.map((r) => ROLE_LABELS[r][lang]).join(', ')})` : ''}`,
        }))}
      />
    </Layout>,
  );
}

const R = ASSIGNED_PAGE;

/** What a reviewer sees at `/admin`: the dossiers under review in their rounds (read-only). */
export function renderAssignedPage(props: {
  lang: Lang;
  email: string;
  /** The session's anti-CSRF token, posted back by every form on the page. */
  csrf: string;
  rounds: readonly { round: { id: string; name: { vi: string; en: string } }; items: readonly Assigned[] }[];
}) {
  const { lang } = props;
  const link = (id: string) => withLang(`/admin/dossiers/${encodeURIComponent(id)}`, lang);
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={R.title[lang]} path="/admin">
      <AdminBar lang={lang} email={props.email} coordinator={false} />
      <h1>{R.title[lang]}</h1>
      <p>{R.intro[lang]}</p>
      {props.rounds.every((r) => !r.items.length) && <p class="notice">{R.none[lang]}</p>}
      {props.rounds
        .filter((r) => r.items.length)
        .map((r) => (
          <section class="card" data-round={r.round.id}>
            <h2>{r.round.name[lang]}</h2>
            <ul>
              {r.items.map((d) => (
                <li>
                  <a href={link(d.id)}>{d.code}</a> · {d.form.space.nameVi}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </Layout>,
  );
}

interface Assigned {
  readonly id: string;
  readonly code?: string;
  readonly form: { readonly space: { readonly nameVi: string } };
}
