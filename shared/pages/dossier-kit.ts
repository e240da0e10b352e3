import type { BrowserWord } from '../i18n/messages/browser.ts';

/** A document slot of the round's checklist, as the pages embed it. */
export interface Slot {
  slot: string;
  title: string;
  minFiles: number;
  maxFiles: number;
  types: string[];
  mimes: string[];
  maxBytes: number;
  /** The server's words for an item short of files, `{count}` to fill in (the application form only). */
  tooFew?: string;
}
export interface Issue {
  path: string;
  field: string;
  message: string;
}
/** What `api` throws: the server's message and field issues, or status 0 when the server was not reached. */
export interface ApiError {
  status: number;
  message: string;
  issues: Issue[];
  /** 429 (rate limited): seconds until the server takes the request again (its `Retry-After`). */
  retryAfter?: number;
}
/** A dossier's id and edit token, kept per tab (sessionStorage). */
export interface Access {
  id: string;
  editToken: string;
}

export type DossierKit = ReturnType<typeof dossierKit>;

/**
 * Browser helpers of the pages that edit a dossier (the application form and the supplement page): the
 * API with the dossier's edit token, messages and field errors, and document uploads straight to storage
 * with progress, retry, replace and removal. Served as source before the page scripts, which are given
 * it (`const dossierKit = ${dossierKit}` in `assets.ts`): it must stay one self-contained function (no
 * imports, no module values); user text only ever goes through textContent.
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
  // The page's words (the catalog's browser words in its language; see layout.tsx), `{name}` filled in.
  const words = JSON.parse(document.getElementById('words')?.textContent || '{}') as Record<string, string>;
  const w = (key: BrowserWord, values: Record<string, string | number> = {}) =>
    (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
  const langQuery = document.documentElement.lang === 'en' ? '?lang=en' : '';

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
  const networkError = (): ApiError => ({
    status: 0,
    message: w('networkError'),
    issues: [],
  });
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
      res = await fetch(path + langQuery, {
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

  // ---- uploads ----
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };
  /** Waits for every upload and removal in progress, including those started meanwhile. */
  const settle = async () => {
    while (pending.size) await Promise.all(Array.from(pending));
  };
  /** Some file failed or is still uploading: the dossier cannot go yet. */
  const unfinishedUploads = () => !!form.querySelector('.files li.failed, .files li.uploading');

  const fmtSize = (n: number) =>
    n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
  const mimeOf: Record<string, string> = {
    pdf: 'application/pdf',
    jpeg: 'image/jpeg',
    png: 'image/png',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  const typeOf = (file: File): string | undefined => {
    const byMime = Object.keys(mimeOf).find((t) => mimeOf[t] === file.type);
    if (byMime) return byMime;
    const ext = file.name.toLowerCase().split('.').pop();
    return ext === 'jpg' ? 'jpeg' : ext && ext in mimeOf ? ext : undefined;
  };
  const listOf = (slot: string) =>
    form.querySelector<HTMLUListElement>(`[data-files-for="${CSS.escape(slot)}"]`)!;
  const countIn = (slot: string) => listOf(slot).querySelectorAll('li.file:not(.failed)').length;
  const linkButton = (label: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link-button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };

  /** One row of a slot's file list: name, size, progress, and the actions that fit its state. */
  const fileRow = (slot: string, name: string, size: number) => {
    const li = document.createElement('li');
    li.className = 'file';
    const label = document.createElement('span');
    label.className = 'file-name';
    label.textContent = `${name} (${fmtSize(size)})`;
    const progress = document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    const state = document.createElement('span');
    state.className = 'file-state';
    const actions = document.createElement('span');
    actions.className = 'file-actions';
    li.append(label, progress, state, actions);
    listOf(slot).appendChild(li);
    return { li, progress, state, actions };
  };
  type Row = ReturnType<typeof fileRow>;

  const removeFile = async (row: Row, fileId: string): Promise<boolean> => {
    row.state.textContent = w('removing');
    try {
      await api('DELETE', `/api/applications/${access!.id}/documents/${encodeURIComponent(fileId)}`);
      row.li.remove();
      return true;
    } catch (err) {
      row.state.textContent = (err as ApiError).message;
      return false;
    }
  };

  /** Why a file cannot go into a slot (type, size, empty, too many), or undefined when it can. */
  const checkFile = (slot: Slot, file: File, adding: number): string | undefined => {
    const type = typeOf(file);
    if (!type || !slot.types.includes(type))
      return w('fileType', { name: file.name, types: slot.types.join(', ').toUpperCase() });
    if (file.size > slot.maxBytes)
      return w('fileTooLarge', { name: file.name, size: fmtSize(file.size), max: fmtSize(slot.maxBytes) });
    if (file.size === 0) return w('fileEmpty', { name: file.name });
    if (countIn(slot.slot) + adding > slot.maxFiles) return w('tooManyFiles', { max: slot.maxFiles });
    return undefined;
  };

  /** A row whose file is stored: "Remove" (and "Replace" where the page offers it). */
  const uploaded = (row: Row, slot: Slot, fileId: string) => {
    row.li.dataset.fileId = fileId;
    row.li.className = 'file done';
    row.progress.value = 100;
    row.state.textContent = w('uploaded');
    row.actions.textContent = '';
    row.actions.append(linkButton(w('remove'), () => track(removeFile(row, fileId))));
    if (!opts.replace) return;
    row.actions.append(
      linkButton(w('replace'), () => {
        const picker = document.createElement('input');
        picker.type = 'file';
        picker.accept = (
          form.querySelector(`input[type=file][data-slot="${CSS.escape(slot.slot)}"]`) as HTMLInputElement
        ).accept;
        picker.addEventListener('change', async () => {
          const f = picker.files?.[0];
          if (!f) return;
          const problem = checkFile(slot, f, 1);
          if (problem) {
            const errEl = errorSlot(`documents.${slot.slot}`);
            if (errEl) errEl.textContent = problem;
            return;
          }
          if (await removeFile(row, fileId)) track(uploadFile(slot, f));
        });
        picker.click();
      }),
    );
  };

  const postToStorage = (
    upload: { url: string; fields: Record<string, string> },
    file: File,
    progress: HTMLProgressElement,
  ) =>
    new Promise<void>((resolve, reject) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(upload.fields)) body.append(k, v);
      body.append('file', file);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', upload.url);
      xhr.upload.addEventListener('progress', (ev) => {
        if (ev.lengthComputable) progress.value = Math.round((ev.loaded / ev.total) * 99);
      });
      xhr.addEventListener('load', () =>
        xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(xhr.status),
      );
      xhr.addEventListener('error', () => reject(0));
      xhr.addEventListener('abort', () => reject(0));
      xhr.send(body);
    });

  /**
   * Uploads a file into a slot: asks the server for a presigned POST, sends the file straight to storage
   * with progress, and offers "Retry" after a network failure (same upload) or "Dismiss" after a refusal.
   */
  const uploadFile = async (slot: Slot, file: File) => {
    const row = fileRow(slot.slot, file.name, file.size);
    let fileId: string | undefined;
    let upload: { url: string; fields: Record<string, string> } | undefined;
    const attempt = async (): Promise<void> => {
      row.li.className = 'file uploading';
      row.actions.textContent = '';
      row.state.textContent = w('uploading');
      try {
        if (!upload) {
          const res = (await api('POST', `/api/applications/${access!.id}/uploads`, {
            slot: slot.slot,
            fileName: file.name,
            contentType: mimeOf[typeOf(file)!],
            size: file.size,
          })) as unknown as { fileId: string; upload: { url: string; fields: Record<string, string> } };
          fileId = res.fileId;
          upload = res.upload;
        }
        await postToStorage(upload, file, row.progress);
        uploaded(row, slot, fileId!);
      } catch (err) {
        row.li.className = 'file failed';
        row.progress.value = 0;
        const apiErr = err as ApiError;
        if (apiErr && typeof apiErr === 'object' && apiErr.status >= 400 && apiErr.status < 500) {
          // Refused by the server (type, size, count, due date): retrying the same file will not help.
          row.state.textContent = apiErr.issues.map((i) => i.message).join(' ') || apiErr.message;
          row.actions.append(linkButton(w('dismiss'), () => row.li.remove()));
          return;
        }
        row.state.textContent = w('uploadFailed');
        row.actions.append(
          linkButton(w('retry'), () => track(attempt())),
          linkButton(w('dismiss'), () => {
            if (fileId) track(removeFile(row, fileId));
            else row.li.remove();
          }),
        );
      }
    };
    await attempt();
  };

  // ---- the ward picker (ARIA combobox with a listbox popup) ----
  /**
   * The form's ward picker, if it has one: the person types a current or an old name, the server offers
   * wards (each with the hint that names the old unit), and arrows, Enter, Escape, Tab and the mouse pick
   * one into the hidden code field. Leaving the field with text that names no picked ward says so under
   * the field instead of losing the choice silently. `show(code)` puts a kept ward's name back.
   */
  const wardPicker = () => {
    const root = form.querySelector<HTMLElement>('.ward-picker');
    if (!root) return undefined;
    const search = root.querySelector<HTMLInputElement>('[role="combobox"]')!;
    const list = root.querySelector<HTMLElement>('[role="listbox"]')!;
    const code = root.querySelector<HTMLInputElement>('input[type="hidden"]')!;
    const path = code.name;
    type Option = { code: string; name: string; hint?: string };
    let options: Option[] = [];
    let active = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seq = 0;
    const wardsUrl = (query: string) => `/api/wards?${query}${langQuery ? `&${langQuery.slice(1)}` : ''}`;
    const key = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const optionEl = (i: number) => list.querySelector<HTMLElement>(`[data-index="${i}"]`);
    const setActive = (i: number) => {
      optionEl(active)?.setAttribute('aria-selected', 'false');
      active = i;
      const el = optionEl(i);
      if (el) {
        el.setAttribute('aria-selected', 'true');
        search.setAttribute('aria-activedescendant', el.id);
        el.scrollIntoView({ block: 'nearest' });
      } else search.removeAttribute('aria-activedescendant');
    };
    const isOpen = () => !list.hidden;
    const close = () => {
      setActive(-1);
      list.hidden = true;
      search.setAttribute('aria-expanded', 'false');
    };
    const open = () => {
      if (!list.childElementCount) return;
      list.hidden = false;
      search.setAttribute('aria-expanded', 'true');
    };
    const unpickedSlot = () => errorSlot(path);
    const clearUnpicked = () => {
      const el = unpickedSlot();
      if (el?.dataset.unpicked) {
        el.textContent = '';
        delete el.dataset.unpicked;
      }
      search.removeAttribute('aria-invalid');
    };
    const pick = (o: Option) => {
      search.value = o.name;
      code.value = o.code;
      clearUnpicked();
      close();
      // A change of the form like any other (the application's autosave listens).
      code.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const render = () => {
      list.textContent = '';
      active = -1;
      search.removeAttribute('aria-activedescendant');
      options.forEach((o, i) => {
        const el = document.createElement('div');
        el.setAttribute('role', 'option');
        el.setAttribute('aria-selected', 'false');
        el.id = `${list.id}-${i}`;
        el.dataset.index = String(i);
        el.dataset.code = o.code;
        const name = document.createElement('span');
        name.className = 'ward-name';
        name.textContent = o.name;
        el.appendChild(name);
        if (o.hint) {
          const hint = document.createElement('span');
          hint.className = 'ward-hint';
          hint.textContent = ` (${o.hint})`;
          el.appendChild(hint);
        }
        // mousedown, not click: the field keeps the focus, so its blur does not close the list first.
        el.addEventListener('mousedown', (ev) => {
          ev.preventDefault();
          pick(o);
        });
        list.appendChild(el);
      });
      if (!options.length) {
        // An option that cannot be picked: a listbox holds options only (and it says why it is empty).
        const empty = document.createElement('div');
        empty.setAttribute('role', 'option');
        empty.setAttribute('aria-disabled', 'true');
        empty.className = 'empty';
        empty.textContent = w('noWard');
        list.appendChild(empty);
      }
      open();
    };
    search.addEventListener('input', () => {
      code.value = '';
      clearTimeout(timer);
      const q = search.value.trim();
      if (q.length < 2) {
        seq++;
        options = [];
        list.textContent = '';
        return close();
      }
      timer = setTimeout(async () => {
        const mine = ++seq;
        const res = await fetch(wardsUrl(`q=${encodeURIComponent(q)}`)).catch(() => undefined);
        const j = res?.ok ? ((await res.json()) as { wards: Option[] }) : { wards: [] };
        if (mine !== seq) return;
        options = j.wards;
        render();
      }, 200);
    });
    search.addEventListener('keydown', (ev) => {
      const n = options.length;
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (!n) return;
        if (!isOpen()) open();
        const down = ev.key === 'ArrowDown';
        setActive(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
      } else if (ev.key === 'Enter') {
        if (!isOpen()) return;
        // The list is open: Enter picks (the only option, if none is highlighted); it never sends the form.
        ev.preventDefault();
        const o = options[active] ?? (n === 1 ? options[0] : undefined);
        if (o) pick(o);
      } else if (ev.key === 'Escape') {
        if (isOpen()) {
          ev.preventDefault();
          close();
        }
      } else if (ev.key === 'Tab') {
        // Tab takes the highlighted option along, as the person was about to choose it.
        const o = isOpen() ? options[active] : undefined;
        if (o) pick(o);
      }
    });
    search.addEventListener('blur', () => {
      close();
      const typed = search.value.trim();
      if (!typed || code.value) return;
      // Typed in full (or the only option left): that is the choice. Otherwise say so; keep the text.
      const same = options.filter((o) => key(o.name) === key(typed));
      const only = same.length === 1 ? same[0] : options.length === 1 ? options[0] : undefined;
      if (only) return pick(only);
      const el = unpickedSlot();
      if (el) {
        el.textContent = root.dataset.unpicked ?? '';
        el.dataset.unpicked = '1';
      }
      search.setAttribute('aria-invalid', 'true');
    });
    return {
      /** Shows a kept ward by its name (after a reload or a resume link): the code alone names nothing. */
      show: (wardCode: string) => {
        code.value = wardCode;
        search.value = '';
        clearUnpicked();
        if (!wardCode) return;
        fetch(wardsUrl(`code=${encodeURIComponent(wardCode)}`))
          .then((r) => r.json())
          .then((j: { wards?: Option[] }) => {
            const o = (j.wards || []).find((x) => x.code === wardCode);
            if (o && code.value === wardCode) search.value = o.name;
          })
          .catch(() => undefined);
      },
    };
  };

  return {
    w,
    langQuery,
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
    unfinishedUploads,
    checkFile,
    fileRow,
    uploaded,
    uploadFile,
    wardPicker,
  };
}
