import { textOf } from '../i18n/catalog.ts';
import type { Text } from '../i18n/lang.ts';
import { HISTORY_NOTES } from '../i18n/messages/dossier.ts';
import { type Opinion, opinionNote } from './council.ts';
import {
  DOSSIER_STATUSES,
  type Dossier,
  type DossierStatus,
  type HistoryEntry,
  type SignOffRequest,
  type SupplementRequest,
} from './dossier.ts';

/**
 * The dossier lifecycle in one place: which events may happen in which status, where each leads, and the
 * history entry it leaves. Every status change in the code is a `transition` (and a new draft is
 * `openDraft`); the README's "Dossier lifecycle" table shows the same rules with the workflow states
 * that trigger them.
 */

/** The statuses themselves (and their labels) stay with the dossier's shape; read here with the rules. */
export { DOSSIER_STATUSES, type DossierStatus } from './dossier.ts';

/**
 * The round's open/closed rule lives beside the lifecycle: a draft is made, changed and submitted only
 * while it holds (open status, on or after `opensOn` and not past 23:59:59 of the deadline day, Hanoi time).
 */
export { isAcceptingApplications } from './round.ts';

/** What can happen to a dossier. Remarks (remind, escalate, issueCertificate) leave its status as it is. */
export type DossierEvent =
  | { readonly type: 'submit' }
  | { readonly type: 'startReview' }
  | { readonly type: 'remind'; readonly attempt: number }
  | { readonly type: 'escalate'; readonly reminders: number }
  | { readonly type: 'requestSupplement'; readonly request: SupplementRequest }
  | { readonly type: 'resubmit' }
  | { readonly type: 'issueCertificate'; readonly number: string }
  | { readonly type: 'revokeCertificate'; readonly number: string; readonly reason: string }
  /** A council member's opinion (a remark: the council decides once its quorum is met). */
  | { readonly type: 'opinion'; readonly opinion: Opinion }
  /** The reviewer or the council recommends approval: the Director's sign-off is awaited. */
  | { readonly type: 'recommend'; readonly request: SignOffRequest }
  | { readonly type: 'remindSignOff'; readonly attempt: number }
  /** The Director sends a recommended dossier back to review, with a comment. */
  | { readonly type: 'sendBack'; readonly comment: string }
  /** The Director's approval (phê duyệt). */
  | { readonly type: 'approve'; readonly comment?: string }
  | { readonly type: 'reject'; readonly comment?: string }
  | { readonly type: 'closeIncomplete' }
  | { readonly type: 'expire' }
  | { readonly type: 'fail' };
export type DossierEventType = DossierEvent['type'];

interface Rule {
  readonly from: readonly DossierStatus[];
  /** The status it leads to; absent for a remark, which keeps the status. */
  readonly to?: DossierStatus;
  /** A remark's entry reads as made on this status instead of the current one. */
  readonly remarkOn?: DossierStatus;
}

/** Statuses a running workflow can meet: every one after the submission. */
const WORKFLOW_STATUSES: readonly DossierStatus[] = DOSSIER_STATUSES.filter(
  (s) => s !== 'draft' && s !== 'expired' && s !== 'failed',
);

/** The allowed transitions, by event. */
export const LIFECYCLE: { readonly [E in DossierEventType]: Rule } = {
  submit: { from: ['draft'], to: 'submitted' },
  // From supplement_requested too: a review started again while the answer was on its way.
  startReview: { from: ['submitted', 'supplement_requested'], to: 'in_review' },
  remind: { from: ['in_review'] },
  escalate: { from: ['in_review'] },
  opinion: { from: ['in_review'] },
  recommend: { from: ['in_review'], to: 'recommended' },
  remindSignOff: { from: ['recommended'] },
  sendBack: { from: ['recommended'], to: 'in_review' },
  requestSupplement: { from: ['in_review'], to: 'supplement_requested' },
  resubmit: { from: ['supplement_requested'], to: 'submitted' },
  // IssueCertificate runs once the Director signed off, just before NotifyApproved records that approval
  // (or again on a re-run): the certificate belongs to the approved dossier.
  issueCertificate: { from: ['recommended', 'approved'], remarkOn: 'approved' },
  revokeCertificate: { from: ['approved'] },
  // Only the Director approves, and only what a reviewer or the council recommended.
  approve: { from: ['recommended'], to: 'approved' },
  reject: { from: ['in_review'], to: 'rejected' },
  // From submitted too: an answer sent just before the due time whose delivery came too late.
  closeIncomplete: { from: ['supplement_requested', 'submitted'], to: 'incomplete' },
  expire: { from: ['draft'], to: 'expired' },
  // The workflow's catch-all records a failure from whatever step it happened in.
  fail: { from: WORKFLOW_STATUSES, to: 'failed' },
};

