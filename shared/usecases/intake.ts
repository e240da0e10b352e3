import { createHmac, randomUUID } from 'node:crypto';
import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { LinkCheck, Links } from '../adapters/dynamodb/links.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import { ConditionFailed } from '../adapters/dynamodb/store.ts';
import type { Files } from '../adapters/s3/files.ts';
import { DOSSIER_PREFIX, UPLOAD_PREFIX } from '../adapters/s3/prefixes.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import type { CallbackResult, Workflow } from '../adapters/sfn/workflow.ts';
import { ApplicationSchema, type DraftForm, FIELD_LABELS } from '../domain/application-schema.ts';
import {
  applySupplementFields,
  checklistProblems,
  type Dossier,
  fileTypeOf,
  guardKeys,
  magicBytesMatch,
  requestedSlots,
  type StoredDocument,
  slotOf,
} from '../domain/dossier.ts';
import {
  ConflictError,
  DeadlinePassedError,
  DuplicateApplicationError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../domain/errors.ts';
import { isAcceptingApplications, openDraft, transition } from '../domain/lifecycle.ts';
import { normalizeRateKey, type RateLimiter } from '../domain/rate-limits.ts';
import { deadlineOf, MIME_BY_TYPE, type Round } from '../domain/round.ts';
import { hashSecret, newSecret, secretMatches } from '../domain/secrets.ts';
import type { Clock } from '../domain/time.ts';
import { formatIct } from '../domain/time.ts';
import { toValidationError } from '../http/request.ts';
import { say, textOf } from '../i18n/catalog.ts';
import type { Lang, Text } from '../i18n/lang.ts';
import { DOCUMENT_PROBLEMS, INTAKE_ERRORS, UPLOAD_PROBLEMS } from '../i18n/messages/intake.ts';
import { supplementRequestEmail } from '../mail/supplement-emails.tsx';
import { countMetric, logger } from '../observability.ts';
import { makeDossierNumbering } from './dossier-numbers.ts';
import { makePublicQueries } from './public-queries.ts';
import { makeResumeLinks, type ResumeLinkEvent } from './resume-links.ts';

export interface IntakeDeps {
  readonly rounds: Rounds;
  readonly dossiers: Dossiers;
  readonly links: Links;
  readonly files: Files;
  readonly workflow: Workflow;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  /** Resume emails per address, new drafts per client IP, resume requests without a valid secret. */
  readonly limiter: RateLimiter;
  /**
   * Hands a draft's resume link and its email to an asynchronous run (the jobs function: `ResumeLinkEvent`),
   * so creating a draft does not wait on SES. Absent: sent within the call.
   */
  readonly handOverResumeLink?: (event: ResumeLinkEvent) => Promise<void>;
}

export interface DraftAccess {
  readonly id: string;
  readonly editToken: string;
}

const UPLOAD_URL_SECONDS = 15 * 60;
const IDEMPOTENCY_SECONDS = 24 * 3600;
/** How long a repeated submit waits for the request that submitted the dossier to write its code. */
const CODE_WAIT_MS = 3000;

const closedError = (round: Round) =>
  new DeadlinePassedError(textOf(INTAKE_ERRORS.closed, formatIct(deadlineOf(round))));

/** The applicant's use-cases: drafts, uploads, submission, resume links and status lookup. */
export function makeIntake(deps: IntakeDeps) {
  const { rounds, dossiers, links, files, workflow, mailer, clock, limiter } = deps;
  /** Counts one resume email to `address`; RateLimitedError (nothing sent) past the limit. */
  const countResumeMail = (address: string) =>
    limiter.enforce({ policy: 'mailPerAddress', scope: 'resume-mail', key: address });
  const lookupUrl = `${deps.publicBaseUrl}/status`;

  const { currentRound, lookup } = makePublicQueries({ rounds, dossiers });
  const numberDossier = makeDossierNumbering({ dossiers, rounds });

  async function openRound(roundId: string): Promise<Round> {
    const round = await rounds.get(roundId);
    if (!round) throw new NotFoundError(INTAKE_ERRORS.callNotFound);
    if (!isAcceptingApplications(round, clock())) throw closedError(round);
    return round;
  }

  /** `countedAddress`: a resume email to it was counted already (the request's own address). */
  async function duplicateError(
    guards: readonly string[],
    exceptId?: string,
    countedAddress?: string,
  ): Promise<DuplicateApplicationError | undefined> {
    for (const guard of guards) {
      const owner = await dossiers.guardOwner(guard);
      if (!owner || owner.dossierId === exceptId) continue;
      const existing = await dossiers.get(owner.dossierId);
      if (!existing) continue;
      if (existing.status === 'draft') {
        const to = existing.form.representative.email;
        if (countedAddress === undefined || normalizeRateKey(to) !== normalizeRateKey(countedAddress))
          await countResumeMail(to);
        await sendResumeLink(existing).catch((err) => logger.warn('Resume link not sent', { err }));
        return new DuplicateApplicationError(INTAKE_ERRORS.draftExists, { lookupUrl });
      }
      return new DuplicateApplicationError(
        textOf(INTAKE_ERRORS.alreadyApplied, `${existing.code}`, lookupUrl),
        {
          code: existing.code,
          lookupUrl,
        },
      );
    }
    return undefined;
  }

  async function guardsTaken(guards: readonly string[]): Promise<boolean> {
    return (await Promise.all(guards.map((g) => dossiers.guardOwner(g)))).some(Boolean);
  }

  const resumeLinks = makeResumeLinks({
    rounds,
    dossiers,
    links,
    mailer,
    clock,
    publicBaseUrl: deps.publicBaseUrl,
  });
  /** Handed over when a hand-off is given (the request answers without waiting on SES), else sent here. */
  async function sendResumeLink(d: Dossier): Promise<void> {
    if (deps.handOverResumeLink) await deps.handOverResumeLink({ resumeLinkFor: d.id });
    else await resumeLinks.send(d);
  }

  /** The dossier behind an edit token; the same answer for a wrong id and a wrong token. */
  async function authorize(id: string, token: string | undefined): Promise<Dossier> {
    const d = token ? await dossiers.get(id) : undefined;
    if (!d || !token || !secretMatches(token, d.editTokenHash)) {
      throw new ForbiddenError(INTAKE_ERRORS.cannotOpen);
    }
    return d;
  }

  /**
   * The round, if this dossier may change now: a draft while the round is open; a dossier with an open
   * supplement request until its due date, and then only in the requested slot.
   */
  async function editableRound(d: Dossier, slot?: string): Promise<Round> {
    if (d.status === 'draft') return openRound(d.roundId);
    if (d.status === 'supplement_requested' && d.supplement) {
      if (clock().getTime() > Date.parse(d.supplement.dueAt)) throw supplementOverdue(d.supplement.dueAt);
      if (slot !== undefined && !requestedSlots(d.supplement.items).includes(slot)) {
        throw new ForbiddenError(INTAKE_ERRORS.notRequested);
      }
      const round = await rounds.get(d.roundId);
      if (round) return round;
    }
    throw new ForbiddenError(textOf(INTAKE_ERRORS.alreadySubmitted, d.code ?? ''));
  }

  /** Checks every not-yet-archived document (exists, size, magic bytes); throws with all the issues found. */
  async function verifyDocuments(
    d: Dossier,
    round: Round,
    issues: FieldIssue[],
    lang: Lang,
  ): Promise<StoredDocument[]> {
    const docs = Object.values(d.documents);
    for (const p of checklistProblems(round, docs)) {
      issues.push({
        path: `documents.${p.slot}`,
        field: slotOf(round, p.slot)!.title[lang],
        message: p.message[lang],
      });
    }
    const verified = await Promise.all(
      docs.map(async (doc) => {
        if (doc.archivedKey) return doc;
        const slot = slotOf(round, doc.slot);
        const [head, bytes] = await files.headAndStart(doc.key);
        const problem = (message: string) => {
          issues.push({ path: `documents.${doc.slot}`, field: slot?.title[lang] ?? doc.slot, message });
        };
        if (!slot) problem(say(DOCUMENT_PROBLEMS.slotGone, lang, doc.name));
        else if (!head) problem(say(DOCUMENT_PROBLEMS.notUploaded, lang, doc.name));
        else if (head.size === 0) problem(say(DOCUMENT_PROBLEMS.empty, lang, doc.name));
        else if (head.size > slot.maxBytes) problem(say(DOCUMENT_PROBLEMS.badSize, lang, doc.name));
        else if (!bytes) problem(say(DOCUMENT_PROBLEMS.unreadable, lang, doc.name));
        else if (!magicBytesMatch(doc.type, bytes))
          problem(say(DOCUMENT_PROBLEMS.wrongContent, lang, doc.name, doc.type.toUpperCase()));
        return { ...doc, verifiedSize: head?.size };
      }),
    );
    if (issues.length) {
      throw new ValidationError(issues, INTAKE_ERRORS.notReady);
    }
    return verified;
  }

  /** Freezes what was checked: the archived copy cannot be overwritten through an old upload policy. */
  function archiveDocuments(d: Dossier, verified: readonly StoredDocument[]): Promise<StoredDocument[]> {
    return Promise.all(
      verified.map(async (doc) => {
        if (doc.archivedKey) return doc;
        const archivedKey = `${DOSSIER_PREFIX}${d.id}/${doc.slot}/${doc.fileId}`;
        await files.copy(doc.key, archivedKey, { 'original-name': encodeURIComponent(doc.name) });
        return { ...doc, archivedKey };
      }),
    );
  }

  return {
    currentRound,

    /** Creates a draft (idempotent per Idempotency-Key) and emails its resume link. */
    async createDraft(
      form: DraftForm,
      idempotencyKey: string | undefined,
      clientIp: string,
    ): Promise<DraftAccess> {
      if (idempotencyKey) {
        const previous = await dossiers.idempotentResult<DraftAccess>(idempotencyKey);
        if (previous) return previous;
      }
      const round = await currentRound();
      if (!isAcceptingApplications(round, clock())) throw closedError(round);
      // Before anything is written or sent: past either limit, no draft and no email (429).
      const address = form.representative.email;
      await limiter.enforce(
        { policy: 'draftsPerIp', scope: 'drafts-ip', key: clientIp },
        { policy: 'mailPerAddress', scope: 'resume-mail', key: address },
      );
      const guards = guardKeys(round.id, form);
      if (await guardsTaken(guards)) {
        // A retry racing its own first attempt finds that attempt's result, not a duplicate.
        const previous = idempotencyKey
          ? await dossiers.idempotentResult<DraftAccess>(idempotencyKey)
          : undefined;
        if (previous) return previous;
        const dup = await duplicateError(guards, undefined, address);
        if (dup) throw dup;
      }
      const editToken = newSecret();
      const { dossier } = openDraft(
        { id: randomUUID(), roundId: round.id, form, editTokenHash: hashSecret(editToken) },
        form.representative.email,
        clock(),
      );
      const result = { id: dossier.id, editToken };
      try {
        await dossiers.create(
          dossier,
          guards,
          idempotencyKey
            ? {
                key: idempotencyKey,
                result,
                expiresAt: Math.floor(clock().getTime() / 1000) + IDEMPOTENCY_SECONDS,
              }
            : undefined,
        );
      } catch (err) {
        if (!(err instanceof ConditionFailed)) throw err;
        if (idempotencyKey) {
          // The same key's other request may still be committing: give it a moment to appear.
          for (let attempt = 0; attempt < 10; attempt++) {
            const previous = await dossiers.idempotentResult<DraftAccess>(idempotencyKey);
            if (previous) return previous;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        throw (await duplicateError(guards, undefined, address)) ?? err;
      }
      countMetric('DossierCreated');
      await sendResumeLink(dossier).catch((err) => logger.warn('Resume link not sent', { err }));
      return result;
    },

    async getDraft(id: string, token: string | undefined): Promise<Dossier> {
      return authorize(id, token);
    },

    /**
     * Replaces the draft's form; guards move with the space name, email and registration number. A file
     * added or removed while it was read (the page's autosave runs beside its uploads) moves the version:
     * the form is written again on the new one, a few times before answering 409.
     */
    async updateDraft(id: string, token: string | undefined, incoming: DraftForm): Promise<Dossier> {
      for (let attempt = 1; ; attempt++) {
        const d = await authorize(id, token);
        await editableRound(d);
        let form = incoming;
        // During a supplement only the requested fields change; the rest stays as submitted.
        if (d.status === 'supplement_requested')
          form = applySupplementFields(d.form, form, d.supplement!.items);
        const before = guardKeys(d.roundId, d.form);
        const after = guardKeys(d.roundId, form);
        const next: Dossier = { ...d, form, updatedAt: clock().toISOString() };
        try {
          await dossiers.save(next, d, {
            removeGuards: before.filter((g) => !after.includes(g)),
            addGuards: after.filter((g) => !before.includes(g)),
          });
        } catch (err) {
          if (!(err instanceof ConditionFailed)) throw err;
          const duplicate = await duplicateError(after, d.id);
          if (duplicate) throw duplicate;
          if (attempt < 3) continue;
          throw conflict();
        }
        return { ...next, version: d.version + 1 };
      }
    },

    /** A presigned POST for one file of one checklist item: key, type and size fixed by the server. */
    async requestUpload(
      id: string,
      token: string | undefined,
      input: { slot: string; fileName: string; contentType: string; size: number },
      lang: Lang,
    ) {
      const d = await authorize(id, token);
      const round = await editableRound(d, input.slot);
      const slot = slotOf(round, input.slot);
      const refused = (path: string, field: string, message: string) =>
        new ValidationError([{ path, field, message }]);
      const label = (path: string) => FIELD_LABELS[path]?.[lang] ?? path;
      if (!slot) throw refused('slot', label('slot'), say(UPLOAD_PROBLEMS.slot, lang));
      const type = fileTypeOf(input.contentType);
      if (!type || !slot.types.includes(type)) {
        const types = slot.types.join(', ').toUpperCase();
        throw refused(
          'contentType',
          label('contentType'),
          say(UPLOAD_PROBLEMS.typeNotAccepted, lang, input.fileName, slot.title[lang], types),
        );
      }
      if (input.size > slot.maxBytes) {
        const mb = (input.size / 1048576).toFixed(1);
        throw refused(
          'size',
          label('size'),
          say(UPLOAD_PROBLEMS.tooLarge, lang, input.fileName, mb, slot.maxBytes / 1048576),
        );
      }
      if (input.size === 0)
        throw refused('size', slot.title[lang], say(UPLOAD_PROBLEMS.empty, lang, input.fileName));
      const inSlot = Object.values(d.documents).filter((doc) => doc.slot === slot.slot).length;
      if (inSlot >= slot.maxFiles)
        throw refused('slot', slot.title[lang], say(UPLOAD_PROBLEMS.slotFull, lang, slot.maxFiles));
      const fileId = randomUUID();
      const key = `${UPLOAD_PREFIX}${d.id}/${slot.slot}/${fileId}`;
      const doc: StoredDocument = {
        fileId,
        slot: slot.slot,
        name: input.fileName,
        type,
        declaredSize: input.size,
        key,
        addedAt: clock().toISOString(),
      };
      const upload = await files.presignUpload({
        key,
        contentType: MIME_BY_TYPE[type],
        maxBytes: slot.maxBytes,
        expiresSeconds: UPLOAD_URL_SECONDS,
      });
      await dossiers.putDocument(d.id, doc, doc.addedAt);
      return { fileId, upload };
    },

    async removeDocument(id: string, token: string | undefined, fileId: string): Promise<void> {
      const d = await authorize(id, token);
      const doc = d.documents[fileId];
      if (!doc) throw new NotFoundError(INTAKE_ERRORS.fileNotFound);
      await editableRound(d, doc.slot);
      await dossiers.removeDocument(d.id, fileId, clock().toISOString());
    },

    /**
     * Submits a draft: the round must be open, the form complete, every document present in S3 with an
     * allowed size and the magic bytes of its type. Idempotent: a repeated submit returns the same code.
     */
    async submit(
      id: string,
      token: string | undefined,
      lang: Lang,
    ): Promise<{ code: string; status: string }> {
      const d = await authorize(id, token);
      if (d.status !== 'draft') return finishSubmission(d);
      const round = await openRound(d.roundId);
      const parsed = ApplicationSchema.safeParse(d.form);
      const issues: FieldIssue[] = [];
      if (!parsed.success) issues.push(...toValidationError(parsed.error, lang, FIELD_LABELS, d.form).issues);
      const verified = await verifyDocuments(d, round, issues, lang);
      const archived = await archiveDocuments(d, verified);
      const submitted = transition(
        { ...d, documents: Object.fromEntries(archived.map((doc) => [doc.fileId, doc])) },
        { type: 'submit' },
        d.form.representative.email,
        clock(),
      );
      if (!submitted.ok) throw conflict();
      const { dossier: next, entry: history } = submitted;
      const guards = guardKeys(d.roundId, d.form);
      try {
        await dossiers.save(next, d, {
          addGuards: guards,
          audit: [history],
          extra: [dossiers.sameNameItem(next)],
          deferCount: true,
        });
      } catch (err) {
        if (!(err instanceof ConditionFailed)) throw err;
        const now2 = await dossiers.get(d.id);
        if (now2 && now2.status !== 'draft') return finishSubmission(now2);
        throw (await duplicateError(guards, d.id)) ?? conflict();
      }
      countMetric('DossierSubmitted');
      // The round's status count moves alongside the rest: nothing after the commit waits on it.
      const counted = dossiers.bumpCount(d.roundId, d.status, next.status).catch((err) =>
        // The submission stands; the count is one off until the closing job recounts the round.
        logger.error('Submitted, but the status count did not move', { err, dossierId: d.id }),
      );
      try {
        // Only the request whose submission committed takes a number, right after its commit.
        return await finishSubmission(await numberDossier({ ...next, version: d.version + 1 }, round));
      } finally {
        await counted;
      }
    },

    /**
     * Exchanges a supplement link (id + secret from the email) for an edit token, as often as the applicant
     * opens it while its request is open: opening only shows the request, so it does not spend the link
     * (DESIGN §7: the POST that acts is the resubmit). The token is derived from the link's secret, so every
     * tab opened from the same link holds the same token; a newer link (a resend) replaces it. A link that
     * cannot open the request says why, and whether a new link can be asked for (`resend`).
     */
    async openSupplement(linkId: string, secret: string, clientIp: string): Promise<SupplementOpening> {
      const now = clock();
      const found = await links.inspect('supplement', linkId, secret, now);
      if (found.kind === 'refused') {
        // A wrong secret counts against the client and the dossier, like the resume link's.
        await limiter.enforce(
          { policy: 'resumePerIp', scope: 'supplement-ip', key: clientIp },
          { policy: 'resumePerDossier', scope: 'supplement-dossier', key: found.subject ?? linkId },
        );
        return { refused: INTAKE_ERRORS.supplementLinkInvalid, resend: false };
      }
      const d = await dossiers.get(found.link.dossierId);
      const refusal = supplementLinkRefusal(found, d);
      if (refusal) return refusal;
      const editToken = linkEditToken(secret, 'supplement');
      const editTokenHash = hashSecret(editToken);
      // Opened before from this link (another tab, or after the tab was closed): the same token, no write.
      if (d!.editTokenHash !== editTokenHash) await dossiers.save({ ...d!, editTokenHash }, d!);
      return { access: { id: d!.id, editToken } };
    },

    /**
     * Emails a fresh supplement link for the dossier behind a supplement link (used or expired), or found
     * by its code and the representative's email (the status page): only while its supplement request is
     * open, and only to the representative. The same answer whether or not one was sent.
     */
    async resendSupplement(
      ref: { linkId: string } | { code: string; email: string },
      clientIp: string,
    ): Promise<void> {
      await limiter.enforce({ policy: 'resumePerIp', scope: 'supplement-ip', key: clientIp });
      let d: Dossier | undefined;
      if ('linkId' in ref) {
        const item = await links.get(ref.linkId, new Date(0));
        if (item?.purpose !== 'supplement') return;
        d = await dossiers.get(item.dossierId);
      } else {
        d = await lookup(ref.code, ref.email).catch((err: unknown) => {
          if (err instanceof NotFoundError) return undefined;
          throw err;
        });
      }
      if (!d) return;
      await limiter.enforce({ policy: 'resumePerDossier', scope: 'supplement-dossier', key: d.id });
      const s = d.supplement;
      if (d.status !== 'supplement_requested' || !s || clock().getTime() > Date.parse(s.dueAt)) return;
      const to = d.form.representative.email;
      await limiter.enforce({ policy: 'mailPerAddress', scope: 'supplement-mail', key: to });
      const { linkId, secret } = await links.issue({
        purpose: 'supplement',
        dossierId: d.id,
        person: to,
        expiresAt: Math.floor(Date.parse(s.dueAt) / 1000),
        createdAt: clock().toISOString(),
      });
      const round = await rounds.get(d.roundId);
      // The request's own email again (items, comment, due date), with the new link.
      await mailer.send(
        supplementRequestEmail(d, round, `${deps.publicBaseUrl}/supplement/${linkId}#${secret}`),
      );
      countMetric('EmailSent');
    },

    /**
     * Sends the supplement back: the requested items are checked like a submission, the dossier returns
     * to review, and the waiting workflow resumes. Refused after the due date.
     */
    async resubmit(
      id: string,
      token: string | undefined,
      lang: Lang,
    ): Promise<{ code: string; status: string }> {
      const d = await authorize(id, token);
      // A retry after a failed delivery delivers the recorded answer (a closed task: delivered already).
      if (d.status === 'submitted' && d.supplementAnswer) return deliverSupplement(d, true);
      if (d.status === 'submitted' || d.status === 'in_review') return { code: d.code!, status: d.status };
      const round = await editableRound(d);
      const issues: FieldIssue[] = [];
      const parsed = ApplicationSchema.safeParse(d.form);
      if (!parsed.success) issues.push(...toValidationError(parsed.error, lang, FIELD_LABELS, d.form).issues);
      const archived = await archiveDocuments(d, await verifyDocuments(d, round, issues, lang));
      // The answer is recorded with the resubmission (supplementAnswer), delivered below; until then the
      // retry or the reconciler can.
      const resubmitted = transition(
        { ...d, documents: Object.fromEntries(archived.map((doc) => [doc.fileId, doc])) },
        { type: 'resubmit' },
        d.form.representative.email,
        clock(),
      );
      if (!resubmitted.ok) throw conflict();
      const { dossier: next, entry: history } = resubmitted;
      try {
        await dossiers.save(next, d, { audit: [history] });
      } catch (err) {
        if (err instanceof ConditionFailed) throw conflict();
        throw err;
      }
      return deliverSupplement(next, false);
    },

    /**
     * Exchanges a resume link (id + secret from the email) for the draft's edit token, in any browser or tab
     * and as often as the applicant opens it while the link lives (issue 11: a closed tab must not strand
     * anyone). The token is derived from the link's secret, like the supplement link's, so every tab opened
     * from one link holds the same token; a newer link (a resend) replaces it.
     */
    async resume(linkId: string, secret: string, clientIp: string): Promise<DraftAccess> {
      const now = clock();
      const invalid = () => new ForbiddenError(INTAKE_ERRORS.resumeLinkInvalid);
      const found = await links.inspect('resume', linkId, secret, now);
      if (found.kind === 'refused' || found.kind === 'expired') {
        // A wrong secret counts against the client and the dossier: past either limit, 429 instead of 403.
        const dossier = found.kind === 'expired' ? found.link.dossierId : found.subject;
        await limiter.enforce(
          { policy: 'resumePerIp', scope: 'resume-ip', key: clientIp },
          { policy: 'resumePerDossier', scope: 'resume-dossier', key: dossier ?? linkId },
        );
        throw invalid();
      }
      const d = await dossiers.get(found.link.dossierId);
      if (!d) throw new NotFoundError(INTAKE_ERRORS.dossierNotFound);
      const editToken = linkEditToken(secret, 'resume');
      const editTokenHash = hashSecret(editToken);
      // Opened before from this link: the same token, no write.
      if (d.editTokenHash !== editTokenHash) await dossiers.save({ ...d, editTokenHash }, d);
      return { id: d.id, editToken };
    },

    /** Emails a fresh resume link for the draft behind a used or expired link. */
    async resendResume(linkId: string, clientIp: string): Promise<void> {
      await limiter.enforce({ policy: 'resumePerIp', scope: 'resume-ip', key: clientIp });
      const item = await links.get(linkId, new Date(0));
      if (item?.purpose !== 'resume') return;
      await limiter.enforce({ policy: 'resumePerDossier', scope: 'resume-dossier', key: item.dossierId });
      const d = await dossiers.get(item.dossierId);
      if (d?.status !== 'draft') return;
      await countResumeMail(d.form.representative.email);
      await sendResumeLink(d);
    },
  };

  /**
   * Resumes AwaitSupplement with the recorded answer. A failed call leaves it recorded: the applicant is
   * asked to send again (the reconciler also delivers it).
   */
  async function deliverSupplement(d: Dossier, retry: boolean): Promise<{ code: string; status: string }> {
    const answer = d.supplementAnswer!;
    let result: CallbackResult;
    try {
      result = await workflow.succeed(answer.taskToken, { items: answer.items, at: answer.at });
    } catch (err) {
      logger.warn('Supplement recorded, delivery to the workflow failed', { err, dossierId: d.id });
      throw supplementPending();
    }
    // A closed task: past the due time it timed out (the dossier closes as incomplete); before it, the
    // answer was delivered already (an earlier attempt, or the reconciler).
    if (result === 'already-closed' && !retry && clock().getTime() > Date.parse(answer.dueAt))
      throw supplementOverdue(answer.dueAt);
    return { code: d.code!, status: 'submitted' };
  }

  /**
   * After the state change: start the workflow (idempotent: the execution name is the dossier id). Its
   * first step emails the receipt; a failed start is repaired by a repeated submit or by the reconciler.
   */
  async function finishSubmission(d: Dossier): Promise<{ code: string; status: string }> {
    const numbered = d.code ? d : await awaitCode(d);
    try {
      await workflow.start({ dossierId: numbered.id, roundId: numbered.roundId });
    } catch (err) {
      // The submission stands (saved and numbered): the reconciler starts the execution within 15 minutes
      // (the receipt comes then), and a repeated submit tries again at once.
      logger.error('Submitted, but the workflow did not start', { err, dossierId: numbered.id });
    }
    return { code: numbered.code!, status: numbered.status };
  }

  /**
   * A submitted dossier without its code yet: the request that submitted it is writing the code (a twin
   * of a double click gets here), so wait for it; if none comes (that request died between its two
   * writes), number it here.
   */
  async function awaitCode(d: Dossier): Promise<Dossier> {
    const until = Date.now() + CODE_WAIT_MS;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, 25));
      const again = await dossiers.get(d.id);
      if (again?.code) return again;
    }
    logger.warn('Submitted dossier without a code: numbering it', { dossierId: d.id });
    return numberDossier(d);
  }
}

