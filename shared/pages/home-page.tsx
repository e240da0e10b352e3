import type { FieldCheck } from '../browser/form-check.ts';
import {
  CREATIVE_FIELD_LABELS,
  CREATIVE_FIELDS,
  FORM_FIELDS,
  type FormFieldPath,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  SPACE_TYPE_LABELS,
  SPACE_TYPES,
} from '../domain/form-labels.ts';
import { deadlineOf, isAcceptingApplications, type Round } from '../domain/round.ts';
import { formatIct } from '../domain/time.ts';
import type { Lang, Text } from '../i18n/lang.ts';
import { COMMON } from '../i18n/messages/common.ts';
import { CHECKLIST_PROBLEMS } from '../i18n/messages/dossier.ts';
import { FIELD_HINTS, FIELDS, type FieldPath, FORM_LABELS, HOME } from '../i18n/messages/form.ts';
import { FIELD_INVALID, FIELD_MISSING } from '../i18n/messages/validation.ts';
import { asset } from './assets.ts';
import { DocumentSlotBlock, scriptJson, slotForScript } from './document-slot.tsx';
import { withHint } from './field-hint.tsx';
import { Layout, renderPage } from './layout.tsx';
import { PrivacyLink } from './privacy-page.tsx';
import { WardPicker } from './ward-picker.tsx';

const T = HOME;

/** The form's label of a field: its name, or the form's longer wording where it says more. */
const label = (name: FieldPath): Text => FORM_LABELS[name as keyof typeof FORM_LABELS] ?? FIELDS[name];
const hint = (name: keyof typeof FIELD_HINTS): Text => FIELD_HINTS[name];

const fid = (name: string) => `f-${name.replaceAll('.', '-')}`;

/** Always required (the registration number, needed for some ownerships only, says so in its hint). */
const isRequired = (path: FormFieldPath) => FORM_FIELDS.find((f) => f.path === path)?.required === true;
/** The required mark: seen as `*` (explained once, above the form); the field says `aria-required`. */
const Mark = ({ path }: { path: FormFieldPath }) =>
  isRequired(path) ? (
    <span class="required-mark" aria-hidden="true">
      {' *'}
    </span>
  ) : null;
const req = (path: FormFieldPath) => (isRequired(path) ? { 'aria-required': 'true' as const } : {});

/**
 * The form's checks as the page's data, in its language: each field's rule (the schema's table), its
 * required mark and the words the server's 400 uses too. The browser checks the whole form with them.
 */
export function formChecks(lang: Lang): FieldCheck[] {
  return FORM_FIELDS.map((f) => ({
    path: f.path,
    id: fid(f.path),
    required: f.required,
    rule: f.rule,
    missing: FIELD_MISSING[f.path as keyof typeof FIELD_MISSING]?.[lang] ?? FIELD_INVALID[f.path][lang],
    invalid: FIELD_INVALID[f.path][lang],
  }));
}

/** What the client script needs from the round; `<` is escaped so the JSON cannot end the script block. */
function roundData(lang: Lang, round: Round, accepting: boolean): string {
  const data = {
    lang,
    deadlineAt: deadlineOf(round).toISOString(),
    accepting,
    checklist: round.checklist.map((s) => ({
      ...slotForScript(s, lang),
      // The server's words for an item short of files, `{count}` left for the page to fill in.
      tooFew: CHECKLIST_PROBLEMS.tooFew[lang](s.title[lang], s.minFiles, '{count}' as unknown as number),
    })),
    checks: formChecks(lang),
  };
  return scriptJson(data);
}

