import { emailedLinkPage } from './link-page.ts';

/** The coordinator's sign-in link page (/admin/sign-in/{linkId}); server text only goes through textContent. */
const root = document.getElementById('admin-sign-in');
if (root) {
  const langQuery = document.documentElement.lang !== 'en' ? '' : '?lang=en';
  const again = document.getElementById('admin-sign-in-again') as HTMLElement;
  emailedLinkPage({
    root,
    go: document.getElementById('admin-sign-in-go') as HTMLButtonElement,
    message: document.getElementById('admin-sign-in-message') as HTMLElement,
    use: async (linkId, secret) => {
      const res = await fetch(`/admin/sign-in/${encodeURIComponent(linkId)}${langQuery}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ secret }),
      });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      return res.ok && json.ok === true ? { next: `/admin${langQuery}` } : { refused: json.message };
    },
    onRefused: () => {
      again.hidden = false;
    },
  });
}
