import { z } from 'zod';
import { Members } from '../../shared/adapters/dynamodb/members.ts';
import { VC_JWT_MEDIA_TYPE } from '../../shared/adapters/signing/signing-key.ts';
import { composeActivities } from '../../shared/compose/activities.ts';
import { files } from '../../shared/compose/files.ts';
import { mailer } from '../../shared/compose/mail.ts';
import { coordinatorSessions } from '../../shared/compose/sessions.ts';
import { signingKey } from '../../shared/compose/ssm.ts';
import { certificates, dossiers } from '../../shared/compose/table.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import { multilineText } from '../../shared/domain/text.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { type HttpRequest, parseFormBody, parseJsonBody } from '../../shared/http/request.ts';
import { html, json, redirect } from '../../shared/http/response.ts';
import { signedInStaff } from '../../shared/http/staff-guard.ts';
import { REVOCATION_FIELDS } from '../../shared/i18n/messages/certificates.ts';
import { renderVerifyPage } from '../../shared/pages/verify-page.tsx';
import { clock, config, tableStore } from '../../shared/runtime.ts';
import {
  makeCertificateLinks,
  makeRevokeCertificate,
  makeVerification,
} from '../../shared/usecases/certificates.ts';

const verification = makeVerification({
  certificates: certificates(),
  signingKey,
  publicBaseUrl: config.publicBaseUrl,
});
const certificateLinks = makeCertificateLinks({
  certificates: certificates(),
  files: files(),
  publicBaseUrl: config.publicBaseUrl,
});
const activities = composeActivities();
const directory = new Members(tableStore());
const revoke = makeRevokeCertificate({
  certificates: certificates(),
  dossiers: dossiers(),
  mailer: mailer(),
  clock,
  publicBaseUrl: config.publicBaseUrl,
  // The member leaves the directory at once: its version moves, so no function keeps the old list (issue 16).
  onRevoked: async (dossierId, by) => {
    await activities.cancelFutureOf(dossierId, by);
    await directory.changed();
  },
});
const sessions = coordinatorSessions();

export const RevokeSchema = builtOnFirstUse(() =>
  z.object({ reason: multilineText().pipe(z.string().min(3).max(1000)) }),
);
const LABELS = { reason: REVOCATION_FIELDS.reason };

const accepts = (req: HttpRequest, type: string) => (req.headers.accept ?? '').includes(type);

/** Public keys and the issuer profile change only with a key rotation; a short public cache is fine. */
const PUBLIC_CACHE = { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' };

export const handler = httpHandler({
  /**
   * One URL, three representations (never cached, so a revocation shows at once):
   * - `Accept: application/vc+jwt` → the credential as a compact VC-JWT (body is the JWT);
   * - `Accept: application/json` (or `?format=json`, the page's machine-readable link) → `{ credential, jwt }`:
   *   the Open Badges 3.0 credential and its VC-JWT;
   * - anything else → the HTML page in the request's language, with a PDF link signed for this view (as
   *   `/status` makes one) while the certificate is valid.
   */
  'GET /verify/{id}': async (req) => {
    const id = req.params.id!;
    if (accepts(req, VC_JWT_MEDIA_TYPE)) {
      const { jwt } = await verification.credential(id);
      return {
        statusCode: 200,
        headers: {
          'content-type': VC_JWT_MEDIA_TYPE,
          'cache-control': 'no-store',
          'access-control-allow-origin': '*',
        },
        body: jwt,
      };
    }
    if (
      req.query.format === 'json' ||
      accepts(req, 'application/json') ||
      accepts(req, 'application/ld+json')
    ) {
      return json(200, await verification.credential(id), { 'access-control-allow-origin': '*' });
    }
    const certificate = await verification.find(id);
    const downloadUrl =
      certificate.status === 'valid' ? (await certificateLinks.linksOf(certificate)).downloadUrl : undefined;
    return html(
      200,
      renderVerifyPage({ lang: req.lang, certificate, publicBaseUrl: config.publicBaseUrl, downloadUrl }),
    );
  },
  'GET /issuer': async () => json(200, verification.issuer(), PUBLIC_CACHE),
  'GET /issuer/jwks.json': async () =>
    json(200, await verification.jwks(), { ...PUBLIC_CACHE, 'content-type': 'application/jwk-set+json' }),
  /** Coordinator only (session cookie and its anti-CSRF token); answers JSON to a JSON client, else back to the verification page. */
  'POST /admin/certificates/{id}/revoke': async (req) => {
    const coordinator = await signedInStaff(sessions, req, 'coordinator');
    const input = (req.headers['content-type'] ?? '').includes('application/json')
      ? parseJsonBody(req, RevokeSchema, LABELS)
      : parseFormBody(req, RevokeSchema, LABELS);
    const { certificate, alreadyRevoked } = await revoke(req.params.id!, input.reason, coordinator.email);
    if (accepts(req, 'application/json')) {
      return json(200, {
        certificateId: certificate.id,
        number: certificate.number,
        status: certificate.status,
        revokedAt: certificate.revokedAt,
        revokedBy: certificate.revokedBy,
        revocationReason: certificate.revocationReason,
        alreadyRevoked,
      });
    }
    return redirect(`/verify/${certificate.id}${req.lang === 'en' ? '?lang=en' : ''}`);
  },
});
