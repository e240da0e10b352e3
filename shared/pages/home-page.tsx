import {
  CREATIVE_FIELD_LABELS,
  CREATIVE_FIELDS,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  SPACE_TYPE_LABELS,
  SPACE_TYPES,
} from '../domain/application-schema.ts';
import { deadlineOf, isAcceptingApplications, type Round } from '../domain/round.ts';
import { formatIct } from '../domain/time.ts';
import type { Lang, Text } from '../i18n/lang.ts';
import { DocumentSlotBlock, scriptJson, slotForScript } from './document-slot.tsx';
import { Layout, renderPage } from './layout.tsx';

const T = {
  benefits: { vi: 'Quyền lợi của thành viên', en: 'Membership benefits' },
  deadline: { vi: 'Hạn nộp hồ sơ: ', en: 'Deadline: ' },
  ict: { vi: ' (giờ Hà Nội, UTC+7)', en: ' (Hanoi time, UTC+7)' },
  checklist: { vi: 'Tài liệu cần chuẩn bị', en: 'Documents to prepare' },
  required: { vi: 'bắt buộc', en: 'required' },
  optional: { vi: 'không bắt buộc', en: 'optional' },
  closedTitle: { vi: 'Đợt đăng ký đã đóng', en: 'The call is closed' },
  closed: {
    vi: 'Đợt đăng ký này không còn nhận hồ sơ. Bạn vẫn có thể tra cứu hồ sơ đã nộp.',
    en: 'This call no longer takes applications. Submitted dossiers can still be looked up.',
  },
  lookup: { vi: 'Tra cứu hồ sơ', en: 'Check a dossier' },
  formTitle: { vi: 'Đăng ký tham gia Mạng lưới', en: 'Apply to join the network' },
  spaceSection: { vi: 'Thông tin không gian', en: 'About the space' },
  repSection: { vi: 'Người đại diện', en: 'Representative' },
  docsSection: { vi: 'Tài liệu đính kèm', en: 'Documents' },
  nameVi: { vi: 'Tên không gian (tiếng Việt)', en: 'Space name (Vietnamese)' },
  nameEn: { vi: 'Tên không gian (tiếng Anh, không bắt buộc)', en: 'Space name (English, optional)' },
  ownership: { vi: 'Hình thức sở hữu', en: 'Ownership' },
  spaceType: { vi: 'Loại hình không gian', en: 'Type of space' },
  creativeFields: { vi: 'Lĩnh vực sáng tạo (chọn ít nhất một)', en: 'Creative fields (at least one)' },
  street: { vi: 'Số nhà, đường phố', en: 'Street address' },
  ward: { vi: 'Phường/xã', en: 'Ward or commune' },
  wardHint: {
    vi: 'Gõ tên phường/xã (có thể không dấu) rồi chọn trong danh sách.',
    en: 'Type the ward’s name (diacritics optional) and pick it from the list.',
  },
  foundedYear: { vi: 'Năm thành lập', en: 'Year founded' },
  floorArea: { vi: 'Diện tích sàn (m²)', en: 'Floor area (m²)' },
  website: { vi: 'Trang web (không bắt buộc)', en: 'Website (optional)' },
  social: { vi: 'Mạng xã hội (mỗi dòng một đường dẫn)', en: 'Social links (one per line)' },
  description: {
    vi: 'Mô tả hoạt động (ít nhất 50 ký tự)',
    en: 'Description of activities (50 characters or more)',
  },
  registration: {
    vi: 'Số đăng ký kinh doanh / quyết định thành lập',
    en: 'Business registration or establishment number',
  },
  registrationHint: {
    vi: 'Bắt buộc với công lập, doanh nghiệp và tổ chức nước ngoài.',
    en: 'Required for public institutions, companies and foreign organisations.',
  },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  fullNameHint: {
    vi: 'Họ trước, tên sau, ví dụ: Nguyễn Thị Lan.',
    en: 'Family name first, e.g. Nguyễn Thị Lan.',
  },
  position: { vi: 'Chức vụ', en: 'Position' },
  email: { vi: 'Email', en: 'Email' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  consent: {
    vi: 'Tôi đồng ý để Trung tâm xử lý dữ liệu cá nhân trong hồ sơ này cho mục đích xét kết nạp thành viên.',
    en: 'I agree that the Centre processes the personal data in this application to consider the membership.',
  },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  needDraftFirst: {
    vi: 'Tệp được tải lên ngay khi chọn; hãy điền tên không gian và email trước.',
    en: 'Files upload as soon as you pick them; fill in the space name and email first.',
  },
  save: { vi: 'Lưu nháp', en: 'Save draft' },
  submit: { vi: 'Nộp hồ sơ', en: 'Submit' },
  done: { vi: 'Đã nộp hồ sơ thành công', en: 'Your application was submitted' },
  codeLabel: { vi: 'Mã hồ sơ của bạn', en: 'Your dossier code' },
  doneHint: {
    vi: 'Giấy tiếp nhận đã được gửi tới email của người đại diện. Hãy giữ mã hồ sơ để tra cứu.',
    en: 'A receipt was emailed to the representative. Keep the code to check the status.',
  },
  countdownLabel: { vi: 'Thời gian còn lại: ', en: 'Time left: ' },
} satisfies Record<string, Text>;

const fid = (name: string) => `f-${name.replaceAll('.', '-')}`;

/** What the client script needs from the round; `<` is escaped so the JSON cannot end the script block. */
function roundData(lang: Lang, round: Round, accepting: boolean): string {
  const data = {
    lang,
    deadlineAt: deadlineOf(round).toISOString(),
    accepting,
    checklist: round.checklist.map((s) => slotForScript(s, lang)),
  };
  return scriptJson(data);
}

function Field(props: {
  lang: Lang;
  name: string;
  label: Text;
  hint?: Text;
  children: preact.ComponentChildren;
}) {
  const id = fid(props.name);
  return (
    <div class="field">
      <label for={id}>{props.label[props.lang]}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint[props.lang]}
        </p>
      )}
      {props.children}
      <p class="field-error" data-error-for={props.name} aria-live="polite" />
    </div>
  );
}

