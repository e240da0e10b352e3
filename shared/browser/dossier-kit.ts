import type { Access, ApiError, Issue } from './types.ts';
import { makeUploads } from './uploads.ts';
import { makeWardPicker } from './ward-picker.ts';
import { langQuery, w } from './words.ts';

export type { Access, ApiError, Issue, Slot } from './types.ts';
export { isApiError } from './types.ts';

export type DossierKit = ReturnType<typeof dossierKit>;

/**
 * What the pages that edit a dossier (the application form and the supplement page) share: the API with
 * the dossier's edit token, messages and field errors, document uploads (uploads.ts) and the ward picker
 * (ward-picker.ts). User text only ever goes through textContent.
 */
export function dossierKit(opts: {
  form: HTMLFormElement;
  /** Where `showError` writes. */
  message: HTMLElement;
  /** sessionStorage key of the access. */
  storeKey: string;
  /** Uploaded files get a "Replace" button as well as "Remove". */
  replace?: boolean;
}) {
  const { form, message, storeKey } = opts;

  // ---- access ----
  const loadAccess = (): Access | undefined => {
    try {
      const raw = sessionStorage.getItem(storeKey);
      return raw ? (JSON.parse(raw) as Access) : undefined;
    } catch {
      return undefined;
    }
  };
  let access = loadAccess();
  const saveAccess = (a: Access | undefined) => {
    access = a;
    if (a) sessionStorage.setItem(storeKey, JSON.stringify(a));
    else sessionStorage.removeItem(storeKey);
  };

  // ---- API ----
  const networkError = (): ApiError => ({ status: 0, message: w('networkError'), issues: [] });
  const api = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Record<string, unknown>> => {
    const h: Record<string, string> = { accept: 'application/json', ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (access) h.authorization = `Bearer ${access.editToken}`;
    let res: Response;
    try {
      res = await fetch(path + langQuery(), {
        method,
        headers: h,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw networkError();
    }
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      const err: ApiError = {
        status: res.status,
        message: typeof json.message === 'string' ? json.message : w('genericError'),
        issues: Array.isArray(json.issues) ? (json.issues as Issue[]) : [],
        retryAfter: Number(res.headers.get('retry-after')) || undefined,
      };
      throw err;
    }
    return json;
  };

  // ---- messages and field errors ----
  const say = (el: HTMLElement, text: string, kind: 'error' | 'ok', extra: string[] = []) => {
    el.textContent = '';
    const p = document.createElement('p');
    p.textContent = text;
    el.appendChild(p);
    if (extra.length) {
      const ul = document.createElement('ul');
      for (const line of extra) {
        const li = document.createElement('li');
        li.textContent = line;
        ul.appendChild(li);
      }
      el.appendChild(ul);
    }
    el.className = `form-message notice ${kind === 'error' ? 'notice-error' : 'notice-ok'}`;
    el.hidden = false;
  };
  const clearErrors = () => {
    for (const el of Array.from(form.querySelectorAll<HTMLElement>('.field-error'))) el.textContent = '';
    for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
    message.hidden = true;
    message.textContent = '';
    message.className = 'form-message';
  };
  /** The visible error slot of a field, or of the nearest group above it (`space.nameVi` → `space`). */
  const errorSlot = (path: string): HTMLElement | null => {
    for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const el = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(p)}"]`);
      if (el && !el.closest('[hidden]')) return el;
    }
    return null;
  };
  /**
   * The control a field's issue leads to: its input by id (`f-space-nameVi`), by name, or a checklist
   * item's file picker (`documents.photos`); numbered parts (`space.socialLinks.2`) lead to their field.
   */
  const controlOf = (path: string): HTMLElement | null => {
    const field = path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .join('.');
    const slot = /^documents\.(.+)$/.exec(field)?.[1];
    if (slot) return form.querySelector<HTMLElement>(`input[type=file][data-slot="${CSS.escape(slot)}"]`);
    return (
      document.getElementById(`f-${field.replaceAll('.', '-')}`) ??
      form.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]:not([type=hidden])`)
    );
  };
  /**
   * Every issue at once: each next to its field (marked aria-invalid), and all of them in the summary at
   * the top, each a link to its field; the summary takes the focus, so a screen reader starts there.
   */
  const showProblems = (
    title: string,
    issues: readonly { path: string; field?: string; message: string }[],
  ) => {
    message.textContent = '';
    const p = document.createElement('p');
    p.textContent = title;
    message.appendChild(p);
    const ul = document.createElement('ul');
    for (const issue of issues) {
      const el = errorSlot(issue.path);
      if (el) el.textContent = el.textContent ? `${el.textContent} ${issue.message}` : issue.message;
      const control = controlOf(issue.path);
      control?.setAttribute('aria-invalid', 'true');
      const li = document.createElement('li');
      // Our messages name their field; another's (a server without field words) gets the name in front.
      const text =
        issue.field && !issue.message.includes(issue.field) && !el
          ? `${issue.field}: ${issue.message}`
          : issue.message;
      if (control?.id) {
        const a = document.createElement('a');
        a.href = `#${control.id}`;
        a.textContent = text;
        a.addEventListener('click', (ev) => {
          ev.preventDefault();
          control.focus();
          control.scrollIntoView({ block: 'center' });
        });
        li.appendChild(a);
      } else li.textContent = text;
      ul.appendChild(li);
    }
    if (issues.length) message.appendChild(ul);
    message.className = 'form-message notice notice-error error-summary';
    message.hidden = false;
    if (!message.hasAttribute('tabindex')) message.tabIndex = -1;
    message.focus();
    message.scrollIntoView({ block: 'start' });
  };
  /** The server's refusal: its field issues as the summary (see showProblems), or its message alone. */
  const showError = (err: unknown) => {
    const e = err as ApiError;
    if (e.issues?.length) return showProblems(e.message || String(err), e.issues);
    say(message, e.message || String(err), 'error');
    message.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  // ---- work in progress (uploads, removals) ----
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  /** Waits for every upload and removal in progress, including those started meanwhile. */
  const settle = async () => {
    while (pending.size) await Promise.all(Array.from(pending));
  };

  const uploads = makeUploads({
    form,
    api,
    dossierId: () => access!.id,
    errorSlot,
    track,
    replace: opts.replace === true,
  });

  return {
    w,
    langQuery: langQuery(),
    access: () => access,
    saveAccess,
    networkError,
    api,
    say,
    clearErrors,
    errorSlot,
    showError,
    showProblems,
    track,
    settle,
    ...uploads,
    /** The form's ward picker, if it has one (see ward-picker.ts). */
    wardPicker: () => makeWardPicker(form, errorSlot),
  };
}