function Field(props: {
  lang: Lang;
  name: FormFieldPath;
  label: Text;
  hint?: Text;
  children: preact.ComponentChildren;
}) {
  const id = fid(props.name);
  const hintId = props.hint ? `${id}-hint` : undefined;
  return (
    <div class="field">
      <label for={id}>
        {props.label[props.lang]}
        <Mark path={props.name} />
      </label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint[props.lang]}
        </p>
      )}
      {withHint(props.children, hintId)}
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
      <p class="hint required-note">
        <span class="required-mark" aria-hidden="true">
          *
        </span>{' '}
        {T.requiredNote[lang]}
      </p>
      <div id="form-message" class="form-message" role="alert" tabIndex={-1} hidden />
      <fieldset>
        <legend>{T.spaceSection[lang]}</legend>
        <Field lang={lang} name="space.nameVi" label={label('space.nameVi')}>
          <input id={fid('space.nameVi')} name="space.nameVi" {...req('space.nameVi')} maxLength={200} />
        </Field>
        <Field lang={lang} name="space.nameEn" label={label('space.nameEn')}>
          <input id={fid('space.nameEn')} name="space.nameEn" maxLength={200} />
        </Field>
        <Field lang={lang} name="space.ownership" label={label('space.ownership')}>
          <select id={fid('space.ownership')} name="space.ownership" {...req('space.ownership')}>
            <option value="">{COMMON.choose[lang]}</option>
            {OWNERSHIPS.map((o) => (
              <option value={o}>{OWNERSHIP_LABELS[o][lang]}</option>
            ))}
          </select>
        </Field>
        <Field lang={lang} name="space.spaceType" label={label('space.spaceType')}>
          <select id={fid('space.spaceType')} name="space.spaceType" {...req('space.spaceType')}>
            <option value="">{COMMON.choose[lang]}</option>
            {SPACE_TYPES.map((o) => (
              <option value={o}>{SPACE_TYPE_LABELS[o][lang]}</option>
            ))}
          </select>
        </Field>
        <div class="field">
          <fieldset class="checks">
            <legend>
              {label('space.creativeFields')[lang]}
              <Mark path="space.creativeFields" />
            </legend>
            {CREATIVE_FIELDS.map((c, i) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="space.creativeFields"
                  value={c}
                  // The error summary's link to the group lands on its first box.
                  id={i === 0 ? fid('space.creativeFields') : undefined}
                />
                {CREATIVE_FIELD_LABELS[c][lang]}
              </label>
            ))}
          </fieldset>
          <p class="field-error" data-error-for="space.creativeFields" aria-live="polite" />
        </div>
        <Field lang={lang} name="space.street" label={label('space.street')}>
          <input
            id={fid('space.street')}
            name="space.street"
            {...req('space.street')}
            maxLength={200}
            autocomplete="street-address"
          />
        </Field>
        <Field
          lang={lang}
          name="space.wardCode"
          label={label('space.wardCode')}
          hint={hint('space.wardCode')}
        >
          <WardPicker
            lang={lang}
            id={fid('space.wardCode')}
            name="space.wardCode"
            describedBy={`${fid('space.wardCode')}-hint`}
            required={isRequired('space.wardCode')}
          />
        </Field>
        <Field lang={lang} name="space.foundedYear" label={label('space.foundedYear')}>
          <input
            id={fid('space.foundedYear')}
            name="space.foundedYear"
            {...req('space.foundedYear')}
            type="number"
            min={1800}
            inputMode="numeric"
          />
        </Field>
        <Field lang={lang} name="space.floorAreaM2" label={label('space.floorAreaM2')}>
          <input
            id={fid('space.floorAreaM2')}
            name="space.floorAreaM2"
            {...req('space.floorAreaM2')}
            type="number"
            min={1}
            step="any"
          />
        </Field>
        <Field lang={lang} name="space.website" label={label('space.website')}>
          <input id={fid('space.website')} name="space.website" type="url" placeholder="https://" />
        </Field>
        <Field lang={lang} name="space.socialLinks" label={label('space.socialLinks')}>
          <textarea id={fid('space.socialLinks')} name="space.socialLinks" rows={3} placeholder="https://" />
        </Field>
        <Field lang={lang} name="space.description" label={label('space.description')}>
          <textarea
            id={fid('space.description')}
            name="space.description"
            {...req('space.description')}
            rows={6}
            maxLength={5000}
          />
        </Field>
        <Field
          lang={lang}
          name="space.registrationNumber"
          label={label('space.registrationNumber')}
          hint={hint('space.registrationNumber')}
        >
          <input id={fid('space.registrationNumber')} name="space.registrationNumber" maxLength={50} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{T.repSection[lang]}</legend>
        <Field
          lang={lang}
          name="representative.fullName"
          label={label('representative.fullName')}
          hint={hint('representative.fullName')}
        >
          <input
            id={fid('representative.fullName')}
            name="representative.fullName"
            {...req('representative.fullName')}
            autocomplete="name"
          />
        </Field>
        <Field lang={lang} name="representative.position" label={label('representative.position')}>
          <input
            id={fid('representative.position')}
            name="representative.position"
            {...req('representative.position')}
          />
        </Field>
        <Field lang={lang} name="representative.email" label={label('representative.email')}>
          <input
            id={fid('representative.email')}
            name="representative.email"
            {...req('representative.email')}
            type="email"
            autocomplete="email"
          />
        </Field>
        <Field lang={lang} name="representative.phone" label={label('representative.phone')}>
          <input
            id={fid('representative.phone')}
            name="representative.phone"
            {...req('representative.phone')}
            type="tel"
            autocomplete="tel"
          />
        </Field>
      </fieldset>
      <fieldset aria-describedby="docs-hint">
        <legend>{T.docsSection[lang]}</legend>
        <p class="hint" id="docs-hint">
          {T.needDraftFirst[lang]}
        </p>
        {round.checklist.map((s) => (
          <DocumentSlotBlock
            lang={lang}
            slot={s}
            inputId={`doc-${s.slot}`}
            label={`${s.title[lang]} ${s.required ? '*' : `(${T.optional[lang]})`}`}
          />
        ))}
        {/* Each upload's result, said to screen readers as it happens (shared/browser/uploads.ts). */}
        <p class="hint upload-status" data-upload-status role="status" aria-live="polite" />
      </fieldset>
      <div class="field">
        <label class="check">
          <input type="checkbox" name="consent" id={fid('consent')} {...req('consent')} />
          <span>
            {T.consent[lang]} <PrivacyLink lang={lang} />
            <Mark path="consent" />
          </span>
        </label>
        <p class="field-error" data-error-for="consent" aria-live="polite" />
      </div>
      <p id="autosave-status" class="autosave hint" role="status" aria-live="polite" />
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
    <Layout lang={lang} title={round.name[lang]} scripts={accepting ? [asset('apply')] : []}>
      <h1>{round.name[lang]}</h1>
      {/* The deadline and the way to the form come first: on a phone both are on the first screen. */}
      <p class="deadline">
        {T.deadline[lang]}
        <time dateTime={deadline.toISOString()}>{formatIct(deadline)}</time>
        {T.ict[lang]}
      </p>
      {accepting && (
        <>
          <p class="countdown" aria-live="off">
            {T.countdownLabel[lang]}
            <span id="countdown" data-deadline={deadline.toISOString()} />
          </p>
          <p>
            <a class="cta" href="#apply-form">
              {T.cta[lang]}
            </a>
          </p>
        </>
      )}
      <p class="intro">{round.intro[lang]}</p>
      <section class="card">
        <h2>{T.benefits[lang]}</h2>
        <ul class="benefits">
          {round.benefits.map((b) => (
            <li>{b[lang]}</li>
          ))}
        </ul>
      </section>
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
              <a href={statusHref}>{COMMON.lookup[lang]}</a>
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

/** The home page before the first call of a deployment is opened: a page, not an error. */
export function renderNoCallPage(props: { lang: Lang }) {
  const { lang } = props;
  return renderPage(
    <Layout lang={lang} title={T.noCallTitle[lang]}>
      <h1>{T.noCallTitle[lang]}</h1>
      <NoApplications lang={lang} kind="notice closed">
        {T.noCallBody[lang]}
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
        <a href={lang === 'en' ? '/status?lang=en' : '/status'}>{COMMON.lookup[lang]}</a>
      </p>
    </section>
  );
}
