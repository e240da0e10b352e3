import { adminSignInScript } from './admin-script.ts';
import { applyScript, formCheck, resumeScript } from './apply-script.ts';
import { dossierKit } from './dossier-kit.ts';
import { emailedLinkPage } from './link-page-kit.ts';
import { SITE_CSS } from './site-css.ts';
import { supplementScript } from './supplement-script.ts';
import { verifyScript } from './verify-page.tsx';

/**
 * The browser scripts, from the functions' own source; the pages that edit a dossier are given the shared
 * helpers (`dossierKit`, and `emailedLinkPage` for the pages behind an emailed link), defined first in
 * the same file. Transpilers that keep function names (esbuild
 * `keepNames`, used by tsx and some bundlers) insert calls to a module-level `__name` helper into the
 * function bodies, so the served file defines a no-op one.
 */
const APPLY_JS = `(() => {
"use strict";
const __name = (fn) => fn;
const dossierKit = ${dossierKit.toString()};
const formCheck = ${formCheck.toString()};
(${applyScript.toString()})(dossierKit, formCheck);
const emailedLinkPage = ${emailedLinkPage.toString()};
(${resumeScript.toString()})(emailedLinkPage);
})();
`;

const ADMIN_JS = `(() => {
"use strict";
const __name = (fn) => fn;
const emailedLinkPage = ${emailedLinkPage.toString()};
(${adminSignInScript.toString()})(emailedLinkPage);
})();
`;

const SUPPLEMENT_JS = `(() => {
"use strict";
const __name = (fn) => fn;
const dossierKit = ${dossierKit.toString()};
(${supplementScript.toString()})(dossierKit);
})();
`;

const VERIFY_JS = `(() => {
"use strict";
const __name = (fn) => fn;
(${verifyScript.toString()})();
})();
`;

/** Static files served by the site function (no build step: each is a string module). */
export const ASSETS: Record<string, { body: string; type: string }> = {
  'site.css': { body: SITE_CSS, type: 'text/css; charset=utf-8' },
  'apply.js': { body: APPLY_JS, type: 'text/javascript; charset=utf-8' },
  'admin.js': { body: ADMIN_JS, type: 'text/javascript; charset=utf-8' },
  'supplement.js': { body: SUPPLEMENT_JS, type: 'text/javascript; charset=utf-8' },
  'verify.js': { body: VERIFY_JS, type: 'text/javascript; charset=utf-8' },
};
