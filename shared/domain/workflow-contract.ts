import type { IssuedCertificate } from './certificate.ts';
import type { Opinion } from './council.ts';

/**
 * Shapes that cross the approval workflow: the execution input, what each Task receives and what a
 * callback sends back. The CDK definition and the handlers are both typed by these.
 */
export interface ExecutionInput {
  readonly dossierId: string;
  readonly roundId: string;
}

export type ReviewOutcome = 'approved' | 'supplement' | 'rejected';

/** The output a reviewer's decision sends through SendTaskSuccess. */
export interface ReviewDecision {
  readonly outcome: ReviewOutcome;
  readonly by: string;
  readonly at: string;
  readonly comment: string;
  /** For a supplement: seconds until the due date, used as the AwaitSupplement timeout. */
  readonly timeoutSeconds?: number;
  /** For a supplement: the requested items and the due day (yyyy-MM-dd, ends 23:59:59 ICT). */
  readonly items?: readonly string[];
  readonly dueDate?: string;
  /** A council's decision: every opinion given in the cycle, the deciding ones included. */
  readonly opinions?: readonly Opinion[];
}

export type SignOffOutcome = 'approved' | 'sentBack';

/** The Director's answer to AwaitSignOff (SendTaskSuccess): signed off, or back to review with a comment. */
export interface SignOffDecision {
  readonly outcome: SignOffOutcome;
  readonly by: string;
  readonly at: string;
  readonly comment: string;
}

/** What AwaitSignOff's Lambda receives: the callback token and the recommendation it asks to sign. */
export interface SignOffTaskInput extends CallbackTaskInput {
  readonly recommendation: ReviewDecision;
}

/** What AwaitSupplement's Lambda receives: the callback token and the reviewer's request. */
export interface SupplementTaskInput extends CallbackTaskInput {
  readonly request: ReviewDecision;
}

export interface CallbackTaskInput {
  readonly dossierId: string;
  readonly taskToken: string;
  readonly attempt: number;
  /**
   * The review cycle (0 at submission, +1 after each supplement or sending back): a council's assignment
   * and opinions belong to one cycle, and survive the reminders (new tokens) within it.
   */
  readonly cycle?: number;
}

export type OutcomeAction =
  | 'received'
  | 'approved'
  | 'rejected'
  | 'incomplete'
  | 'escalate'
  | 'failed'
  | 'sentBack';

/** What NotifyApproved passes: the Director's sign-off (who approved, the comment) and the certificate. */
export interface ApprovalDetail {
  readonly decision: SignOffDecision;
  readonly certificate: IssuedCertificate;
}

/** RecordOutcome's input, by action: what each workflow state passes as `detail`. */
export type RecordOutcomeInput = { readonly dossierId: string } & (
  | { readonly action: 'received' | 'incomplete'; readonly detail?: undefined }
  /** NotifyApproved. */
  | { readonly action: 'approved'; readonly detail?: ApprovalDetail }
  /** RecordSendBack: the Director's answer (who, and the comment). */
  | { readonly action: 'sentBack'; readonly detail?: SignOffDecision }
  /** NotifyRejected: the reviewer's decision. */
  | { readonly action: 'rejected'; readonly detail?: ReviewDecision }
  /** Escalate: the review attempt that timed out (reminders sent + 1). */
  | { readonly action: 'escalate'; readonly detail?: number }
  /** RecordFailure (the caught error) or RecordCheckFailure (the check's result). */
  | { readonly action: 'failed'; readonly detail?: unknown }
);

export interface CheckResult {
  readonly ok: boolean;
  readonly problems: readonly string[];
}

/** Error name a Lambda throws for a dossier whose state forbids the step; never retried. */
export const NON_RETRYABLE_ERRORS = ['DossierStateError'] as const;
