import { SUPPLEMENT_FIELDS } from '../domain/dossier.ts';
import {
  CREATIVE_FIELD_LABELS,
  CREATIVE_FIELDS,
  FIELD_LABELS,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  SPACE_TYPE_LABELS,
  SPACE_TYPES,
} from '../domain/form-labels.ts';
import type { Round } from '../domain/round.ts';
import type { Lang, Text } from '../i18n/lang.ts';
import { COMMON } from '../i18n/messages/common.ts';
import { FIELD_HINTS, SUPPLEMENT } from '../i18n/messages/form.ts';
import { SUPPLEMENT_RESEND } from '../i18n/messages/intake.ts';
import { asset } from './assets.ts';
import { DocumentSlotBlock, scriptJson, slotForScript } from './document-slot.tsx';
import { withHint } from './field-hint.tsx';
import { Layout, renderPage } from './layout.tsx';
import { WardPicker } from './ward-picker.tsx';

const T = SUPPLEMENT;

const fid = (path: string) => `s-${path.replaceAll('.', '-')}`;

/** What the client script needs: the checklist, the labels and the option lists; `<` escaped. */
function supplementData(lang: Lang, round: Round): string {
  const pick = <K extends string>(labels: Record<K, Text>, keys: readonly K[]) =>
    keys.map((value) => ({ value, label: labels[value][lang] }));
  const data = {
    lang,
    checklist: round.checklist.map((s) => slotForScript(s, lang)),
    labels: Object.fromEntries([
      ...SUPPLEMENT_FIELDS.map((f) => [f, FIELD_LABELS[f]?.[lang] ?? f]),
      ...round.checklist.map((s) => [`documents.${s.slot}`, s.title[lang]]),
    ]),
    options: {
      ownership: pick(OWNERSHIP_LABELS, OWNERSHIPS),
      spaceType: pick(SPACE_TYPE_LABELS, SPACE_TYPES),
      creativeFields: pick(CREATIVE_FIELD_LABELS, CREATIVE_FIELDS),
    },
  };
  return scriptJson(data);
}

/** One requested form field: hidden until the request names it. */
function FieldBlock(props: { lang: Lang; path: string; hint?: Text; children: preact.ComponentChildren }) {
  const { lang, path } = props;
  const hintId = props.hint ? `${fid(path)}-hint` : undefined;
  return (
    <div class="field" data-item={path} hidden>
      <label for={fid(path)}>{FIELD_LABELS[path]?.[lang] ?? path}</label>
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint[lang]}
        </p>
      )}
      {withHint(props.children, hintId)}
      <p class="field-error" data-error-for={path} aria-live="polite" />
    </div>
  );
}

function Options<K extends string>(props: { lang: Lang; keys: readonly K[]; labels: Record<K, Text> }) {
  return (
    <>
      <option value="">{COMMON.choose[props.lang]}</option>
      {props.keys.map((k) => (
        <option value={k}>{props.labels[k][props.lang]}</option>
      ))}
    </>
  );
}

/** Every field a reviewer may ask for, each with its `data-item`; the script reveals the requested ones. */
function SupplementFields({ lang }: { lang: Lang }) {
  const text = (path: string, extra: Record<string, unknown> = {}) => (
    <FieldBlock lang={lang} path={path}>
      <input id={fid(path)} name={path} maxLength={200} {...extra} />
    </FieldBlock>
  );
  return (
    <>
      {text('space.nameVi')}
      {text('space.nameEn')}
      <FieldBlock lang={lang} path="space.ownership">
        <select id={fid('space.ownership')} name="space.ownership">
          <Options lang={lang} keys={OWNERSHIPS} labels={OWNERSHIP_LABELS} />
        </select>
      </FieldBlock>
      <FieldBlock lang={lang} path="space.spaceType">
        <select id={fid('space.spaceType')} name="space.spaceType">
          <Options lang={lang} keys={SPACE_TYPES} labels={SPACE_TYPE_LABELS} />
        </select>
      </FieldBlock>
      <div class="field" data-item="space.creativeFields" hidden>
        <fieldset class="checks">
          <legend>{FIELD_LABELS['space.creativeFields']![lang]}</legend>
          {CREATIVE_FIELDS.map((c) => (
            <label class="check">
              <input type="checkbox" name="space.creativeFields" value={c} />
              {CREATIVE_FIELD_LABELS[c][lang]}
            </label>
          ))}
        </fieldset>
        <p class="field-error" data-error-for="space.creativeFields" aria-live="polite" />
      </div>
      {text('space.street', { autocomplete: 'street-address' })}
      <FieldBlock lang={lang} path="space.wardCode" hint={FIELD_HINTS['space.wardCode']}>
        <WardPicker
          lang={lang}
          id={fid('space.wardCode')}
          name="space.wardCode"
          describedBy={`${fid('space.wardCode')}-hint`}
        />
      </FieldBlock>
      {text('space.foundedYear', { type: 'number', min: 1800, inputMode: 'numeric', maxLength: undefined })}
      {text('space.floorAreaM2', { type: 'number', min: 1, step: 'any', maxLength: undefined })}
      {text('space.website', { type: 'url', placeholder: 'https://', maxLength: 500 })}
      <FieldBlock lang={lang} path="space.socialLinks" hint={FIELD_HINTS['space.socialLinks']}>
        <textarea id={fid('space.socialLinks')} name="space.socialLinks" rows={3} placeholder="https://" />
      </FieldBlock>
      <FieldBlock lang={lang} path="space.description" hint={FIELD_HINTS['space.description']}>
        <textarea id={fid('space.description')} name="space.description" rows={6} maxLength={5000} />
      </FieldBlock>
      {text('space.registrationNumber', { maxLength: 50 })}
      {text('representative.fullName', { autocomplete: 'name', maxLength: 120 })}
      {text('representative.position', { maxLength: 120 })}
      {text('representative.phone', { type: 'tel', autocomplete: 'tel', maxLength: 30 })}
    </>
  );
}

