import { z } from 'zod';
import { files } from '../../shared/compose/files.ts';
import { handOverToJobs } from '../../shared/compose/hand-over.ts';
import { mailer } from '../../shared/compose/mail.ts';
import { rateLimiter } from '../../shared/compose/rate-limits.ts';
import { dossiers, links, rounds } from '../../shared/compose/table.ts';
import { workflow } from '../../shared/compose/workflow.ts';
import { DraftSchema, FIELD_LABELS, UploadRequestSchema } from '../../shared/domain/application-schema.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import { isAcceptingApplications } from '../../shared/domain/lifecycle.ts';
import { deadlineOf } from '../../shared/domain/round.ts';
import { wardByCode } from '../../shared/domain/wards.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { type HttpRequest, parseJsonBody } from '../../shared/http/request.ts';
import { json } from '../../shared/http/response.ts';
import { say } from '../../shared/i18n/catalog.ts';
import { RESUME_RESENT, SUPPLEMENT_RESEND } from '../../shared/i18n/messages/intake.ts';
import { wardHint } from '../../shared/i18n/messages/wards.ts';
import { clock, config } from '../../shared/runtime.ts';
import { makeIntake } from '../../shared/usecases/intake.ts';
import type { ResumeLinkEvent } from '../../shared/usecases/resume-links.ts';

const intake = makeIntake({
  rounds: rounds(),
  dossiers: dossiers(),
  links: links(),
  files: files(),
  workflow: workflow(),
  mailer: mailer(),
  clock,
  publicBaseUrl: config.publicBaseUrl,
  limiter: rateLimiter(),
  // Resume links are emailed by the jobs function: a new draft's answer does not wait on SES.
  handOverResumeLink: handOverToJobs<ResumeLinkEvent>(),
});

const ResumeSchema = builtOnFirstUse(() =>
  z.object({ linkId: z.string().min(4).max(40), secret: z.string().max(200).optional() }),
);

/**
 * `POST /api/supplement`: a link's id and secret open its request; the id alone (a used or expired link),
 * or the dossier's code and the representative's email (the status page), ask for a new link by email.
 */
const SupplementLinkSchema = builtOnFirstUse(() =>
  z.union([
    z.object({ linkId: z.string().min(4).max(40), secret: z.string().min(10).max(200).optional() }),
    z.object({ code: z.string().min(1).max(40), email: z.string().min(3).max(254) }),
  ]),
);

const token = (req: HttpRequest) => req.headers.authorization?.replace(/^Bearer\s+/i, '');
const draftView = (d: Awaited<ReturnType<typeof intake.getDraft>>) => ({
  id: d.id,
  status: d.status,
  code: d.code,
  form: d.form,
  documents: Object.values(d.documents).map(({ fileId, slot, name, type, declaredSize }) => ({
    fileId,
    slot,
    name,
    type,
    size: declaredSize,
  })),
  updatedAt: d.updatedAt,
  supplement: d.supplement
    ? { items: d.supplement.items, comment: d.supplement.comment, dueAt: d.supplement.dueAt }
    : undefined,
});

export const handler = httpHandler({
  'GET /api/round': async () => {
    const round = await intake.currentRound();
    return json(200, {
      ...round,
      deadlineAt: deadlineOf(round).toISOString(),
      accepting: isAcceptingApplications(round, clock()),
      serverTime: clock().toISOString(),
    });
  },
  /**
   * The ward picker's options: `?q=` what was typed (current or old names, each option with the hint that
   * names the old unit, in the request's language), or `?code=` the ward a kept draft names.
   */
  'GET /api/wards': async (req) => {
    const code = req.query.code;
    if (code !== undefined) {
      const ward = wardByCode(code);
      return json(200, { wards: ward ? [{ code: ward.code, name: ward.name }] : [] });
    }
    // The search and its old names (91 KB) load on the first search, not at each cold start.
    const { findWards } = await import('../../shared/domain/ward-search.ts');
    const matches = findWards((req.query.q ?? '').slice(0, 100), 15);
    return json(200, {
      wards: matches.map((m) => ({ code: m.ward.code, name: m.ward.name, hint: wardHint(m, req.lang) })),
    });
  },
  'POST /api/applications': async (req) => {
    const form = parseJsonBody(req, DraftSchema, FIELD_LABELS);
    const access = await intake.createDraft(
      form,
      req.headers['idempotency-key']?.slice(0, 100),
      req.sourceIp,
    );
    // When it was saved, for the page's "saved at" (a repeated request answers with the time of the repeat).
    return json(201, { ...access, savedAt: clock().toISOString() });
  },
  'GET /api/applications/{id}': async (req) =>
    json(200, draftView(await intake.getDraft(req.params.id!, token(req)))),
  'PUT /api/applications/{id}': async (req) => {
    const form = parseJsonBody(req, DraftSchema, FIELD_LABELS);
    return json(200, draftView(await intake.updateDraft(req.params.id!, token(req), form)));
  },
  'POST /api/applications/{id}/uploads': async (req) => {
    const input = parseJsonBody(req, UploadRequestSchema, FIELD_LABELS);
    return json(201, await intake.requestUpload(req.params.id!, token(req), input, req.lang));
  },
  'DELETE /api/applications/{id}/documents/{fileId}': async (req) => {
    await intake.removeDocument(req.params.id!, token(req), req.params.fileId!);
    return json(200, { removed: req.params.fileId });
  },
  'POST /api/applications/{id}/submit': async (req) =>
    json(200, await intake.submit(req.params.id!, token(req), req.lang)),
  'POST /api/applications/{id}/resubmit': async (req) =>
    json(200, await intake.resubmit(req.params.id!, token(req), req.lang)),
  'POST /api/supplement': async (req) => {
    const input = parseJsonBody(req, SupplementLinkSchema);
    if (!('linkId' in input) || !input.secret) {
      await intake.resendSupplement(input, req.sourceIp);
      return json(202, { message: say(SUPPLEMENT_RESEND.sent, req.lang) });
    }
    const opened = await intake.openSupplement(input.linkId, input.secret, req.sourceIp);
    if ('access' in opened) return json(200, opened.access);
    // A page, not an error: it says why, and offers a new link when one can help.
    return json(403, { message: opened.refused[req.lang], resend: opened.resend });
  },
  'POST /api/resume': async (req) => {
    const input = parseJsonBody(req, ResumeSchema);
    if (!input.secret) {
      await intake.resendResume(input.linkId, req.sourceIp);
      return json(202, { message: say(RESUME_RESENT.message, req.lang) });
    }
    return json(200, await intake.resume(input.linkId, input.secret, req.sourceIp));
  },
});
