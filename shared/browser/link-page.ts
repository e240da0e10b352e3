import { w } from './words.ts';

/**
 * The pages behind an emailed single-use link (resume a draft, coordinator sign-in): the secret stays in
 * the URL fragment, is taken out of the address bar at once, and is POSTed only when the person presses
 * the button; a refused or spent link says so and hides the button. Server text only goes through
 * textContent.
 */
export function emailedLinkPage(opts: {
  root: HTMLElement;
  go: HTMLButtonElement;
  message: HTMLElement;
  /** Uses the link: where to go next, or what the server said when it refused. */
  use: (linkId: string, secret: string) => Promise<{ next: string } | { refused: unknown }>;
  /** After a refusal, e.g. offer a new link. */
  onRefused?: () => void;
}) {
  const { go, message } = opts;
  const linkId = opts.root.getAttribute('data-link-id') || '';
  const secret = location.hash.slice(1);
  // Out of the address bar and history: a shared screenshot or a back button does not carry it.
  if (secret) history.replaceState(null, '', location.pathname + location.search);
  const say = (text: string, kind: 'ok' | 'error') => {
    message.textContent = text;
    message.className = `notice ${kind === 'ok' ? 'notice-ok' : 'notice-error'}`;
    message.hidden = false;
  };
  const offline = () => w('offline');
  const refused = (text?: unknown) => {
    say(typeof text === 'string' ? text : w('linkSpent'), 'error');
    go.hidden = true;
    opts.onRefused?.();
  };
  if (!secret) refused(w('linkIncomplete'));
  go.addEventListener('click', async () => {
    go.disabled = true;
    try {
      const outcome = await opts.use(linkId, secret);
      if ('next' in outcome) location.href = outcome.next;
      else refused(outcome.refused);
    } catch {
      say(offline(), 'error');
    } finally {
      go.disabled = false;
    }
  });
  return { linkId, say, offline };
}
