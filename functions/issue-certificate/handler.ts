import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { files } from '../../shared/compose/files.ts';
import { certificates, dossiers, rounds } from '../../shared/compose/table.ts';
import { CERTIFICATE_FONT_REGULAR_FILE, loadCertificateFonts } from '../../shared/pdf/font.ts';
import { clock, config } from '../../shared/runtime.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { makeIssueCertificate } from '../../shared/usecases/certificates.ts';

// The Lambda bundle ships the TTFs next to this module (esbuild afterBundling hook, `assets: 'fonts'`);
// a local run reads them from the npm package.
const here = dirname(fileURLToPath(import.meta.url));
const fontDir = existsSync(join(here, CERTIFICATE_FONT_REGULAR_FILE)) ? here : undefined;

const issue = makeIssueCertificate({
  certificates: certificates(),
  dossiers: dossiers(),
  rounds: rounds(),
  files: files(),
  // pdf-lib, fontkit and the QR encoder are most of this bundle: loaded by the first certificate, not at init.
  renderPdf: async (content, createdAt) => {
    const [{ renderCertificatePdf }, fonts] = await Promise.all([
      import('../../shared/pdf/certificate.ts'),
      loadCertificateFonts(fontDir),
    ]);
    return renderCertificatePdf(content, fonts, { createdAt });
  },
  clock,
  publicBaseUrl: config.publicBaseUrl,
  signatory: { name: config.signatoryName, title: config.signatoryTitle },
});

/** IssueCertificate: `{ dossierId }` → `{ certificateId, number, verifyUrl }` (NotifyApproved's detail). */
export const handler = taskHandler((input: { dossierId: string; by?: string }) => issue(input));
