import type { RoundAuditEntry } from '../adapters/dynamodb/rounds.ts';
import { MAX_COUNCIL_SIZE } from '../domain/council.ts';
import { FILE_TYPES, ROUND_STATUS_LABELS, type Round, STANDARD_CHECKLIST } from '../domain/round.ts';
import { schedules, scheduleTimes } from '../domain/round-schedule.ts';
import {
  CHECKLIST_ITEM_LABELS,
  checklistFieldName,
  MAX_CHECKLIST_ITEMS,
  ROUND_SETTING_LABELS,
  type RoundSettings,
  settingsOf,
} from '../domain/round-settings.ts';
import type { StaffMember } from '../domain/staff.ts';
import { formatIct, formatIctDate, fromIctLocal } from '../domain/time.ts';
import type { Lang, Text } from '../i18n/lang.ts';
import { DECISION_MODE_LABELS } from '../i18n/messages/council.ts';
import { ROUND_ACTIONS, ROUNDS_PAGES } from '../i18n/messages/rounds.ts';
import { AuditTrail, Field, ListTable, withLang } from './admin-kit.tsx';
import { AdminBar } from './admin-pages.tsx';
import { CsrfField } from './csrf-field.tsx';
import { Layout, renderPage } from './layout.tsx';
import { RoundForms } from './round-admin-pages.tsx';

const T = ROUNDS_PAGES;

const ACTIONS: Record<RoundAuditEntry['action'], Text> = ROUND_ACTIONS;

const L = ROUND_SETTING_LABELS;
const C = CHECKLIST_ITEM_LABELS;

