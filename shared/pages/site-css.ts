/** The site's stylesheet. */
export const SITE_CSS = `
:root { --red: #8a1c1c; --ink: #1d1d1f; --muted: #5f6368; --line: #e2e2e2; --bg: #fbf8f3; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: var(--bg); line-height: 1.55; }
.site-header { display: flex; justify-content: space-between; align-items: center; padding: 12px 24px; background: var(--red); color: #fff; flex-wrap: wrap; gap: 8px; }
.site-header a { color: #fff; text-decoration: none; margin-left: 16px; }
.site-header .brand { font-weight: 700; margin-left: 0; }
main { max-width: 960px; margin: 0 auto; padding: 24px; }
.site-footer { text-align: center; color: var(--muted); padding: 24px; font-size: 14px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 20px; margin: 16px 0; }
.notice { padding: 12px 16px; border-radius: 6px; }
.notice-error { background: #fdecea; border: 1px solid #f5c2c0; }
.notice-ok { background: #e8f5e9; border: 1px solid #b7dfb9; }
label { display: block; margin: 12px 0; font-weight: 600; }
input, select, textarea { display: block; width: 100%; padding: 8px; margin-top: 4px; font: inherit; border: 1px solid #bbb; border-radius: 4px; font-weight: 400; }
button { background: var(--red); color: #fff; border: 0; padding: 10px 18px; border-radius: 4px; font: inherit; cursor: pointer; }
button[disabled] { opacity: .5; cursor: not-allowed; }
.dossier-code { font-size: 28px; font-weight: 700; letter-spacing: .04em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dt { color: var(--muted); }
dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
@media (max-width: 600px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 8px; } }
.table-scroll { overflow-x: auto; max-width: 100%; }
h1 { line-height: 1.25; }
.hint { color: var(--muted); font-size: 14px; margin: 2px 0 4px; font-weight: 400; }
.deadline { font-weight: 600; }
.countdown { color: var(--red); font-variant-numeric: tabular-nums; }
.cta { display: inline-block; background: var(--red); color: #fff; padding: 10px 18px; border-radius: 4px; font-weight: 600; text-decoration: none; }
.benefits li, .checklist li { margin: 6px 0; }
fieldset { border: 0; padding: 0; margin: 0 0 24px; min-width: 0; }
legend { font-size: 20px; font-weight: 700; margin-bottom: 8px; padding: 0; }
.apply-form .field { margin: 14px 0; }
.apply-form .field > label { margin: 0; }
.checks legend { font-size: 16px; font-weight: 600; }
.checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 2px 16px; margin: 0; }
label.check { display: flex; gap: 8px; align-items: flex-start; font-weight: 400; margin: 4px 0; }
label.check input { width: auto; margin-top: 5px; display: inline; }
[aria-invalid="true"] { border-color: #c62828; background: #fff8f8; }
.field-error { color: #c62828; font-size: 14px; margin: 4px 0 0; font-weight: 600; }
.field-error:empty { display: none; }
.form-message { margin: 12px 0; }
.form-message ul { margin: 6px 0 0; }
.required-mark { color: #c62828; font-weight: 700; }
.error-summary { border-width: 2px; border-color: #c62828; }
.error-summary:focus { outline: 3px solid var(--red); outline-offset: 2px; }
.error-summary a { color: #8a1c1c; font-weight: 600; }
.autosave { min-height: 1.5em; margin: 8px 0 0; }
.ward-picker { position: relative; }
.suggestions { position: absolute; z-index: 10; left: 0; right: 0; margin: 2px 0 0; padding: 0; list-style: none; background: #fff; border: 1px solid #bbb; border-radius: 4px; max-height: 260px; overflow-y: auto; box-shadow: 0 4px 12px rgba(0,0,0,.08); }
.suggestions > div { padding: 8px 10px; cursor: pointer; border-left: 4px solid transparent; overflow-wrap: anywhere; }
.suggestions > div:hover { background: #f3ece2; }
.suggestions > [aria-selected="true"] { background: #f3ece2; border-left-color: var(--red); outline: 2px solid var(--red); outline-offset: -2px; }
.suggestions .ward-name { font-weight: 600; }
.suggestions .ward-hint { color: var(--muted); font-size: 14px; }
.suggestions > .empty { color: var(--muted); cursor: default; }
.ward-search:focus-visible { outline: 2px solid var(--red); outline-offset: 1px; }
.slot { border-top: 1px solid var(--line); padding: 12px 0; }
.slot > label { margin: 0; }
.files { list-style: none; padding: 0; margin: 8px 0 0; }
.file { display: grid; grid-template-columns: 1fr 140px; gap: 2px 12px; align-items: center; padding: 8px 10px; border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; background: #fff; }
.file-name { overflow-wrap: anywhere; }
.file progress { width: 100%; height: 10px; accent-color: var(--red); }
.file-state { font-size: 14px; color: var(--muted); }
.file.done .file-state { color: #2e7d32; }
.file.failed { border-color: #f5c2c0; background: #fffafa; }
.file.failed .file-state { color: #c62828; }
.file-actions { text-align: right; }
.link-button { background: none; color: var(--red); padding: 2px 6px; text-decoration: underline; }
button.secondary { background: #fff; color: var(--red); border: 1px solid var(--red); }
.actions { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 16px; }
.result { text-align: center; border-color: #b7dfb9; }
.result .dossier-code { font-size: 40px; color: var(--red); margin: 8px 0; user-select: all; }
.supplement-items li { margin: 4px 0; font-weight: 600; }
.supplement-comment em { white-space: pre-wrap; }
.apply-form .slot[data-item] { margin: 14px 0; }
/* The review page: documents by checklist item, previews, decisions styled by consequence. */
.doc-group h3 { font-size: 17px; margin: 16px 0 6px; }
.docs { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 12px; }
.doc { min-width: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; background: #fff; }
.doc-preview { display: block; width: 100%; height: 180px; object-fit: contain; background: #f4f1ec; border-radius: 4px; margin-bottom: 6px; }
.pdf-preview img, .pdf-preview canvas { display: block; width: 100%; height: 100%; object-fit: contain; }
.doc-link { display: block; overflow-wrap: anywhere; font-size: 15px; }
.history { padding-left: 20px; overflow-wrap: anywhere; }
.decision-form textarea { min-height: 6em; }
.decision { margin-top: 8px; }
button.decide { min-height: 44px; flex: 1 1 180px; }
button.decide-approved { background: #1b5e20; }
button.decide-supplement, button.decide-back { background: #fff; color: var(--ink); border: 2px solid #5f6368; }
button.decide-rejected { background: #b3261e; }
button.decide:focus-visible { outline: 3px solid #1d1d1f; outline-offset: 2px; }
.confirm-lead { font-size: 18px; font-weight: 600; }
.confirm-comment { white-space: pre-wrap; }
.opinions { list-style: none; padding: 0; margin: 0; }
.opinion { border-top: 1px solid var(--line); padding: 8px 0; }
.opinion p { margin: 2px 0; overflow-wrap: anywhere; }
.opinion-comment { white-space: pre-wrap; }
.certificate-preview { height: auto; max-width: 480px; aspect-ratio: 297 / 210; margin: 12px 0; }
.member-photo { display: block; width: 100%; max-width: 100%; height: auto; aspect-ratio: 4 / 3; object-fit: cover; border-radius: 4px; background: #f4f1ec; }
.member-photos { list-style: none; padding: 0; margin: 12px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 8px; }
.member-map { height: 360px; max-width: 100%; margin: 8px 0 16px; border-radius: 4px; background: #f4f1ec; }
.member-map:focus-visible { outline: 3px solid #1d1d1f; outline-offset: 2px; }
.member-map .member-marker { width: 18px; height: 18px; border-radius: 50%; background: #b3261e; border: 3px solid #fff; box-shadow: 0 0 0 1px #1d1d1f; }
.member-map .member-marker:focus-visible { outline: 3px solid #1d1d1f; outline-offset: 2px; }
.photo-choices { list-style: none; padding: 0; margin: 8px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 8px; }
.photo-choices label { display: flex; flex-direction: column; gap: 4px; font-weight: normal; overflow-wrap: anywhere; }
.photo-choices img { width: 100%; height: 96px; object-fit: cover; border-radius: 4px; background: #f4f1ec; }
[hidden] { display: none !important; }
`;