/**
 * The page behind an emailed supplement link. GET only shows it (link scanners fetch it); the secret
 * stays in the URL fragment until the applicant presses the button, and the script does the rest.
 */
export function renderSupplementPage(props: { lang: Lang; linkId: string; round: Round }) {
  const { lang, linkId, round } = props;
  const statusHref = lang === 'en' ? '/status?lang=en' : '/status';
  return renderPage(
    <Layout lang={lang} title={T.title[lang]} path={`/supplement/${linkId}`} scripts={[asset('supplement')]}>
      <h1>{T.title[lang]}</h1>
      <script
        type="application/json"
        id="supplement-data"
        // Round configuration and option lists only (no user data), with `<` escaped.
        dangerouslySetInnerHTML={{ __html: supplementData(lang, round) }}
      />
      <section id="supplement" class="card" data-link-id={linkId}>
        <p>{T.intro[lang]}</p>
        <div id="supplement-message" class="form-message" role="alert" hidden />
        <div class="actions">
          <button type="button" id="supplement-open">
            {T.open[lang]}
          </button>
          <button type="button" id="supplement-resend" class="secondary" data-link-id={linkId} hidden>
            {SUPPLEMENT_RESEND.button[lang]}
          </button>
        </div>
        <p id="supplement-resend-message" role="status" hidden />
      </section>
      <section id="supplement-request" class="card supplement-request" hidden>
        <h2>{T.requestTitle[lang]}</h2>
        <p>
          {T.code[lang]}
          <strong id="supplement-code" />
        </p>
        <p class="supplement-comment">
          {T.comment[lang]}
          <em id="supplement-comment" />
        </p>
        <p class="deadline">
          {T.due[lang]}
          <time id="supplement-due" />
          {T.ict[lang]}
        </p>
        <p>{T.items[lang]}</p>
        <ul id="supplement-items" class="supplement-items" />
      </section>
      <form id="supplement-form" class="card apply-form" novalidate hidden>
        <h2>{T.formTitle[lang]}</h2>
        <div id="supplement-form-message" class="form-message" role="alert" hidden />
        <SupplementFields lang={lang} />
        {round.checklist.map((s) => (
          <DocumentSlotBlock
            lang={lang}
            slot={s}
            inputId={`s-doc-${s.slot}`}
            label={s.title[lang]}
            requested
          />
        ))}
        {/* Each upload's result, said to screen readers as it happens (shared/browser/uploads.ts). */}
        <p class="hint upload-status" data-upload-status role="status" aria-live="polite" />
        <div class="actions">
          <button type="submit" id="supplement-send">
            {T.send[lang]}
          </button>
        </div>
      </form>
      <section id="supplement-result" class="card result" hidden aria-live="polite">
        <h2>{T.done[lang]}</h2>
        <p class="dossier-code" data-testid="dossier-code" />
        <p>{T.doneHint[lang]}</p>
        <p>
          <a href={statusHref}>{COMMON.lookup[lang]}</a>
        </p>
      </section>
    </Layout>,
  );
}
