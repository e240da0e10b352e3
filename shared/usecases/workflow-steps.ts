import type { Councils } from '../adapters/dynamodb/councils.ts';
import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Links } from '../adapters/dynamodb/links.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Files } from '../adapters/s3/files.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import type { IssuedCertificate } from '../domain/certificate.ts';
import { assignPanel, policyOf } from '../domain/council.ts';
import {
  type Dossier,
  type DossierStatus,
  magicBytesMatch,
  type SupplementRequest,
} from '../domain/dossier.ts';
import { type DossierEvent, isAllowed, transition } from '../domain/lifecycle.ts';
import { deletionAt, isNotAccepted, NOT_ACCEPTED_TAG } from '../domain/retention.ts';
import type { Round } from '../domain/round.ts';
import type { Clock } from '../domain/time.ts';
import { endOfDayIct } from '../domain/time.ts';
import type {
  CallbackTaskInput,
  CheckResult,
  RecordOutcomeInput,
  SignOffTaskInput,
  SupplementTaskInput,
} from '../domain/workflow-contract.ts';
import { receiptEmail } from '../mail/intake-emails.tsx';
import { supplementRequestEmail } from '../mail/supplement-emails.tsx';
import { type CertificateNotice, outcomeEmail, reviewRequestEmail } from '../mail/workflow-emails.tsx';
import { countMetric } from '../observability.ts';
import type { StaffDirectory } from './staff-admin.ts';

/** Thrown for a dossier whose state forbids the step; the workflow's Catch records it. */
export class DossierStateError extends Error {
  override name = 'DossierStateError';
}

export interface WorkflowStepDeps {
  readonly dossiers: Dossiers;
  /** Review councils (rounds decided by a council); absent: every round has one reviewer decide. */
  readonly councils?: Councils;
  readonly links: Links;
  readonly rounds: Rounds;
  readonly files?: Files;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  /** Who reviews a round's dossiers and who is alerted: the staff items, read when needed. */
  readonly people: StaffDirectory;
  /** Makes an approved member's directory profile (issue 16), once, when the certificate is issued. */
  readonly memberProfiles?: { ensureFor(d: Dossier, certificateId: string): Promise<unknown> };
  /** Runs after an approval is recorded and announced (late ceremony invitations). */
  readonly onApproved?: (dossierId: string) => Promise<unknown>;
  /** How long a review link lives: the review task's timeout. */
  readonly reviewLinkSeconds: number;
  /**
   * A certificate's PDF for the approval email (NotifyApproved): a short-lived download link, and the file
   * itself to attach (undefined when it cannot be found). Without it the email has neither.
   */
  readonly certificateDownload?: {
    url: (c: IssuedCertificate) => Promise<string>;
    hours: number;
    pdf?: (c: IssuedCertificate) => Promise<{ fileName: string; bytes: Uint8Array } | undefined>;
  };
}

const isIssuedCertificate = (v: unknown): v is IssuedCertificate =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as IssuedCertificate).certificateId === 'string' &&
  typeof (v as IssuedCertificate).number === 'string' &&
  typeof (v as IssuedCertificate).verifyUrl === 'string';