function Checklist({ lang, round }: { lang: Lang; round: Round }) {
  return (
    <ul class="checklist">
      {round.checklist.map((s) => (
        <li>
          <strong>{s.title[lang]}</strong> ({s.required ? T.required[lang] : T.optional[lang]}) —{' '}
          {s.hint[lang]}
        </li>
      ))}
    </ul>
  );
}

function ApplicationForm({ lang, round }: { lang: Lang; round: Round }) {
  return (
    <form id="apply-form" class="card apply-form" novalidate>
      <h2>{T.formTitle[lang]}</h2>
      <div id="form-message" class="form-message" role="alert" hidden />
      <fieldset>
        <legend>{T.spaceSection[lang]}</legend>
        <Field lang={lang} name="space.nameVi" label={T.nameVi}>
          <input id={fid('space.nameVi')} name="space.nameVi" required maxLength={200} />
        </Field>
        <Field lang={lang} name="space.nameEn" label={T.nameEn}>
          <input id={fid('space.nameEn')} name="space.nameEn" maxLength={200} />
        </Field>
        <Field lang={lang} name="space.ownership" label={T.ownership}>
          <select id={fid('space.ownership')} name="space.ownership" required>
            <option value="">{T.choose[lang]}</option>
            {OWNERSHIPS.map((o) => (
              <option value={o}>{OWNERSHIP_LABELS[o][lang]}</option>
            ))}
          </select>
        </Field>
        <Field lang={lang} name="space.spaceType" label={T.spaceType}>
          <select id={fid('space.spaceType')} name="space.spaceType" required>
            <option value="">{T.choose[lang]}</option>
            {SPACE_TYPES.map((o) => (
              <option value={o}>{SPACE_TYPE_LABELS[o][lang]}</option>
            ))}
          </select>
        </Field>
        <div class="field">
          <fieldset class="checks">
            <legend>{T.creativeFields[lang]}</legend>
            {CREATIVE_FIELDS.map((c) => (
              <label class="check">
                <input type="checkbox" name="space.creativeFields" value={c} />
                {CREATIVE_FIELD_LABELS[c][lang]}
              </label>
            ))}
          </fieldset>
          <p class="field-error" data-error-for="space.creativeFields" aria-live="polite" />
        </div>
        <Field lang={lang} name="space.street" label={T.street}>
          <input
            id={fid('space.street')}
            name="space.street"
            required
            maxLength={200}
            autocomplete="street-address"
          />
        </Field>
        <Field lang={lang} name="space.wardCode" label={T.ward} hint={T.wardHint}>
          <div class="ward-picker">
            <input
              id={fid('space.wardCode')}
              class="ward-search"
              autocomplete="off"
              role="combobox"
              aria-autocomplete="list"
              aria-expanded="false"
              aria-controls="ward-suggestions"
            />
            <div id="ward-suggestions" class="suggestions" role="listbox" hidden />
            <input type="hidden" name="space.wardCode" />
          </div>
        </Field>
        <Field lang={lang} name="space.foundedYear" label={T.foundedYear}>
          <input
            id={fid('space.foundedYear')}
            name="space.foundedYear"
            type="number"
            min={1800}
            inputMode="numeric"
          />
        </Field>
        <Field lang={lang} name="space.floorAreaM2" label={T.floorArea}>
          <input id={fid('space.floorAreaM2')} name="space.floorAreaM2" type="number" min={1} step="any" />
        </Field>
        <Field lang={lang} name="space.website" label={T.website}>
          <input id={fid('space.website')} name="space.website" type="url" placeholder="https://" />
        </Field>
        <Field lang={lang} name="space.socialLinks" label={T.social}>
          <textarea id={fid('space.socialLinks')} name="space.socialLinks" rows={3} placeholder="https://" />
        </Field>
        <Field lang={lang} name="space.description" label={T.description}>
          <textarea id={fid('space.description')} name="space.description" rows={6} maxLength={5000} />
        </Field>
        <Field lang={lang} name="space.registrationNumber" label={T.registration} hint={T.registrationHint}>
          <input id={fid('space.registrationNumber')} name="space.registrationNumber" maxLength={50} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{T.repSection[lang]}</legend>
        <Field lang={lang} name="representative.fullName" label={T.fullName} hint={T.fullNameHint}>
          <input id={fid('representative.fullName')} name="representative.fullName" autocomplete="name" />
        </Field>
        <Field lang={lang} name="representative.position" label={T.position}>
          <input id={fid('representative.position')} name="representative.position" />
        </Field>
        <Field lang={lang} name="representative.email" label={T.email}>
          <input
            id={fid('representative.email')}
            name="representative.email"
            type="email"
            autocomplete="email"
          />
        </Field>
        <Field lang={lang} name="representative.phone" label={T.phone}>
          <input id={fid('representative.phone')} name="representative.phone" type="tel" autocomplete="tel" />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{T.docsSection[lang]}</legend>
        <p class="hint">{T.needDraftFirst[lang]}</p>
        {round.checklist.map((s) => (
          <DocumentSlotBlock
            lang={lang}
            slot={s}
            inputId={`doc-${s.slot}`}
            label={`${s.title[lang]} ${s.required ? '*' : `(${T.optional[lang]})`}`}
          />
        ))}
      </fieldset>
      <div class="field">
        <label class="check">
          <input type="checkbox" name="consent" />
          {T.consent[lang]}
        </label>
        <p class="field-error" data-error-for="consent" aria-live="polite" />
      </div>
      <div class="actions">
        <button type="button" id="save-draft" class="secondary">
          {T.save[lang]}
        </button>
        <button type="submit" id="submit-dossier">
          {T.submit[lang]}
        </button>
      </div>
    </form>
  );
}

