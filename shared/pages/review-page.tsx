import type { DecisionPolicy, Opinion } from '../domain/council.ts';
import { STATUS_LABELS, type StoredDocument, SUPPLEMENT_FIELDS } from '../domain/dossier.ts';
import type { FieldIssue } from '../domain/errors.ts';
import { FIELD_LABELS } from '../domain/form-labels.ts';
import type { Round } from '../domain/round.ts';
import { addDays, formatIct, formatIctDate, ictDay } from '../domain/time.ts';
import type { ReviewOutcome } from '../domain/workflow-contract.ts';
import { say } from '../i18n/catalog.ts';
import type { Lang } from '../i18n/lang.ts';
import { COUNCIL_WORDS, OPINION_LABELS, SCORE_WORDS } from '../i18n/messages/council.ts';
import { PDF_PREVIEW } from '../i18n/messages/pdf-preview.ts';
import { OUTCOME_LABELS, OUTCOME_VERBS, REVIEW_FIELDS, REVIEW_PAGE } from '../i18n/messages/review.ts';
import { type CouncilView, MAX_SUPPLEMENT_DAYS, type ReviewView } from '../usecases/review.ts';
import { actorOf } from './admin-kit.tsx';
import { asset } from './assets.ts';
import { DossierFieldList } from './dossier-fields.tsx';
import { Layout, renderPage } from './layout.tsx';
import { PDF_PREVIEW_SCRIPT, PdfFrame, pdfLibrary } from './pdf-preview.tsx';

const OUTCOME = OUTCOME_LABELS;
const T = REVIEW_PAGE;
const OUTCOMES: readonly ReviewOutcome[] = ['approved', 'supplement', 'rejected'];

/** What the reviewer typed, kept as typed so a refused or reconsidered decision comes back as it was. */
export interface DecisionDraft {
  readonly outcome?: string;
  readonly comment: string;
  readonly items: readonly string[];
  readonly dueDate?: string;
  /** Criterion id → the score chosen (as posted). */
  readonly scores: Readonly<Record<string, string>>;
}

/**
 * Where the reviewer is: deciding (possibly with what was wrong in their last try), or asked to confirm a
 * decision that nothing has acted on yet.
 */
export type ReviewStep =
  | { readonly step: 'decide'; readonly draft?: DecisionDraft; readonly issues?: readonly FieldIssue[] }
  | { readonly step: 'confirm'; readonly draft: DecisionDraft & { readonly outcome: ReviewOutcome } };

/** The id of the control a field's problem points at (the summary's links, aria-describedby). */
const controlIdOf = (path: string) =>
  path === 'items' ? 'item-0' : path === 'outcome' ? 'decision' : path.replace(/[^\w-]/g, '-');

const scoreField = (criterionId: string) => `score_${criterionId}`;

function sizeText(bytes: number, lang: Lang): string {
  if (bytes < 1024 * 1024) return say(T.kilobytes, lang, Math.max(1, Math.round(bytes / 1024)));
  return say(T.megabytes, lang, bytes / 1024 / 1024);
}

/** The documents by checklist item, in the checklist's order; items of no checklist slot come last. */
export function documentGroups(
  documents: readonly StoredDocument[],
  checklist: Round['checklist'] | undefined,
  lang: Lang,
): { slot: string; title: string; documents: StoredDocument[] }[] {
  const byTime = [...documents].sort(
    (a, b) => a.addedAt.localeCompare(b.addedAt) || a.name.localeCompare(b.name),
  );
  const known = new Set((checklist ?? []).map((s) => s.slot));
  const groups = (checklist ?? []).map((s) => ({
    slot: s.slot,
    title: s.title[lang],
    documents: byTime.filter((d) => d.slot === s.slot),
  }));
  const others = byTime.filter((d) => !known.has(d.slot));
  return others.length ? [...groups, { slot: '', title: T.otherDocuments[lang], documents: others }] : groups;
}

/**
 * One document: an image as its thumbnail, a PDF with a place where pdf-preview.js draws its first page,
 * and for every one a link that downloads it under its original name (the presigned link says so).
 */
function DocumentItem({ doc, link, lang }: { doc: StoredDocument; link?: string; lang: Lang }) {
  const size = sizeText(doc.verifiedSize ?? doc.declaredSize, lang);
  const label = say(T.download, lang, doc.name, size);
  const image = doc.type === 'jpeg' || doc.type === 'png';
  return (
    <li class={`doc doc-${doc.type}`}>
      {link && image && <img class="doc-preview" src={link} alt={doc.name} loading="lazy" />}
      {link && doc.type === 'pdf' && <PdfFrame url={link} alt={say(PDF_PREVIEW.firstPage, lang, doc.name)} />}
      {link ? (
        <a class="doc-link" href={link}>
          {label}
        </a>
      ) : (
        <span class="doc-link">{label}</span>
      )}
    </li>
  );
}

