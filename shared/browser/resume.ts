import { emailedLinkPage } from './link-page.ts';
import { w } from './words.ts';

/**
 * The resume page (/resume/{linkId}): the secret stays in the URL fragment until the person clicks, then
 * it is POSTed once and the draft opens on the home page (the access kept in this tab's sessionStorage,
 * where the application form looks for it).
 */
const root = document.getElementById('resume');
if (root) {
  const langQuery = document.documentElement.lang !== 'en' ? '' : '?lang=en';
  const resend = document.getElementById('resume-resend') as HTMLButtonElement;
  const post = async (body: Record<string, string>) => {
    const res = await fetch(`/api/resume${langQuery}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return { ok: res.ok, status: res.status, retryAfter: Number(res.headers.get('retry-after')) || 60, json };
  };
  const page = emailedLinkPage({
    root,
    go: document.getElementById('resume-go') as HTMLButtonElement,
    message: document.getElementById('resume-message') as HTMLElement,
    use: async (linkId, secret) => {
      const { ok, json } = await post({ linkId, secret });
      if (!ok || typeof json.id !== 'string' || typeof json.editToken !== 'string')
        return { refused: json.message };
      sessionStorage.setItem('hcsn.draft', JSON.stringify({ id: json.id, editToken: json.editToken }));
      return { next: langQuery ? '/?lang=en' : '/' };
    },
    onRefused: () => {
      resend.hidden = false;
    },
  });
  resend.addEventListener('click', async () => {
    resend.disabled = true;
    try {
      const { ok, status, retryAfter, json } = await post({ linkId: page.linkId });
      page.say(typeof json.message === 'string' ? json.message : w('requestSent'), ok ? 'ok' : 'error');
      // Too many requests (429): the message says when; the button comes back then.
      if (status === 429)
        setTimeout(() => {
          resend.disabled = false;
        }, retryAfter * 1000);
    } catch {
      page.say(page.offline(), 'error');
      resend.disabled = false;
    }
  });
}