/** The home page: the current call and the application form. */
export function renderHomePage(props: { lang: Lang; round: Round; now: Date }) {
  const { lang, round, now } = props;
  const deadline = deadlineOf(round);
  const accepting = isAcceptingApplications(round, now);
  const statusHref = lang === 'en' ? '/status?lang=en' : '/status';
  return renderPage(
    <Layout lang={lang} title={round.name[lang]} scripts={accepting ? ['/assets/apply.js'] : []}>
      <h1>{round.name[lang]}</h1>
      <p class="intro">{round.intro[lang]}</p>
      <section class="card">
        <h2>{T.benefits[lang]}</h2>
        <ul class="benefits">
          {round.benefits.map((b) => (
            <li>{b[lang]}</li>
          ))}
        </ul>
      </section>
      <p class="deadline">
        {T.deadline[lang]}
        <time dateTime={deadline.toISOString()}>{formatIct(deadline)}</time>
        {T.ict[lang]}
      </p>
      {accepting && (
        <p class="countdown" aria-live="off">
          {T.countdownLabel[lang]}
          <span id="countdown" data-deadline={deadline.toISOString()} />
        </p>
      )}
      <section class="card">
        <h2>{T.checklist[lang]}</h2>
        <Checklist lang={lang} round={round} />
      </section>
      {accepting ? (
        <>
          <script
            type="application/json"
            id="round-data"
            // Round configuration only (no user data), with `<` escaped.
            dangerouslySetInnerHTML={{ __html: roundData(lang, round, accepting) }}
          />
          <ApplicationForm lang={lang} round={round} />
          <section id="result" class="card result" hidden aria-live="polite">
            <h2>{T.done[lang]}</h2>
            <p>{T.codeLabel[lang]}:</p>
            <p class="dossier-code" data-testid="dossier-code" />
            <p>{T.doneHint[lang]}</p>
            <p>
              <a href={statusHref}>{T.lookup[lang]}</a>
            </p>
          </section>
        </>
      ) : (
        <NoApplications lang={lang} kind="notice notice-error closed" title={T.closedTitle[lang]}>
          {T.closed[lang]}
        </NoApplications>
      )}
    </Layout>,
  );
}

const NO_CALL = {
  title: { vi: 'Hiện chưa có đợt đăng ký nào đang mở', en: 'No call for applications is open now' },
  body: {
    vi: 'Mạng lưới Không gian Sáng tạo Hà Nội kết nạp thành viên theo từng đợt. Đợt tiếp theo sẽ được công bố tại đây.',
    en: 'The Hanoi Creative Space Network admits members in calls. The next call will be announced here.',
  },
};

/** The home page before the first call of a deployment is opened: a page, not an error. */
export function renderNoCallPage(props: { lang: Lang }) {
  const { lang } = props;
  return renderPage(
    <Layout lang={lang} title={NO_CALL.title[lang]}>
      <h1>{NO_CALL.title[lang]}</h1>
      <NoApplications lang={lang} kind="notice closed">
        {NO_CALL.body[lang]}
      </NoApplications>
    </Layout>,
  );
}

/** Why no application can be made now, and the way to look up one already made. */
function NoApplications(props: { lang: Lang; kind: string; title?: string; children: string }) {
  const { lang } = props;
  return (
    <section class={props.kind} role="status">
      {props.title && <h2>{props.title}</h2>}
      <p>{props.children}</p>
      <p>
        <a href={lang === 'en' ? '/status?lang=en' : '/status'}>{T.lookup[lang]}</a>
      </p>
    </section>
  );
}
