import { z } from 'zod';
import { dossiers, links, staff } from '../../shared/compose/table.ts';
import { workflow } from '../../shared/compose/workflow.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import { ValidationError } from '../../shared/domain/errors.ts';
import { multilineText } from '../../shared/domain/text.ts';
import type { RouteHandler } from '../../shared/http/handler.ts';
import { type HttpRequest, parseFormBody } from '../../shared/http/request.ts';
import { html } from '../../shared/http/response.ts';
import { SIGN_OFF_FIELDS } from '../../shared/i18n/messages/sign-off.ts';
import { renderSignOffPage } from '../../shared/pages/sign-off-page.tsx';
import { clock, tableStore } from '../../shared/runtime.ts';
import { makeSignOff, type SignOffChoice } from '../../shared/usecases/sign-off.ts';

const signOff = makeSignOff({
  store: tableStore(),
  links: links(),
  dossiers: dossiers(),
  workflow: workflow(),
  clock,
  staff: staff(),
});

const DossierId = builtOnFirstUse(() => z.string().min(1).max(80));

/** The form: ticked ids, ids sent back, one `comment-<id>` per dossier, and which step this POST is. */
const SignOffForm = builtOnFirstUse(() =>
  z
    .object({
      s: z.string().min(10).max(200),
      approve: z.array(DossierId).max(200).default([]),
      sendBack: z.array(DossierId).max(200).default([]),
      confirm: z.literal('1').optional(),
      edit: z.literal('1').optional(),
    })
    .catchall(multilineText().pipe(z.string().max(4000))),
);

const LABELS = { approve: SIGN_OFF_FIELDS.approve, sendBack: SIGN_OFF_FIELDS.sendBack };

function choiceOf(form: z.infer<typeof SignOffForm>): SignOffChoice {
  const comments = form as unknown as Record<string, string | undefined>;
  return {
    approve: [...new Set(form.approve)],
    sendBack: [...new Set(form.sendBack)].map((id) => ({ id, comment: comments[`comment-${id}`] ?? '' })),
  };
}

const page = (
  req: HttpRequest,
  status: number,
  props: Omit<Parameters<typeof renderSignOffPage>[0], 'lang' | 'linkId'>,
) => html(status, renderSignOffPage({ lang: req.lang, linkId: req.params.linkId!, ...props }));

/** The Director's batch sign-off (`/sign-off/{linkId}`): GET shows, POST restates, the confirmed POST acts. */
export const signOffRoutes: Record<string, RouteHandler> = {
  'GET /sign-off/{linkId}': async (req) => {
    const view = await signOff.open(req.params.linkId!, req.query.s);
    return page(req, 200, { view, secret: req.query.s ?? '' });
  },
  'POST /sign-off/{linkId}': async (req) => {
    const form = parseFormBody(req, SignOffForm, LABELS, ['approve', 'sendBack']);
    const values = choiceOf(form);
    const linkId = req.params.linkId!;
    if (form.edit)
      return page(req, 200, { view: await signOff.open(linkId, form.s), secret: form.s, values });
    try {
      const view = await signOff.sign(linkId, form.s, values, form.confirm === '1');
      return page(req, 200, { view, secret: form.s });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      // The page again, with what was chosen and each problem beside its field.
      const view = await signOff.open(linkId, form.s);
      return page(req, 400, { view, secret: form.s, values, issues: err.issuesIn(req.lang) });
    }
  },
};