export type TransitionOutcome =
  | { readonly ok: true; readonly dossier: Dossier; readonly entry: HistoryEntry }
  /**
   * `already`: the dossier is where the event leads (a retried step; nothing to record);
   * `not-allowed`: the event cannot happen in the dossier's status.
   */
  | {
      readonly ok: false;
      readonly reason: 'already' | 'not-allowed';
      readonly status: DossierStatus;
      readonly event: DossierEventType;
    };

/** May `event` happen to a dossier in `status`? */
export const isAllowed = (status: DossierStatus, event: DossierEventType): boolean =>
  LIFECYCLE[event].from.includes(status);

/**
 * The dossier after `event`, by `actor` (an email, or `system`) at `at`, and the history entry that
 * records it; or why it cannot happen. The caller saves both (the entry also goes to the audit trail).
 */
export function transition(d: Dossier, event: DossierEvent, actor: string, at: Date): TransitionOutcome {
  const rule = LIFECYCLE[event.type];
  if (rule.to !== undefined && d.status === rule.to)
    return { ok: false, reason: 'already', status: d.status, event: event.type };
  if (!rule.from.includes(d.status))
    return { ok: false, reason: 'not-allowed', status: d.status, event: event.type };
  const when = at.toISOString();
  const effect = effectOf(d, event, when);
  if (!effect) return { ok: false, reason: 'not-allowed', status: d.status, event: event.type };
  const note = effect.note;
  const entry: HistoryEntry = {
    at: when,
    from: rule.to ? d.status : (rule.remarkOn ?? d.status),
    to: rule.to ?? rule.remarkOn ?? d.status,
    by: actor,
    ...(note ? { note } : {}),
  };
  const { drop, ...changes } = effect.changes ?? {};
  const next: Dossier = {
    ...withoutKeys(d, drop ?? []),
    ...changes,
    status: rule.to ?? d.status,
    updatedAt: when,
    history: [...d.history, entry],
  };
  return { ok: true, dossier: next, entry };
}

/** A new draft, made by `actor` (the representative's email) at `at`, with its first history entry. */
export function openDraft(
  init: Pick<Dossier, 'id' | 'roundId' | 'form' | 'editTokenHash'>,
  actor: string,
  at: Date,
): { dossier: Dossier; entry: HistoryEntry } {
  const when = at.toISOString();
  const entry: HistoryEntry = { at: when, from: null, to: 'draft', by: actor };
  const dossier: Dossier = {
    ...init,
    status: 'draft',
    documents: {},
    history: [entry],
    createdAt: when,
    updatedAt: when,
    version: 1,
  };
  return { dossier, entry };
}

type Effect = {
  readonly note?: Text;
  readonly changes?: Partial<Dossier> & { readonly drop?: readonly (keyof Dossier)[] };
};

const said = (comment: string | undefined): Text | undefined =>
  comment ? { vi: comment, en: comment } : undefined;

/** What an allowed event changes besides the status, and its note; undefined if it cannot apply. */
function effectOf(d: Dossier, event: DossierEvent, at: string): Effect | undefined {
  switch (event.type) {
    case 'submit':
      return { changes: { submittedAt: at } };
    case 'requestSupplement':
      return { note: said(event.request.comment), changes: { supplement: event.request } };
    case 'resubmit': {
      const request = d.supplement;
      // The answer goes to the waiting workflow through the task token of the request it answers.
      if (!request?.taskToken) return undefined;
      return {
        note: HISTORY_NOTES.resubmitted,
        changes: {
          drop: ['supplement'],
          // Recorded with the resubmission, then delivered; until then a retry or the reconciler can.
          supplementAnswer: { taskToken: request.taskToken, items: request.items, at, dueAt: request.dueAt },
        },
      };
    }
    case 'remind':
      return {
        note: textOf(HISTORY_NOTES.reminded, event.attempt),
      };
    case 'escalate':
      return {
        note: textOf(HISTORY_NOTES.escalated, event.reminders),
      };
    case 'issueCertificate':
      return {
        note: textOf(HISTORY_NOTES.certificateIssued, event.number),
      };
    case 'revokeCertificate':
      return { note: textOf(HISTORY_NOTES.certificateRevoked, event.number, event.reason) };
    case 'opinion':
      return { note: opinionNote(event.opinion) };
    case 'recommend':
      return { note: said(event.request.comment), changes: { signOff: event.request } };
    case 'remindSignOff':
      return { note: textOf(HISTORY_NOTES.signOffReminded, event.attempt) };
    case 'sendBack':
      return { note: textOf(HISTORY_NOTES.sentBack, event.comment), changes: { drop: ['signOff'] } };
    case 'approve':
      return { note: said(event.comment), changes: { drop: ['signOff'] } };
    case 'reject':
      return { note: said(event.comment) };
    case 'startReview':
    case 'closeIncomplete':
    case 'expire':
    case 'fail':
      return {};
  }
}

function withoutKeys(d: Dossier, keys: readonly (keyof Dossier)[]): Dossier {
  if (!keys.length) return d;
  const copy: Record<string, unknown> = { ...d };
  for (const k of keys) delete copy[k];
  return copy as unknown as Dossier;
}
