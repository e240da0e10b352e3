import { z } from 'zod';
import { files } from '../../shared/compose/files.ts';
import { rateLimiter } from '../../shared/compose/rate-limits.ts';
import { certificates, dossiers, rounds } from '../../shared/compose/table.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { parseFormBody } from '../../shared/http/request.ts';
import { asset, html } from '../../shared/http/response.ts';
import { textOf } from '../../shared/i18n/catalog.ts';
import { WAY_BACK } from '../../shared/i18n/messages/contact.ts';
import { FIELDS } from '../../shared/i18n/messages/form.ts';
import { SITE } from '../../shared/i18n/messages/status.ts';
import { renderHomePage, renderNoCallPage } from '../../shared/pages/home-page.tsx';
import { renderPrivacyPage } from '../../shared/pages/privacy-page.tsx';
import { renderResumePage } from '../../shared/pages/resume-page.tsx';
import { renderStatusPage } from '../../shared/pages/status-page.tsx';
import { renderSupplementPage } from '../../shared/pages/supplement-page.tsx';
import { clock, config } from '../../shared/runtime.ts';
import { makeCertificateLinks } from '../../shared/usecases/certificates.ts';
import { makePublicQueries } from '../../shared/usecases/public-queries.ts';
import { assetFile } from './asset-files.ts';

const queries = makePublicQueries({ rounds: rounds(), dossiers: dossiers() });
const certificateLinks = makeCertificateLinks({
  certificates: certificates(),
  files: files(),
  publicBaseUrl: config.publicBaseUrl,
});

/** A path as a 404 names it: cut short, so a long made-up URL is not echoed back whole. */
const shortPath = (path: string) => (path.length > 120 ? `${path.slice(0, 119)}…` : path);

const LookupSchema = builtOnFirstUse(() =>
  z.object({ code: z.string().min(1).max(40), email: z.string().min(3).max(254) }),
);

export const handler = httpHandler({
  'GET /': async (req) => {
    const round = await queries.currentRound().catch((err: unknown) => {
      if (err instanceof NotFoundError) return undefined;
      throw err;
    });
    // A fresh deployment, before a coordinator opens the first call: a page saying so, not a 404.
    if (!round) return html(200, renderNoCallPage({ lang: req.lang }));
    return html(200, renderHomePage({ lang: req.lang, round, now: clock() }));
  },
  'GET /status': async (req) => html(200, renderStatusPage({ lang: req.lang })),
  'GET /quyen-rieng-tu': async (req) => html(200, renderPrivacyPage({ lang: req.lang })),
  'POST /status': async (req) => {
    const input = parseFormBody(req, LookupSchema, { code: FIELDS.code, email: FIELDS.email });
    // Counted before the lookup: past the limit, 429 (the page says when to try again), nothing read.
    await rateLimiter().enforce({ policy: 'statusPerIp', scope: 'status-ip', key: req.sourceIp });
    try {
      const dossier = await queries.lookup(input.code, input.email);
      // A fresh 24 h download link on every lookup: the emailed one may have expired.
      const certificate =
        dossier.status === 'approved' ? await certificateLinks.forDossier(dossier.id) : undefined;
      return html(200, renderStatusPage({ lang: req.lang, dossier, certificate }));
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
  // GET only shows: link scanners fetch it; the secret stays in the fragment until the applicant clicks.
  'GET /supplement/{linkId}': async (req) =>
    html(
      200,
      renderSupplementPage({
        lang: req.lang,
        linkId: req.params.linkId!,
        round: await queries.currentRound(),
      }),
    ),
  /**
   * Whatever no route takes (API Gateway's `$default` route, the local server's fallback): a 404 naming the
   * path, a page in the request's language with the ways back, or JSON for `/api/…` and JSON clients.
   */
  $default: async (req) => {
    throw new NotFoundError(textOf(WAY_BACK.noSuchPage, shortPath(req.path)));
  },
  'GET /assets/{file}': async (req) => {
    const file = await assetFile(req.params.file!);
    if (!file) throw new NotFoundError(SITE.fileNotFound);
    const res = asset(file.body, file.type);
    return file.cacheControl
      ? { ...res, headers: { ...res.headers, 'cache-control': file.cacheControl } }
      : res;
  },
});
