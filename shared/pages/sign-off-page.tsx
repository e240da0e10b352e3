import type { Opinion } from '../domain/council.ts';
import { STATUS_LABELS } from '../domain/dossier.ts';
import type { FieldIssue } from '../domain/errors.ts';
import { formatIct } from '../domain/time.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { COUNCIL_WORDS, OPINION_LABELS } from '../i18n/messages/council.ts';
import {
  SIGN_OFF_CONFIRM,
  SIGN_OFF_OUTCOMES,
  SIGN_OFF_PAGE,
  SIGN_OFF_RESULTS,
} from '../i18n/messages/sign-off.ts';
import { isWaiting, type SignOffChoice, type SignOffItem, type SignOffView } from '../usecases/sign-off.ts';
import { DossierFieldList, fieldText } from './dossier-fields.tsx';
import { Layout, renderPage } from './layout.tsx';

const T = SIGN_OFF_PAGE;
const C = SIGN_OFF_CONFIRM;
const R = SIGN_OFF_RESULTS;

/** The form's field names per dossier (ids are the dossiers'; the comment field carries the id). */
const commentField = (id: string) => `comment-${id}`;

export interface SignOffPageProps {
  readonly lang: Lang;
  readonly view: SignOffView;
  readonly linkId: string;
  readonly secret: string;
  /** A refused POST: what was chosen (kept) and every problem, shown beside its field. */
  readonly values?: SignOffChoice;
  readonly issues?: readonly FieldIssue[];
}

