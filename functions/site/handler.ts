import { z } from 'zod';
import { dossiers, rounds } from '../../shared/compose/table.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { parseFormBody } from '../../shared/http/request.ts';
import { asset, html } from '../../shared/http/response.ts';
import { ASSETS } from '../../shared/pages/assets.ts';
import { renderHomePage } from '../../shared/pages/home-page.tsx';
import { renderResumePage } from '../../shared/pages/resume-page.tsx';
import { renderStatusPage } from '../../shared/pages/status-page.tsx';
import { clock } from '../../shared/runtime.ts';
import { makePublicQueries } from '../../shared/usecases/public-queries.ts';

const queries = makePublicQueries({ rounds: rounds(), dossiers: dossiers() });

const LookupSchema = z.object({ code: z.string().min(1).max(40), email: z.string().min(3).max(254) });

export const handler = httpHandler({
  'GET /': async (req) =>
    html(200, renderHomePage({ lang: req.lang, round: await queries.currentRound(), now: clock() })),
  'GET /status': async (req) => html(200, renderStatusPage({ lang: req.lang })),
  'POST /status': async (req) => {
    const input = parseFormBody(req, LookupSchema, {
      code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
      email: { vi: 'Email', en: 'Email' },
    });
    try {
      return html(
        200,
        renderStatusPage({ lang: req.lang, dossier: await queries.lookup(input.code, input.email) }),
      );
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
      return html(
        404,
        renderStatusPage({ lang: req.lang, error: err.text[req.lang], code: input.code, email: input.email }),
      );
    }
  },
  'GET /resume/{linkId}': async (req) =>
    html(200, renderResumePage({ lang: req.lang, linkId: req.params.linkId! })),
  'GET /assets/{file}': async (req) => {
    const file = ASSETS[req.params.file!];
    if (!file) throw new NotFoundError({ vi: 'Không tìm thấy tệp.', en: 'File not found.' });
    return asset(file.body, file.type);
  },
});