function DocumentGroups(props: {
  lang: Lang;
  documents: readonly StoredDocument[];
  round?: Round;
  links: Readonly<Record<string, string>>;
}) {
  const { lang } = props;
  return (
    <>
      {documentGroups(props.documents, props.round?.checklist, lang).map((g) => (
        <section class="doc-group" data-slot={g.slot}>
          <h3>{g.title}</h3>
          {g.documents.length ? (
            <ul class="docs">
              {g.documents.map((doc) => (
                <DocumentItem doc={doc} link={props.links[doc.fileId]} lang={lang} />
              ))}
            </ul>
          ) : (
            <p class="hint">{T.noDocument[lang]}</p>
          )}
        </section>
      ))}
    </>
  );
}

/** A field's error line and the attributes that tie it to its control. */
function problemOf(issues: readonly FieldIssue[], path: string) {
  const issue = issues.find((i) => i.path === path);
  return {
    issue,
    invalid: issue ? { 'aria-invalid': 'true' as const } : {},
    line: (
      <p class="field-error" id={`${controlIdOf(path)}-error`}>
        {issue?.message ?? ''}
      </p>
    ),
  };
}

/** One opinion of a council member: who, what, their scores and comment. */
function OpinionItem({ o, lang }: { o: Opinion; lang: Lang }) {
  return (
    <li class="opinion" data-outcome={o.outcome}>
      <p>
        <strong>{OPINION_LABELS[o.outcome][lang]}</strong> · {o.by} · {formatIct(o.at)}
      </p>
      {o.scores?.length ? (
        <p class="opinion-scores">
          {o.scores.map((sc) => say(COUNCIL_WORDS.score, lang, sc.criterion[lang], sc.score)).join(' · ')}
        </p>
      ) : null}
      {o.comment && <p class="opinion-comment">{o.comment}</p>}
    </li>
  );
}

/**
 * The council as this member may see it: their own opinion once given and, only then, the others' (so no one
 * is swayed before deciding), with where the vote stands while it is open.
 */
function CouncilOpinions({ council, lang, waiting }: { council: CouncilView; lang: Lang; waiting: boolean }) {
  if (!council.own) return null;
  return (
    <section class="card council" aria-labelledby="council-title">
      {waiting && (
        <p class="notice notice-ok" role="status">
          {say(SCORE_WORDS.waiting, lang, council.others.length + 1, council.members.length, council.quorum)}
        </p>
      )}
      <h2 id="council-title">{T.yourOpinion[lang]}</h2>
      <ul class="opinions">
        <OpinionItem o={council.own} lang={lang} />
      </ul>
      <h2>{T.othersOpinions[lang]}</h2>
      {council.others.length ? (
        <ul class="opinions">
          {council.others.map((o) => (
            <OpinionItem o={o} lang={lang} />
          ))}
        </ul>
      ) : (
        <p>{T.noOtherOpinion[lang]}</p>
      )}
    </section>
  );
}

