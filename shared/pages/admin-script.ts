/**
 * Browser code of the coordinator's sign-in link page. Served as `(${adminSignInScript})()`: it must stay
 * one self-contained function (no imports, no module values); server text only goes through textContent.
 */
export function adminSignInScript(): void {
  const root = document.getElementById('admin-sign-in');
  if (!root) return;
  const vi = document.documentElement.lang !== 'en';
  const langQuery = vi ? '' : '?lang=en';
  const linkId = root.getAttribute('data-link-id') || '';
  const secret = location.hash.slice(1);
  // Out of the address bar and history: a shared screenshot or a back button does not carry it.
  if (secret) history.replaceState(null, '', location.pathname + location.search);
  const go = document.getElementById('admin-sign-in-go') as HTMLButtonElement;
  const again = document.getElementById('admin-sign-in-again') as HTMLElement;
  const msg = document.getElementById('admin-sign-in-message') as HTMLElement;
  const failed = (text: unknown) => {
    msg.textContent =
      typeof text === 'string'
        ? text
        : vi
          ? 'Đường dẫn không dùng được nữa (đã dùng hoặc đã hết hạn).'
          : 'This link can no longer be used (already used or expired).';
    msg.className = 'notice notice-error';
    msg.hidden = false;
    go.hidden = true;
    again.hidden = false;
  };
  if (!secret) failed(vi ? 'Đường dẫn không đầy đủ.' : 'The link is incomplete.');
  go.addEventListener('click', async () => {
    go.disabled = true;
    try {
      const res = await fetch(`/admin/sign-in/${encodeURIComponent(linkId)}${langQuery}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ secret }),
      });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok || json.ok !== true) return failed(json.message);
      location.href = `/admin${langQuery}`;
    } catch {
      msg.textContent = vi
        ? 'Không kết nối được máy chủ, vui lòng thử lại.'
        : 'Could not reach the server, please try again.';
      msg.className = 'notice notice-error';
      msg.hidden = false;
    } finally {
      go.disabled = false;
    }
  });
}
