import { ROLE_LABELS, STAFF_ROLES, type StaffAuditEntry, type StaffMember } from '../domain/staff.ts';
import { formatIct } from '../domain/time.ts';
import type { Lang } from '../i18n/lang.ts';
import { AuditTrail, Field, ListTable, withLang } from './admin-kit.tsx';
import { AdminBar } from './admin-pages.tsx';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';

const T = {
  title: { vi: 'Cán bộ', en: 'Staff' },
  intro: {
    vi: 'Người điều phối quản lý các đợt và danh sách cán bộ; cán bộ thẩm định nhận hồ sơ của các đợt có tên họ. Người bị xóa mất quyền ngay: phiên đăng nhập và đường dẫn thẩm định của họ không còn dùng được.',
    en: 'Coordinators run the calls and this list; reviewers get the dossiers of the calls that name them. A removed person loses access at once: their sessions and review links stop working.',
  },
  email: { vi: 'Email', en: 'Email' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  added: { vi: 'Thêm lúc', en: 'Added' },
  save: { vi: 'Thêm hoặc cập nhật', en: 'Add or update' },
  addTitle: { vi: 'Thêm cán bộ / đổi vai trò', en: 'Add a person / change roles' },
  remove: { vi: 'Xóa', en: 'Remove' },
  actions: { vi: 'Thao tác', en: 'Actions' },
};

const ACTIONS: Record<StaffAuditEntry['action'], { vi: string; en: string }> = {
  'add-staff': { vi: 'Thêm', en: 'Added' },
  'change-staff': { vi: 'Đổi vai trò', en: 'Roles changed' },
  'remove-staff': { vi: 'Xóa', en: 'Removed' },
  bootstrap: { vi: 'Người điều phối đầu tiên (khi triển khai)', en: 'First coordinator (deployment)' },
};

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

const R = {
  title: { vi: 'Hồ sơ đang chờ thẩm định', en: 'Dossiers awaiting review' },
  intro: {
    vi: 'Đây là các hồ sơ đang thẩm định của những đợt có tên bạn. Hãy quyết định qua đường dẫn trong email của từng hồ sơ.',
    en: 'These are the dossiers under review in the calls that name you. Decide through the link in each dossier’s email.',
  },
  none: { vi: 'Không có hồ sơ nào đang chờ.', en: 'Nothing is waiting.' },
};

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