/** Every round, newest first, with a way to each one's settings and dossiers. */
export function renderRoundsPage(props: {
  lang: Lang;
  email: string;
  csrf: string;
  rounds: Round[];
  currentId?: string;
}) {
  const { lang, rounds } = props;
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={T.rounds[lang]} path="/admin/rounds">
      <AdminBar lang={lang} email={props.email} />
      <h1>{T.rounds[lang]}</h1>
      <p>
        <a class="button" href={withLang('/admin/rounds/new', lang)}>
          {T.create[lang]}
        </a>
      </p>
      {rounds.length ? (
        <ListTable lang={lang} columns={[L.id, T.name, T.status, T.opensOn, T.deadline, T.dossiers]}>
          {rounds.map((r) => (
            <tr data-round={r.id}>
              <td>
                <a href={withLang(`/admin/rounds/${r.id}`, lang)}>{r.id}</a>
              </td>
              <td>
                {r.name[lang]}
                {r.id === props.currentId && <small> ({T.current[lang]})</small>}
              </td>
              <td data-round-status={r.status}>{ROUND_STATUS_LABELS[r.status][lang]}</td>
              <td>{formatIctDate(`${r.opensOn}T12:00:00+07:00`)}</td>
              <td>{formatIctDate(`${r.deadlineDate}T12:00:00+07:00`)}</td>
              <td>
                {r.status !== 'draft' && (
                  <a href={withLang(`/admin?round=${encodeURIComponent(r.id)}`, lang)}>{T.view[lang]}</a>
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      ) : (
        <p class="notice">{T.none[lang]}</p>
      )}
    </Layout>,
  );
}

/** The settings form of a new round or a draft; rows of the checklist past the round's own are blank. */
function SettingsForm(props: {
  lang: Lang;
  action: string;
  settings: RoundSettings;
  reviewers: readonly StaffMember[];
  withId: boolean;
  submit: string;
}) {
  const { lang, settings: s } = props;
  const rows = Array.from({ length: MAX_CHECKLIST_ITEMS }, (_, i) => s.checklist[i]);
  /** A text input of the settings, named as the schema names it. */
  const text = (name: 'nameVi' | 'nameEn' | 'venueVi' | 'venueEn', max: number) => (
    <Field label={L[name][lang]}>
      <input name={name} required maxLength={max} value={s[name]} />
    </Field>
  );
  const when = (name: 'opensOn' | 'deadlineDate' | 'invitationsAt' | 'ceremonyAt') => (
    <Field label={L[name][lang]}>
      <input
        type={name === 'opensOn' || name === 'deadlineDate' ? 'date' : 'datetime-local'}
        name={name}
        required
        value={s[name]}
      />
    </Field>
  );
  return (
    <form method="post" action={withLang(props.action, lang)} class="card round-settings">
      <CsrfField />
      {props.withId && (
        <Field label={L.id[lang]}>
          <input name="id" required pattern="[a-z0-9]{2,20}" maxLength={20} aria-describedby="id-hint" />
          <small id="id-hint">{T.idHint[lang]}</small>
        </Field>
      )}
      {text('nameVi', 200)}
      {text('nameEn', 200)}
      {when('opensOn')}
      {when('deadlineDate')}
      <Field label={L.reminderDaysBefore[lang]}>
        <input
          type="number"
          name="reminderDaysBefore"
          min={0}
          max={30}
          required
          value={s.reminderDaysBefore}
        />
      </Field>
      {when('invitationsAt')}
      {when('ceremonyAt')}
      {text('venueVi', 300)}
      {text('venueEn', 300)}
      <fieldset>
        <legend>{L.reviewers[lang]}</legend>
        <small>{T.reviewersHint[lang]}</small>
        {props.reviewers.length ? (
          props.reviewers.map((m) => (
            <Field class="check" label={m.name ? `${m.name} <${m.email}>` : m.email}>
              <input
                type="checkbox"
                name="reviewers"
                value={m.email}
                checked={s.reviewers.includes(m.email)}
              />
            </Field>
          ))
        ) : (
          <p class="notice">{T.noReviewers[lang]}</p>
        )}
      </fieldset>
      <fieldset>
        <legend>{L.decisionMode[lang]}</legend>
        {(['single', 'council'] as const).map((mode) => (
          <Field class="check" label={DECISION_MODE_LABELS[mode][lang]}>
            <input type="radio" name="decisionMode" value={mode} checked={s.decisionMode === mode} />
          </Field>
        ))}
        <Field label={L.councilSize[lang]}>
          <input type="number" name="councilSize" min={2} max={MAX_COUNCIL_SIZE} value={s.councilSize} />
        </Field>
        <Field label={L.quorum[lang]}>
          <input type="number" name="quorum" min={1} max={MAX_COUNCIL_SIZE} value={s.quorum} />
        </Field>
        <Field label={L.criteria[lang]}>
          <textarea name="criteria" rows={4}>
            {s.criteria}
          </textarea>
        </Field>
      </fieldset>
      <fieldset>
        <legend>{L.checklist[lang]}</legend>
        <small>{T.checklistHint[lang]}</small>
        {rows.map((c, i) => (
          <ChecklistRow lang={lang} row={i} item={c} />
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit">{props.submit}</button>
      </div>
    </form>
  );
}

/** One row of the checklist form; a blank row (no item) is left out when saved. */
function ChecklistRow(props: { lang: Lang; row: number; item?: RoundSettings['checklist'][number] }) {
  const { lang, row, item: c } = props;
  const n = (f: keyof typeof C) => checklistFieldName(row, f);
  const text = (f: 'titleVi' | 'titleEn' | 'hintVi' | 'hintEn', max: number) => (
    <Field label={C[f][lang]}>
      <input name={n(f)} maxLength={max} value={c?.[f] ?? ''} />
    </Field>
  );
  const number = (f: 'minFiles' | 'maxFiles' | 'maxMb', min: number, max: number, blank: number) => (
    <Field label={C[f][lang]}>
      <input type="number" name={n(f)} min={min} max={max} value={c?.[f] ?? blank} />
    </Field>
  );
  return (
    <fieldset class="checklist-item">
      <legend>
        {T.item[lang]} {row + 1}
      </legend>
      <Field label={C.slot[lang]}>
        <input name={n('slot')} maxLength={30} pattern="[a-z][a-z0-9\-]{1,29}" value={c?.slot ?? ''} />
      </Field>
      {text('titleVi', 200)}
      {text('titleEn', 200)}
      {text('hintVi', 500)}
      {text('hintEn', 500)}
      <Field class="check" label={C.required[lang]}>
        <input type="checkbox" name={n('required')} checked={c?.required ?? false} />
      </Field>
      {number('minFiles', 0, 20, 0)}
      {number('maxFiles', 1, 20, 1)}
      <span>{C.types[lang]}</span>
      {FILE_TYPES.map((t) => (
        <Field class="check" label={t.toUpperCase()}>
          <input type="checkbox" name={n('types')} value={t} checked={c?.types.includes(t) ?? false} />
        </Field>
      ))}
      {number('maxMb', 1, 50, 10)}
    </fieldset>
  );
}

/** A blank round's settings: the network's standard checklist, dates to fill in. */
export function blankSettings(today: string): RoundSettings {
  return {
    ...settingsOf({
      id: '',
      codePrefix: '',
      name: { vi: '', en: '' },
      intro: { vi: '', en: '' },
      benefits: [],
      opensOn: today,
      deadlineDate: today,
      reminderDaysBefore: 3,
      invitationsAt: '',
      ceremony: { at: '', venue: { vi: '', en: '' } },
      status: 'draft',
      checklist: STANDARD_CHECKLIST,
    }),
  };
}

/** The form that creates a round (as a draft). */
export function renderNewRoundPage(props: {
  lang: Lang;
  email: string;
  /** The session's anti-CSRF token, posted back by every form on the page. */
  csrf: string;
  settings: RoundSettings;
  reviewers: readonly StaffMember[];
}) {
  const { lang } = props;
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={T.create[lang]} path="/admin/rounds/new">
      <AdminBar lang={lang} email={props.email} />
      <h1>{T.create[lang]}</h1>
      <SettingsForm
        lang={lang}
        action="/admin/rounds"
        settings={props.settings}
        reviewers={props.reviewers}
        withId
        submit={T.saveDraft[lang]}
      />
    </Layout>,
  );
}

/** One round: its state, what can be done with it now, its schedule and its audit trail. */
export function renderRoundPage(props: {
  lang: Lang;
  email: string;
  /** The session's anti-CSRF token, posted back by every form on the page. */
  csrf: string;
  round: Round;
  audit: readonly RoundAuditEntry[];
  reviewers: readonly StaffMember[];
  notice?: string;
}) {
  const { lang, round } = props;
  const base = `/admin/rounds/${round.id}`;
  const times = scheduleTimes(round);
  return renderPage(
    <Layout csrf={props.csrf} lang={lang} title={round.name[lang]} path={base}>
      <AdminBar lang={lang} email={props.email} />
      <p>
        <a href={withLang('/admin/rounds', lang)}>← {T.rounds[lang]}</a>
      </p>
      <h1>
        {round.name[lang]}{' '}
        <small data-round-status={round.status}>({ROUND_STATUS_LABELS[round.status][lang]})</small>
      </h1>
      {props.notice && (
        <p class="notice notice-ok" role="status">
          {props.notice}
        </p>
      )}
      <dl class="card">
        <dt>{L.id[lang]}</dt>
        <dd>{round.id}</dd>
        <dt>{T.opensOn[lang]}</dt>
        <dd>{formatIctDate(`${round.opensOn}T12:00:00+07:00`)}</dd>
        <dt>{T.deadline[lang]}</dt>
        <dd>{formatIct(`${round.deadlineDate}T23:59:59+07:00`)}</dd>
        <dt>{T.ceremony[lang]}</dt>
        <dd>
          {formatIct(fromIctLocal(round.ceremony.at))}, {round.ceremony.venue[lang]}
        </dd>
        <dt>{L.reviewers[lang]}</dt>
        <dd>{(round.reviewers ?? []).join(', ') || '—'}</dd>
        <dt>{L.checklist[lang]}</dt>
        <dd>{round.checklist.map((c) => c.title[lang]).join(' · ')}</dd>
      </dl>
      {round.status === 'draft' && (
        <>
          <form method="post" action={withLang(`${base}/open`, lang)} class="card">
            <CsrfField />
            <p>{T.openHint[lang]}</p>
            <button type="submit">{T.open[lang]}</button>
          </form>
          <h2>{T.settings[lang]}</h2>
          <SettingsForm
            lang={lang}
            action={base}
            settings={settingsOf(round)}
            reviewers={props.reviewers}
            withId={false}
            submit={T.saveDraft[lang]}
          />
          <form method="post" action={withLang(`${base}/delete`, lang)} class="card">
            <CsrfField />
            <button type="submit" class="secondary danger">
              {T.remove[lang]}
            </button>
          </form>
        </>
      )}
      {round.status !== 'draft' && (
        <>
          <p>
            <a href={withLang(`/admin?round=${encodeURIComponent(round.id)}`, lang)}>{T.dossiers[lang]} →</a>
          </p>
          <RoundForms lang={lang} round={round} />
        </>
      )}
      {round.status === 'open' && (
        <form method="post" action={withLang(`${base}/close`, lang)} class="card" id="close-round">
          <CsrfField />
          <p>{T.closeHint[lang]}</p>
          <button type="submit" class="danger">
            {T.close[lang]}
          </button>
        </form>
      )}
      {round.status !== 'draft' && (
        <section class="card">
          <h2>{T.schedule[lang]}</h2>
          <ul>
            {schedules.map((s) => (
              <li data-job={s.job}>
                {s.title[lang]}: {formatIct(fromIctLocal(times[s.job]))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <AuditTrail
        lang={lang}
        entries={[...props.audit].reverse().map((e) => ({
          ...e,
          what: `${ACTIONS[e.action]?.[lang] ?? e.action}${typeof e.to === 'string' && e.to ? `: ${e.from ?? '—'} → ${e.to}` : ''}`,
        }))}
      />
    </Layout>,
  );
}