/** What opening a supplement link gives: the dossier's access, or why not and whether a new link may help. */
export type SupplementOpening =
  | { readonly access: DraftAccess }
  | { readonly refused: Text; readonly resend: boolean };

/**
 * Why a supplement link that carries the right secret cannot open its request, or undefined when it can.
 * A link opens the request that was open when it was issued (one issued before a later request, answered
 * or not, is spent for it), until that request is answered, closed or due. Past the request, nothing can
 * be asked for (no button); a link spent or expired while its dossier still waits offers a new one.
 */
export function supplementLinkRefusal(
  found: Exclude<LinkCheck, { kind: 'refused' }>,
  d: Dossier | undefined,
): { refused: Text; resend: boolean } | undefined {
  const s = d?.status === 'supplement_requested' ? d.supplement : undefined;
  if (!s) return { refused: INTAKE_ERRORS.supplementClosed, resend: false };
  if (found.kind === 'expired')
    return { refused: textOf(INTAKE_ERRORS.supplementLinkExpired, formatIct(found.at)), resend: true };
  if (found.kind === 'used')
    return { refused: textOf(INTAKE_ERRORS.supplementLinkUsed, formatIct(found.at)), resend: true };
  // Issued for an earlier request of this dossier: the request now open came after it.
  if (found.link.createdAt < s.requestedAt)
    return { refused: INTAKE_ERRORS.supplementLinkEarlier, resend: true };
  return undefined;
}

/**
 * The edit token a supplement or resume link gives: derived from its secret (256 random bits, never
 * stored), so the same link gives the same token in every tab and every time it is opened; only its hash
 * is stored.
 */
const linkEditToken = (secret: string, purpose: 'supplement' | 'resume'): string =>
  createHmac('sha256', secret).update(`${purpose}-edit-token`).digest('base64url');

const supplementOverdue = (dueAt: string) =>
  new DeadlinePassedError(textOf(INTAKE_ERRORS.supplementOverdue, formatIct(dueAt)));

const supplementPending = () => new ConflictError(INTAKE_ERRORS.supplementPending);

const conflict = () => new ConflictError(INTAKE_ERRORS.changedElsewhere);

export type Intake = ReturnType<typeof makeIntake>;
