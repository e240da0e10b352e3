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
`;