/** The Director's page: the listed dossiers to sign off or send back, its confirmation, or its results. */
export function renderSignOffPage(props: SignOffPageProps) {
  const { lang, view } = props;
  const action = `/sign-off/${props.linkId}${lang === 'en' ? '?lang=en' : ''}`;
  const title = view.kind === 'confirm' ? C.title : view.kind === 'done' ? R.title : T.title;
  return renderPage(
    <Layout lang={lang} title={title[lang]} path={`/sign-off/${props.linkId}`}>
      {view.kind === 'open' && (
        <OpenView {...props} items={view.items} action={action} issues={props.issues ?? []} />
      )}
      {view.kind === 'used' && (
        <>
          <h1>{T.heading[lang]}</h1>
          <p class="notice" role="status">
            {say(T.used, lang, formatIct(view.at), view.by)}
          </p>
          {view.items.map((item) => (
            <ItemStatus item={item} lang={lang} />
          ))}
        </>
      )}
      {view.kind === 'confirm' && (
        <ConfirmView
          lang={lang}
          action={action}
          secret={props.secret}
          items={view.items}
          choice={view.choice}
        />
      )}
      {view.kind === 'done' && (
        <>
          <h1>{R.title[lang]}</h1>
          <ul class="sign-off-results">
            {view.results.map((r) => (
              <li data-dossier={r.item.id} data-result={r.kind}>
                <strong>{r.item.dossier?.code ?? r.item.id}</strong> · {r.item.dossier?.form.space.nameVi}
                {': '}
                {r.kind === 'approved' || r.kind === 'sentBack' || r.kind === 'pending'
                  ? R[r.kind][lang]
                  : r.kind === 'already'
                    ? say(
                        R.already,
                        lang,
                        SIGN_OFF_OUTCOMES[r.prior.outcome as keyof typeof SIGN_OFF_OUTCOMES]?.[lang] ??
                          r.prior.outcome,
                        r.prior.by,
                        r.prior.at ? formatIct(r.prior.at) : '—',
                      )
                    : notWaitingText(r.item, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>,
  );
}

function notWaitingText(item: SignOffItem, lang: Lang): string {
  return item.dossier ? say(T.notWaiting, lang, STATUS_LABELS[item.dossier.status][lang]) : T.missing[lang];
}

/** A dossier of the list that no longer waits: its code and what it is now. */
function ItemStatus({ item, lang }: { item: SignOffItem; lang: Lang }) {
  return (
    <section class="card" data-dossier={item.id}>
      <h2>
        {item.dossier?.code ?? item.id} {item.dossier ? `· ${item.dossier.form.space.nameVi}` : ''}
      </h2>
      <p>{isWaiting(item.dossier) ? STATUS_LABELS.recommended[lang] : notWaitingText(item, lang)}</p>
    </section>
  );
}

function OpinionList({ opinions, lang }: { opinions: readonly Opinion[]; lang: Lang }) {
  return (
    <>
      <h3>{T.opinions[lang]}</h3>
      <ul class="opinions">
        {opinions.map((o) => (
          <li>
            <strong>{o.by}</strong>: {OPINION_LABELS[o.outcome][lang]}
            {o.scores?.length
              ? ` · ${o.scores.map((s) => say(COUNCIL_WORDS.score, lang, s.criterion[lang], s.score)).join(', ')}`
              : ''}
            {o.comment ? (
              <>
                {' · '}
                <em>{o.comment}</em>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function OpenView(props: {
  lang: Lang;
  items: readonly SignOffItem[];
  action: string;
  secret: string;
  values?: SignOffChoice;
  issues: readonly FieldIssue[];
}) {
  const { lang, issues } = props;
  const waiting = props.items.filter((i) => isWaiting(i.dossier));
  const approved = new Set(props.values?.approve ?? []);
  const sentBack = new Map((props.values?.sendBack ?? []).map((s) => [s.id, s.comment]));
  const issueOf = (path: string) => issues.find((i) => i.path === path);
  const general = issueOf('approve') ?? issueOf('sendBack');
  return (
    <>
      <h1>{T.heading[lang]}</h1>
      {issues.length > 0 && (
        <div class="notice notice-error error-summary" role="alert" id="problems" tabindex={-1} autofocus>
          <p>{say(T.problems, lang, issues.length)}</p>
          <ul>
            {issues.map((i) => (
              <li>
                <a href={`#${i.path === 'approve' || i.path === 'sendBack' ? 'choices' : i.path}`}>
                  {i.field}: {i.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {waiting.length ? (
        <p>{say(T.lead, lang, waiting.length)}</p>
      ) : (
        <p class="notice" role="status">
          {T.none[lang]}
        </p>
      )}
      <form method="post" action={props.action} novalidate id="choices">
        <input type="hidden" name="s" value={props.secret} />
        {general && <p class="field-error">{general.message}</p>}
        {props.items.map((item) => {
          const d = item.dossier;
          if (!isWaiting(d)) return <ItemStatus item={item} lang={lang} />;
          const code = d.code ?? d.id;
          const field = commentField(d.id);
          const problem = issueOf(field);
          return (
            <section class="card sign-off-item" data-dossier={d.id}>
              <h2>
                {code} · {d.form.space.nameVi}
              </h2>
              <dl>
                <dt>{T.ward[lang]}</dt>
                <dd>{fieldText(d, 'space.wardCode', lang)}</dd>
                <dt>{T.representative[lang]}</dt>
                <dd>{d.form.representative.fullName}</dd>
                <dt>{T.submitted[lang]}</dt>
                <dd>{d.submittedAt ? formatIct(d.submittedAt) : '—'}</dd>
                <dt>{T.recommendedBy[lang]}</dt>
                <dd>{d.signOff.recommendedBy}</dd>
                <dt>{T.since[lang]}</dt>
                <dd>{formatIct(d.signOff.since)}</dd>
                <dt>{T.comment[lang]}</dt>
                <dd>{d.signOff.comment || T.noComment[lang]}</dd>
              </dl>
              {d.signOff.opinions?.length ? <OpinionList opinions={d.signOff.opinions} lang={lang} /> : null}
              <details>
                <summary>{T.allFields[lang]}</summary>
                <DossierFieldList d={d} lang={lang} />
              </details>
              <label class="check">
                <input type="checkbox" name="approve" value={d.id} checked={approved.has(d.id)} />{' '}
                {say(T.approve, lang, code)}
              </label>
              <label class="check">
                <input type="checkbox" name="sendBack" value={d.id} checked={sentBack.has(d.id)} />{' '}
                {say(T.sendBack, lang, code)}
              </label>
              <label for={field}>{T.sendBackComment[lang]}</label>
              <textarea
                id={field}
                name={field}
                rows={3}
                aria-describedby={`${field}-error`}
                {...(problem ? { 'aria-invalid': 'true' } : {})}
              >
                {sentBack.get(d.id) ?? ''}
              </textarea>
              <p class="field-error" id={`${field}-error`}>
                {problem?.message ?? ''}
              </p>
            </section>
          );
        })}
        {waiting.length > 0 && (
          <>
            <p class="hint">{T.submitHint[lang]}</p>
            <button type="submit">{T.submit[lang]}</button>
          </>
        )}
      </form>
    </>
  );
}

/** The choice as hidden fields, for the confirmed POST and for going back to edit it. */
function ChoiceFields({ secret, choice }: { secret: string; choice: SignOffChoice }) {
  return (
    <>
      <input type="hidden" name="s" value={secret} />
      {choice.approve.map((id) => (
        <input type="hidden" name="approve" value={id} />
      ))}
      {choice.sendBack.map((s) => (
        <>
          <input type="hidden" name="sendBack" value={s.id} />
          <input type="hidden" name={commentField(s.id)} value={s.comment} />
        </>
      ))}
    </>
  );
}

function ConfirmView(props: {
  lang: Lang;
  action: string;
  secret: string;
  items: readonly SignOffItem[];
  choice: SignOffChoice;
}) {
  const { lang, choice } = props;
  const byId = new Map(props.items.map((i) => [i.id, i.dossier]));
  const codeOf = (id: string) => byId.get(id)?.code ?? id;
  return (
    <>
      <h1>{C.title[lang]}</h1>
      <section class="card" role="status">
        {choice.approve.length > 0 && (
          <>
            <p>
              <strong>
                {say(C.approveLead, lang, choice.approve.length, choice.approve.map(codeOf).join(', '))}
              </strong>
            </p>
            <p>{C.approveEffect[lang]}</p>
          </>
        )}
        {choice.sendBack.length > 0 && (
          <>
            <p>
              <strong>
                {say(
                  C.sendBackLead,
                  lang,
                  choice.sendBack.length,
                  choice.sendBack.map((s) => codeOf(s.id)).join(', '),
                )}
              </strong>
            </p>
            <ul>
              {choice.sendBack.map((s) => (
                <li>
                  {codeOf(s.id)}: <em>{s.comment}</em>
                </li>
              ))}
            </ul>
          </>
        )}
        <p>{C.final[lang]}</p>
      </section>
      <form method="post" action={props.action} class="actions">
        <ChoiceFields secret={props.secret} choice={choice} />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">{C.confirm[lang]}</button>
      </form>
      <form method="post" action={props.action} class="actions">
        <ChoiceFields secret={props.secret} choice={choice} />
        <input type="hidden" name="edit" value="1" />
        <button type="submit" class="secondary">
          {C.back[lang]}
        </button>
      </form>
    </>
  );
}