/** Every problem of the last try, each a link to its field; the page opens on it (the browser's focus). */
function ProblemSummary({ issues, lang }: { issues: readonly FieldIssue[]; lang: Lang }) {
  if (!issues.length) return null;
  return (
    <div class="notice notice-error error-summary" role="alert" id="problems" tabindex={-1} autofocus>
      <p>{say(T.problems, lang, issues.length)}</p>
      <ul>
        {issues.map((i) => (
          <li>
            <a href={`#${controlIdOf(i.path)}`}>
              {i.field}: {i.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DecisionForm(props: {
  lang: Lang;
  action: string;
  secret: string;
  round?: Round;
  criteria: DecisionPolicy['criteria'];
  draft?: DecisionDraft;
  issues: readonly FieldIssue[];
  /** A council member gives an opinion ("Đề nghị công nhận"), not the decision. */
  council?: boolean;
}) {
  const { lang, round, draft, issues } = props;
  const labels = props.council ? OPINION_LABELS : OUTCOME;
  const today = ictDay(new Date());
  const chosen = new Set(draft?.items ?? []);
  const comment = problemOf(issues, 'comment');
  const items = problemOf(issues, 'items');
  const due = problemOf(issues, 'dueDate');
  const outcome = problemOf(issues, 'outcome');
  const itemChoices = [
    ...(round?.checklist ?? []).map((slot) => ({ value: `documents.${slot.slot}`, label: slot.title[lang] })),
    ...SUPPLEMENT_FIELDS.map((path) => ({ value: path, label: FIELD_LABELS[path]?.[lang] ?? path })),
  ];
  return (
    <form method="post" action={props.action} class="card decision-form" novalidate>
      <input type="hidden" name="s" value={props.secret} />
      <div class="field">
        <label for="comment">{T.comment[lang]}</label>
        <p class="hint" id="comment-hint">
          {T.commentHint[lang]}
        </p>
        <textarea
          id="comment"
          name="comment"
          rows={4}
          aria-describedby="comment-hint comment-error"
          {...comment.invalid}
        >
          {draft?.comment ?? ''}
        </textarea>
        {comment.line}
      </div>
      {props.criteria.map((c) => {
        const p = problemOf(issues, scoreField(c.id));
        const id = controlIdOf(scoreField(c.id));
        return (
          <div class="field">
            <label for={id}>{say(SCORE_WORDS.field, lang, c.name[lang])}</label>
            <select id={id} name={scoreField(c.id)} aria-describedby={`${id}-error`} {...p.invalid}>
              <option value="">—</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option value={String(n)} selected={draft?.scores[c.id] === String(n)}>
                  {n}
                </option>
              ))}
            </select>
            {p.line}
          </div>
        );
      })}
      <fieldset class="supplement-terms" aria-describedby="item-0-error">
        <legend>{T.supplementItems[lang]}</legend>
        <div class="checks">
          {itemChoices.map((c, i) => (
            <label class="check">
              <input
                type="checkbox"
                name="items"
                value={c.value}
                id={`item-${i}`}
                checked={chosen.has(c.value)}
                {...items.invalid}
              />{' '}
              {c.label}
            </label>
          ))}
        </div>
        {items.line}
        <div class="field">
          <label for="dueDate">{say(T.dueDate, lang, MAX_SUPPLEMENT_DAYS)}</label>
          <input
            type="date"
            id="dueDate"
            name="dueDate"
            value={draft?.dueDate ?? addDays(today, 7)}
            min={addDays(today, 1)}
            max={addDays(today, MAX_SUPPLEMENT_DAYS)}
            aria-describedby="dueDate-error"
            {...due.invalid}
          />
          {due.line}
        </div>
      </fieldset>
      <fieldset class="decision" id="decision" tabindex={-1} aria-describedby="decision-hint decision-error">
        <legend>{T.decision[lang]}</legend>
        <p class="hint" id="decision-hint">
          {T.decisionHint[lang]}
        </p>
        <div class="actions">
          {OUTCOMES.map((o) => (
            <button type="submit" name="outcome" value={o} class={`decide decide-${o}`}>
              {labels[o][lang]}
            </button>
          ))}
        </div>
        {outcome.line}
      </fieldset>
    </form>
  );
}

/** The decision restated; only "Confirm" posts it with `confirm=1`, "Back" brings the form back as typed. */
function ConfirmDecision(props: {
  lang: Lang;
  action: string;
  secret: string;
  code: string;
  round?: Round;
  criteria: DecisionPolicy['criteria'];
  draft: DecisionDraft & { outcome: ReviewOutcome };
  council?: boolean;
}) {
  const { lang, draft, round } = props;
  const itemLabel = (item: string) =>
    item.startsWith('documents.')
      ? (round?.checklist.find((s) => `documents.${s.slot}` === item)?.title[lang] ?? item)
      : (FIELD_LABELS[item as keyof typeof FIELD_LABELS]?.[lang] ?? item);
  const supplement = draft.outcome === 'supplement';
  return (
    <section class={`card confirm-decision confirm-${draft.outcome}`} aria-labelledby="confirm-title">
      <h2 id="confirm-title">{T.confirmTitle[lang]}</h2>
      <p class="confirm-lead">{say(T.confirmLead, lang, OUTCOME_VERBS[draft.outcome][lang], props.code)}</p>
      <dl>
        <dt>{T.decision[lang]}</dt>
        <dd>{(props.council ? OPINION_LABELS : OUTCOME)[draft.outcome][lang]}</dd>
        <dt>{REVIEW_FIELDS.comment[lang]}</dt>
        <dd class="confirm-comment">{draft.comment || T.noComment[lang]}</dd>
        {props.criteria.map((c) => (
          <>
            <dt>{c.name[lang]}</dt>
            <dd>{draft.scores[c.id] || '—'}</dd>
          </>
        ))}
        {supplement && (
          <>
            <dt>{REVIEW_FIELDS.items[lang]}</dt>
            <dd>
              <ul class="supplement-items">
                {draft.items.map((i) => (
                  <li>{itemLabel(i)}</li>
                ))}
              </ul>
            </dd>
            <dt>{REVIEW_FIELDS.dueDate[lang]}</dt>
            <dd>{draft.dueDate ? formatIctDate(`${draft.dueDate}T12:00:00+07:00`) : '—'}</dd>
          </>
        )}
      </dl>
      <p>{T.confirmFinal[lang]}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="s" value={props.secret} />
        <input type="hidden" name="outcome" value={draft.outcome} />
        <input type="hidden" name="comment" value={draft.comment} />
        {draft.items.map((i) => (
          <input type="hidden" name="items" value={i} />
        ))}
        {draft.dueDate && <input type="hidden" name="dueDate" value={draft.dueDate} />}
        {Object.entries(draft.scores).map(([id, score]) => (
          <input type="hidden" name={scoreField(id)} value={score} />
        ))}
        <div class="actions">
          <button type="submit" name="confirm" value="1" class={`decide decide-${draft.outcome}`}>
            {T.confirm[lang]}
          </button>
          <button type="submit" name="back" value="1" class="decide decide-back">
            {T.back[lang]}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The reviewer's page: the whole dossier and the decision form, or who already decided and when. */
export function renderReviewPage(props: {
  lang: Lang;
  view: ReviewView;
  linkId: string;
  secret: string;
  round?: Round;
  /** Short-lived links to each document (by file id); without one a document is named only. */
  downloads?: Readonly<Record<string, string>>;
  step?: ReviewStep;
}) {
  const { lang, view, round } = props;
  const step: ReviewStep = props.step ?? { step: 'decide' };
  const d = view.dossier;
  const code = d.code ?? d.id;
  const action = `/review/${props.linkId}${lang === 'en' ? '?lang=en' : ''}`;
  // Scores are a council member's (the use-case asks them of council members only).
  const criteria = view.council?.criteria ?? [];
  const links = props.downloads ?? {};
  const documents = Object.values(d.documents);
  const hasPdf = documents.some((doc) => doc.type === 'pdf' && links[doc.fileId]);
  const confirming = view.kind === 'open' && step.step === 'confirm';
  const issues = step.step === 'decide' ? (step.issues ?? []) : [];
  return renderPage(
    <Layout
      lang={lang}
      title={`${code} · ${confirming ? T.confirmTitle[lang] : T.review[lang]}`}
      path={`/review/${props.linkId}`}
      scripts={hasPdf && !confirming ? [asset(PDF_PREVIEW_SCRIPT)] : []}
    >
      <h1>
        {T.heading[lang]} {code}
      </h1>
      {view.kind === 'open' && step.step === 'confirm' ? (
        <ConfirmDecision
          lang={lang}
          action={action}
          secret={props.secret}
          code={code}
          round={round}
          criteria={criteria}
          draft={step.draft}
          council={view.council !== undefined}
        />
      ) : (
        <>
          <ProblemSummary issues={issues} lang={lang} />
          <p>
            {T.status[lang]}
            <strong>{STATUS_LABELS[d.status][lang]}</strong>
          </p>
          <DossierFieldList d={d} lang={lang} />
          <section class="card" {...(hasPdf ? pdfLibrary() : {})}>
            <h2>{T.documents[lang]}</h2>
            <DocumentGroups lang={lang} documents={documents} round={round} links={links} />
            <h2>{T.history[lang]}</h2>
            <ol class="history">
              {d.history.map((h) => (
                <li>
                  {formatIct(h.at)} — {STATUS_LABELS[h.to][lang]} ({actorOf(h.by, lang)})
                  {h.note ? `: ${h.note[lang]}` : ''}
                </li>
              ))}
            </ol>
          </section>
          {view.kind === 'decided' && view.council && !view.council.own ? (
            <p class="notice notice-ok" role="status">
              {SCORE_WORDS.notNeeded[lang]}
            </p>
          ) : view.kind === 'decided' ? (
            <p class="notice notice-ok" role="status">
              {say(
                T.decided,
                lang,
                OUTCOME[view.decision.outcome as keyof typeof OUTCOME]?.[lang] ?? view.decision.outcome,
                view.decision.by,
                formatIct(view.decision.at),
              )}
            </p>
          ) : null}
          {view.kind !== 'open' && view.council && (
            <CouncilOpinions council={view.council} lang={lang} waiting={view.kind === 'waiting'} />
          )}
          {view.kind === 'open' && (
            <DecisionForm
              lang={lang}
              action={action}
              secret={props.secret}
              round={round}
              criteria={criteria}
              draft={step.step === 'decide' ? step.draft : undefined}
              issues={issues}
              council={view.council !== undefined}
            />
          )}
        </>
      )}
    </Layout>,
  );
}