/** The approval workflow's Lambda steps (DESIGN §6); every one is safe to run twice. */
export function makeWorkflowSteps(deps: WorkflowStepDeps) {
  const { dossiers, links, mailer, clock } = deps;

  async function load(id: string): Promise<Dossier> {
    const d = await dossiers.get(id);
    if (!d) throw new DossierStateError(`Dossier ${id} not found`);
    return d;
  }

  /**
   * Applies a lifecycle event and saves the dossier with its history entry (one audit event). A step run
   * again finds its event done already and changes nothing; an event the status forbids is a
   * DossierStateError (the workflow's Catch records it), unless `lenient` (a remark that no longer applies).
   */
  async function apply(
    d: Dossier,
    event: DossierEvent,
    by: string,
    at: Date = clock(),
    lenient = false,
  ): Promise<Dossier> {
    const outcome = transition(d, event, by, at);
    if (!outcome.ok) {
      if (outcome.reason === 'already' || lenient) return d;
      throw new DossierStateError(`Dossier ${d.id} is ${d.status}: no ${event.type}`);
    }
    await dossiers.save(outcome.dossier, d, { audit: [outcome.entry] });
    return { ...outcome.dossier, version: d.version + 1 };
  }

  /**
   * Who is asked to review: the round's reviewers (one decides), or the dossier's council for this cycle,
   * seated on the first request and less the members who have already given their opinion.
   */
  async function reviewersOf(
    d: Dossier,
    round: Round | undefined,
    cycle: number,
    taskToken: string,
  ): Promise<string[]> {
    const pool = await deps.people.reviewersFor(round);
    const policy = policyOf(round);
    if (policy.mode !== 'council' || !deps.councils) return pool;
    const councils = deps.councils;
    let panel = await councils.get(d.id, cycle);
    if (!panel) {
      const seat = assignPanel(policy, pool, await councils.load(d.roundId), d.id);
      const seated = await councils.create({
        dossierId: d.id,
        roundId: d.roundId,
        cycle,
        members: seat.members,
        quorum: seat.quorum,
        createdAt: clock().toISOString(),
      });
      if (seated === 'created') await councils.addLoad(d.roundId, seat.members);
    }
    // The council's decision resumes the task waiting now, whichever member's link brings it.
    await councils.setTaskToken(d.id, cycle, taskToken);
    panel = await councils.get(d.id, cycle);
    if (!panel || panel.decidedAt) return [];
    const answered = new Set(panel.opinions.map((o) => o.by));
    return panel.members.filter((m) => !answered.has(m));
  }

  /** The dossier's items get their TTL; its archived files the tag the not-accepted lifecycle rule expires. */
  async function scheduleDeletion(d: Dossier): Promise<void> {
    const at = deletionAt(d);
    if (at === undefined) return;
    await dossiers.scheduleDeletion(d, at);
    for (const doc of Object.values(d.documents))
      if (doc.archivedKey)
        await deps.files?.tag(doc.archivedKey, { [NOT_ACCEPTED_TAG.key]: NOT_ACCEPTED_TAG.value });
  }

  return {
    /** CheckDossier: every archived document exists and still has its type's magic bytes. */
    async checkDossier(input: { dossierId: string }): Promise<CheckResult> {
      const d = await load(input.dossierId);
      const problems: string[] = [];
      for (const doc of Object.values(d.documents)) {
        const key = doc.archivedKey ?? doc.key;
        const bytes = await deps.files?.firstBytes(key, 16);
        if (!bytes) problems.push(`${doc.name}: missing`);
        else if (!magicBytesMatch(doc.type, bytes))
          problems.push(`${doc.name}: content does not match ${doc.type}`);
      }
      return { ok: problems.length === 0, problems };
    },

    /**
     * AwaitReview: one single-use link per reviewer, bound to the task token (never in the URL). A round
     * decided by a council seats the dossier's council once per review cycle (balanced over the pool) and
     * writes to its members who have not given their opinion yet: a reminder reaches only the silent ones.
     */
    async requestReview(input: CallbackTaskInput): Promise<{ links: number }> {
      let d = await load(input.dossierId);
      // Sent back by the Director: the sign-off page records it with their comment; a decision the reconciler
      // delivered later has not, so the step moves the dossier back to review itself.
      if (d.status === 'recommended') d = await apply(d, { type: 'sendBack', comment: '' }, 'system');
      if (isAllowed(d.status, 'startReview')) await apply(d, { type: 'startReview' }, 'system');
      else if (input.attempt > 0)
        await apply(d, { type: 'remind', attempt: input.attempt }, 'system', clock(), true);
      const expiresAt = Math.floor(clock().getTime() / 1000) + deps.reviewLinkSeconds;
      const round = await deps.rounds.get(d.roundId);
      const cycle = input.cycle ?? 0;
      const reviewers = await reviewersOf(d, round, cycle, input.taskToken);
      for (const reviewer of reviewers) {
        const { linkId, secret } = await links.issue({
          purpose: 'review',
          dossierId: d.id,
          person: reviewer,
          expiresAt,
          createdAt: clock().toISOString(),
          data: { taskToken: input.taskToken, attempt: input.attempt, cycle },
        });
        await mailer.send(
          reviewRequestEmail(
            d,
            reviewer,
            `${deps.publicBaseUrl}/review/${linkId}?s=${secret}`,
            input.attempt,
          ),
        );
        countMetric('EmailSent');
      }
      return { links: reviewers.length };
    },

    /**
     * AwaitSignOff: records the recommendation (the reviewer's or the council's) on the dossier with the
     * task token the Director's answer resumes; the daily digest lists it. A later attempt (the sign-off
     * is overdue) stores the fresh token and alerts the coordinators.
     */
    async requestSignOff(input: SignOffTaskInput): Promise<{ status: DossierStatus }> {
      const d = await load(input.dossierId);
      const rec = input.recommendation;
      const request = {
        taskToken: input.taskToken,
        since: clock().toISOString(),
        recommendedBy: rec.by,
        ...(rec.comment ? { comment: rec.comment } : {}),
        ...(rec.opinions?.length ? { opinions: rec.opinions } : {}),
      };
      if (d.status === 'in_review') {
        const at = new Date(rec.at);
        await apply(d, { type: 'recommend', request }, rec.by, Number.isNaN(at.getTime()) ? clock() : at);
        return { status: 'recommended' };
      }
      if (d.status !== 'recommended')
        throw new DossierStateError(`Dossier ${d.id} is ${d.status}: no sign-off`);
      // A retried step or an overdue sign-off: the waiting token is the new one; the first wait's start stays.
      const next: Dossier = { ...d, signOff: { ...request, since: d.signOff?.since ?? request.since } };
      const remark =
        input.attempt > 0
          ? transition(next, { type: 'remindSignOff', attempt: input.attempt }, 'system', clock())
          : undefined;
      await dossiers.save(remark?.ok ? remark.dossier : next, d, {
        audit: remark?.ok ? [remark.entry] : [],
      });
      if (input.attempt > 0) {
        await mailer.send(
          outcomeEmail(
            next,
            'escalate',
            await deps.people.coordinators(),
            undefined,
            `${deps.publicBaseUrl}/status`,
          ),
        );
        countMetric('EmailSent');
      }
      return { status: 'recommended' };
    },

    /**
     * AwaitSupplement: records the request on the dossier, and emails the applicant the requested items,
     * the reviewer's comment, the due date and a single-use link (bound to the task token server-side).
     */
    async requestSupplement(input: SupplementTaskInput): Promise<{ dueAt: string }> {
      const d = await load(input.dossierId);
      const request = input.request;
      const dueAt = endOfDayIct(request.dueDate!).toISOString();
      const supplement: SupplementRequest = {
        items: request.items ?? [],
        comment: request.comment,
        requestedBy: request.by,
        requestedAt: request.at,
        dueAt,
        taskToken: input.taskToken,
      };
      const outcome = transition(d, { type: 'requestSupplement', request: supplement }, request.by, clock());
      if (!outcome.ok && outcome.reason === 'not-allowed')
        throw new DossierStateError(`Dossier ${d.id} is ${d.status}: no supplement request`);
      // A retried step has recorded the request already: only its callback token is new.
      const next: Dossier = outcome.ok
        ? outcome.dossier
        : { ...d, supplement, updatedAt: clock().toISOString() };
      await dossiers.save(next, d, { audit: outcome.ok ? [outcome.entry] : [] });
      const { linkId, secret } = await links.issue({
        purpose: 'supplement',
        dossierId: d.id,
        person: d.form.representative.email,
        expiresAt: Math.floor(Date.parse(dueAt) / 1000),
        createdAt: clock().toISOString(),
      });
      const round = await deps.rounds.get(d.roundId);
      await mailer.send(
        supplementRequestEmail(next, round, `${deps.publicBaseUrl}/supplement/${linkId}#${secret}`),
      );
      countMetric('EmailSent');
      return { dueAt };
    },

    /** Records an outcome on the dossier and tells the people concerned. */
    async recordOutcome(input: RecordOutcomeInput): Promise<{ status: DossierStatus }> {
      const d = await load(input.dossierId);
      if (input.action === 'received') {
        // Sent once: a retried or re-run step finds receiptSentAt and does nothing.
        if (!d.receiptSentAt) {
          const round = await deps.rounds.get(d.roundId);
          if (!round) throw new DossierStateError(`Round ${d.roundId} of dossier ${d.id} not found`);
          await mailer.send(receiptEmail(d, round, `${deps.publicBaseUrl}/status`));
          countMetric('EmailSent');
          await dossiers.markReceiptSent(d.id, clock().toISOString());
        }
        return { status: d.status };
      }
      if (input.action === 'sentBack') {
        // The Director's comment is for the reviewers, who see it in the history; nobody else is emailed.
        const by = input.detail?.by ?? 'system';
        const at = input.detail?.at ? new Date(input.detail.at) : clock();
        const next = await apply(
          d,
          { type: 'sendBack', comment: input.detail?.comment ?? '' },
          by,
          Number.isNaN(at.getTime()) ? clock() : at,
        );
        return { status: next.status };
      }
      // The reviewer's decision, for the outcomes that follow one: who decided, when, with what comment.
      const decision =
        input.action === 'approved'
          ? input.detail?.decision
          : input.action === 'rejected'
            ? input.detail
            : undefined;
      const by = decision?.by ?? 'system';
      const decidedAt = decision?.at ? new Date(decision.at) : undefined;
      const at = decidedAt && !Number.isNaN(decidedAt.getTime()) ? decidedAt : clock();
      let next = d;
      switch (input.action) {
        case 'approved':
          next = await apply(d, { type: 'approve', comment: decision?.comment }, by, at);
          break;
        case 'rejected':
          next = await apply(d, { type: 'reject', comment: decision?.comment }, by, at);
          break;
        case 'incomplete':
          next = await apply(d, { type: 'closeIncomplete' }, 'system');
          break;
        case 'escalate':
          await apply(d, { type: 'escalate', reminders: Number(input.detail) - 1 }, 'system', clock(), true);
          break;
        case 'failed':
          // Recorded from whatever step failed; the coordinators are alerted even when the status stays.
          next = await apply(d, { type: 'fail' }, 'system', clock(), true);
          countMetric('DossiersFailed');
          break;
      }
      // An approved member with its certificate is in the directory from now on.
      const issuedNow = input.action === 'approved' ? input.detail?.certificate : undefined;
      if (isIssuedCertificate(issuedNow) && next.status === 'approved')
        await deps.memberProfiles?.ensureFor(next, issuedNow.certificateId);
      // Not accepted: deleted after the period the privacy notice states (items by TTL, files by lifecycle).
      if (isNotAccepted(next.status)) await scheduleDeletion(next);
      const recipients =
        input.action === 'escalate' || input.action === 'failed'
          ? await deps.people.coordinators()
          : [d.form.representative.email];
      // NotifyApproved carries IssueCertificate's result: { certificateId, number, verifyUrl }.
      let certificate: CertificateNotice | undefined;
      const issued = input.action === 'approved' ? input.detail?.certificate : undefined;
      if (isIssuedCertificate(issued) && deps.certificateDownload) {
        const download = deps.certificateDownload;
        certificate = {
          number: issued.number,
          verifyUrl: issued.verifyUrl,
          downloadUrl: await download.url(issued),
          hours: download.hours,
          pdf: await download.pdf?.(issued),
        };
      }
      await mailer.send(
        outcomeEmail(
          next,
          input.action,
          recipients,
          decision?.comment,
          `${deps.publicBaseUrl}/status`,
          certificate,
        ),
      );
      countMetric('EmailSent');
      // Approved after the ceremony invitations went out: invite this member now.
      if (input.action === 'approved') await deps.onApproved?.(d.id);
      return { status: next.status };
    },
  };
}

export type WorkflowSteps = ReturnType<typeof makeWorkflowSteps>;
