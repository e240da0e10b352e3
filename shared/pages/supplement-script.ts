/**
 * Browser code of the supplement page (bổ sung hồ sơ). Served as `(${supplementScript})()`: it must stay
 * one self-contained function (no imports, no module values); user text only ever goes through textContent.
 */
export function supplementScript(): void {
  const root = document.getElementById('supplement');
  const dataEl = document.getElementById('supplement-data');
  const form = document.getElementById('supplement-form') as HTMLFormElement | null;
  if (!root || !dataEl || !form) return;

  interface Slot {
    slot: string;
    title: string;
    minFiles: number;
    maxFiles: number;
    types: string[];
    mimes: string[];
    maxBytes: number;
  }
  interface Issue {
    path: string;
    field: string;
    message: string;
  }
  interface ApiError {
    status: number;
    message: string;
    issues: Issue[];
  }
  interface Access {
    id: string;
    editToken: string;
  }
  interface Doc {
    fileId: string;
    slot: string;
    name: string;
    size: number;
  }
  type Group = Record<string, unknown>;
  interface DossierView {
    status: string;
    code?: string;
    form: { space: Group; representative: Group; consent?: boolean };
    documents: Doc[];
    supplement?: { items: string[]; comment: string; dueAt: string };
  }
  const data = JSON.parse(dataEl.textContent || '{}') as {
    lang: 'vi' | 'en';
    checklist: Slot[];
    labels: Record<string, string>;
  };
  const vi = data.lang !== 'en';
  const tr = (v: string, e: string) => (vi ? v : e);
  const langQuery = vi ? '' : '?lang=en';
  const linkId = root.getAttribute('data-link-id') || '';
  const STORE = `hcsn.supplement.${linkId}`;
  const slots = new Map(data.checklist.map((s) => [s.slot, s]));
  const pending = new Set<Promise<unknown>>();

  const secret = location.hash.slice(1);
  // Out of the address bar and history: a shared screenshot or a back button does not carry it.
  if (secret) history.replaceState(null, '', location.pathname + location.search);

  const openBtn = document.getElementById('supplement-open') as HTMLButtonElement;
  const sendBtn = document.getElementById('supplement-send') as HTMLButtonElement;
  const topMessage = document.getElementById('supplement-message') as HTMLElement;
  const formMessage = document.getElementById('supplement-form-message') as HTMLElement;
  const requestEl = document.getElementById('supplement-request') as HTMLElement;
  const resultEl = document.getElementById('supplement-result') as HTMLElement;

  // ---- access (kept per tab, so a reload keeps working after the single-use link is spent) ----
  const loadAccess = (): Access | undefined => {
    try {
      const raw = sessionStorage.getItem(STORE);
      return raw ? (JSON.parse(raw) as Access) : undefined;
    } catch {
      return undefined;
    }
  };
  let access = loadAccess();
  const saveAccess = (a: Access | undefined) => {
    access = a;
    if (a) sessionStorage.setItem(STORE, JSON.stringify(a));
    else sessionStorage.removeItem(STORE);
  };

  const networkError = (): ApiError => ({
    status: 0,
    message: tr(
      'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
      'Could not reach the server. Check your connection and try again.',
    ),
    issues: [],
  });
  const api = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const h: Record<string, string> = { accept: 'application/json' };
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
        message:
          typeof json.message === 'string'
            ? json.message
            : tr('Đã có lỗi, vui lòng thử lại.', 'Something went wrong, please try again.'),
        issues: Array.isArray(json.issues) ? (json.issues as Issue[]) : [],
      };
      throw err;
    }
    return json;
  };

  // ---- messages ----
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
    formMessage.hidden = true;
    formMessage.textContent = '';
  };
  const errorSlot = (path: string): HTMLElement | null => {
    for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const el = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(p)}"]`);
      if (el && !el.closest('[hidden]')) return el;
    }
    return null;
  };
  const showError = (err: unknown) => {
    const e = err as ApiError;
    const unplaced: string[] = [];
    for (const issue of e.issues || []) {
      const el = errorSlot(issue.path);
      if (el) {
        el.textContent = el.textContent ? `${el.textContent} ${issue.message}` : issue.message;
        form.querySelector(`[name="${CSS.escape(issue.path)}"]`)?.setAttribute('aria-invalid', 'true');
      } else unplaced.push(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
    }
    say(formMessage, e.message || String(err), 'error', unplaced);
    formMessage.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  /** The link or the token no longer opens anything: say so plainly and offer nothing to press. */
  const closed = (text: string) => {
    saveAccess(undefined);
    say(topMessage, text, 'error');
    root.hidden = false;
    openBtn.hidden = true;
    requestEl.hidden = true;
    form.hidden = true;
  };

  // ---- dates: dd/MM/yyyy HH:mm in Hanoi time (UTC+7 all year) ----
  const fmtIct = (iso: string) => {
    const d = new Date(Date.parse(iso) + 7 * 3600_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
  };

  // ---- the requested fields ----
  let dossier: DossierView | undefined;
  let items: string[] = [];
  const fieldItems = () => items.filter((i) => !i.startsWith('documents.'));
  const input = (path: string) =>
    form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      `[name="${CSS.escape(path)}"]`,
    );
  const read = (path: string): unknown => {
    const [group, key] = path.split('.') as [string, string];
    return (dossier?.form as unknown as Record<string, Group | undefined> | undefined)?.[group]?.[key];
  };
  const fill = (path: string) => {
    const value = read(path);
    if (path === 'space.creativeFields') {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      for (const box of Array.from(form.querySelectorAll<HTMLInputElement>(`[name="${path}"]`)))
        box.checked = chosen.includes(box.value);
      return;
    }
    const el = input(path);
    if (!el) return;
    el.value =
      value === undefined || value === null
        ? ''
        : Array.isArray(value)
          ? (value as string[]).join('\n')
          : String(value);
  };
  const collect = (path: string): unknown => {
    if (path === 'space.creativeFields')
      return Array.from(form.querySelectorAll<HTMLInputElement>(`[name="${path}"]:checked`)).map(
        (c) => c.value,
      );
    const raw = (input(path)?.value ?? '').trim();
    if (path === 'space.socialLinks')
      return raw
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    if (!raw) return undefined;
    if (path === 'space.foundedYear' || path === 'space.floorAreaM2') return Number(raw);
    return raw;
  };
  /** The stored form with the requested fields replaced (the server applies only those anyway). */
  const formBody = () => {
    const stored = dossier!.form;
    const next = {
      space: { ...stored.space },
      representative: { ...stored.representative },
      consent: stored.consent,
    } as Record<string, unknown> & { space: Group; representative: Group };
    for (const path of fieldItems()) {
      const [group, key] = path.split('.') as ['space' | 'representative', string];
      const value = collect(path);
      if (value === undefined) delete next[group][key];
      else next[group][key] = value;
    }
    return next;
  };

  // ---- uploads ----
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
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

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

  const removeFile = async (row: Row, fileId: string) => {
    row.state.textContent = tr('Đang xoá…', 'Removing…');
    try {
      await api('DELETE', `/api/applications/${access!.id}/documents/${encodeURIComponent(fileId)}`);
      row.li.remove();
    } catch (err) {
      row.state.textContent = (err as ApiError).message;
    }
  };
  const uploaded = (row: Row, fileId: string) => {
    row.li.dataset.fileId = fileId;
    row.li.className = 'file done';
    row.progress.value = 100;
    row.state.textContent = tr('Đã tải lên', 'Uploaded');
    row.actions.textContent = '';
    row.actions.append(linkButton(tr('Xoá', 'Remove'), () => track(removeFile(row, fileId))));
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

  const uploadFile = async (slot: Slot, file: File) => {
    const row = fileRow(slot.slot, file.name, file.size);
    let fileId: string | undefined;
    let upload: { url: string; fields: Record<string, string> } | undefined;
    const attempt = async (): Promise<void> => {
      row.li.className = 'file uploading';
      row.actions.textContent = '';
      row.state.textContent = tr('Đang tải lên…', 'Uploading…');
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
        uploaded(row, fileId!);
      } catch (err) {
        row.li.className = 'file failed';
        row.progress.value = 0;
        const apiErr = err as ApiError;
        if (apiErr && typeof apiErr === 'object' && apiErr.status >= 400 && apiErr.status < 500) {
          // Refused by the server (type, size, count, due date): retrying the same file will not help.
          row.state.textContent = apiErr.issues.map((i) => i.message).join(' ') || apiErr.message;
          row.actions.append(linkButton(tr('Bỏ', 'Dismiss'), () => row.li.remove()));
          return;
        }
        row.state.textContent = tr('Tải lên không thành công.', 'Upload failed.');
        row.actions.append(
          linkButton(tr('Thử lại', 'Retry'), () => track(attempt())),
          linkButton(tr('Bỏ', 'Dismiss'), () => {
            if (fileId) track(removeFile(row, fileId));
            else row.li.remove();
          }),
        );
      }
    };
    await attempt();
  };

  const checkFile = (slot: Slot, file: File, adding: number): string | undefined => {
    const type = typeOf(file);
    if (!type || !slot.types.includes(type))
      return tr(
        `“${file.name}”: loại tệp không được chấp nhận (chấp nhận: ${slot.types.join(', ').toUpperCase()}).`,
        `“${file.name}”: this file type is not accepted (accepted: ${slot.types.join(', ').toUpperCase()}).`,
      );
    if (file.size > slot.maxBytes)
      return tr(
        `“${file.name}” quá lớn (${fmtSize(file.size)}); tối đa ${fmtSize(slot.maxBytes)}.`,
        `“${file.name}” is too large (${fmtSize(file.size)}); at most ${fmtSize(slot.maxBytes)}.`,
      );
    if (file.size === 0) return tr(`“${file.name}” là tệp rỗng.`, `“${file.name}” is empty.`);
    if (countIn(slot.slot) + adding > slot.maxFiles)
      return tr(
        `Mục này nhận tối đa ${slot.maxFiles} tệp; hãy xoá bớt trước khi thêm.`,
        `This item takes at most ${slot.maxFiles} files; remove one first.`,
      );
    return undefined;
  };

  for (const picker of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=file][data-slot]'))) {
    const slot = slots.get(picker.dataset.slot || '');
    if (!slot) continue;
    picker.addEventListener('change', () => {
      const files = Array.from(picker.files || []);
      picker.value = '';
      const errEl = form.querySelector<HTMLElement>(`[data-error-for="documents.${CSS.escape(slot.slot)}"]`)!;
      errEl.textContent = '';
      const problems: string[] = [];
      let accepted = 0;
      for (const f of files) {
        const problem = checkFile(slot, f, accepted + 1);
        if (problem) problems.push(problem);
        else {
          accepted++;
          track(uploadFile(slot, f));
        }
      }
      errEl.textContent = problems.join(' ');
    });
  }

  // ---- showing the request ----
  const show = (d: DossierView) => {
    dossier = d;
    const s = d.supplement!;
    items = s.items;
    (document.getElementById('supplement-code') as HTMLElement).textContent = d.code ?? '';
    (document.getElementById('supplement-comment') as HTMLElement).textContent = s.comment;
    const due = document.getElementById('supplement-due') as HTMLTimeElement;
    due.dateTime = s.dueAt;
    due.textContent = fmtIct(s.dueAt);
    const list = document.getElementById('supplement-items') as HTMLUListElement;
    list.textContent = '';
    for (const item of items) {
      const li = document.createElement('li');
      li.textContent = data.labels[item] ?? item;
      list.appendChild(li);
    }
    for (const block of Array.from(form.querySelectorAll<HTMLElement>('[data-item]'))) {
      const item = block.dataset.item || '';
      block.hidden = !items.includes(item);
    }
    for (const path of fieldItems()) fill(path);
    for (const list of Array.from(form.querySelectorAll('.files'))) list.textContent = '';
    for (const doc of d.documents) {
      if (items.includes(`documents.${doc.slot}`))
        uploaded(fileRow(doc.slot, doc.name, doc.size), doc.fileId);
    }
    root.hidden = true;
    requestEl.hidden = false;
    form.hidden = false;
  };

  const load = async () => {
    try {
      const d = (await api('GET', `/api/applications/${access!.id}`)) as unknown as DossierView;
      if (d.status !== 'supplement_requested' || !d.supplement) {
        saveAccess(undefined);
        root.hidden = false;
        openBtn.hidden = true;
        say(
          topMessage,
          tr(
            `Hồ sơ ${d.code ?? ''} không còn chờ bổ sung (đã gửi bổ sung hoặc đã đóng). Bạn có thể tra cứu tình trạng hồ sơ.`,
            `Dossier ${d.code ?? ''} is no longer waiting for a supplement (already sent or closed). You can check its status.`,
          ),
          'ok',
        );
        return;
      }
      show(d);
    } catch (err) {
      const e = err as ApiError;
      if (e.status === 403 || e.status === 404) closed(e.message);
      else {
        root.hidden = false;
        say(topMessage, e.message, 'error');
      }
    }
  };

  openBtn.addEventListener('click', async () => {
    openBtn.disabled = true;
    topMessage.hidden = true;
    try {
      const res = await fetch(`/api/supplement${langQuery}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ linkId, secret }),
      }).catch(() => undefined);
      if (!res) {
        say(topMessage, networkError().message, 'error');
        return;
      }
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok || typeof json.id !== 'string' || typeof json.editToken !== 'string') {
        closed(
          typeof json.message === 'string'
            ? json.message
            : tr(
                'Đường dẫn không dùng được nữa (đã dùng hoặc đã hết hạn).',
                'This link can no longer be used (already used or expired).',
              ),
        );
        return;
      }
      saveAccess({ id: json.id, editToken: json.editToken });
      await load();
    } finally {
      openBtn.disabled = false;
    }
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors();
    sendBtn.disabled = true;
    try {
      while (pending.size) await Promise.all(Array.from(pending));
      if (form.querySelector('.files li.failed, .files li.uploading')) {
        say(
          formMessage,
          tr(
            'Còn tệp chưa tải lên được; hãy thử lại hoặc bỏ tệp đó trước khi gửi.',
            'Some files did not upload; retry or dismiss them before sending.',
          ),
          'error',
        );
        return;
      }
      if (fieldItems().length) await api('PUT', `/api/applications/${access!.id}`, formBody());
      const result = (await api('POST', `/api/applications/${access!.id}/resubmit`)) as { code?: string };
      saveAccess(undefined);
      (resultEl.querySelector('[data-testid="dossier-code"]') as HTMLElement).textContent =
        result.code ?? dossier?.code ?? '';
      form.hidden = true;
      requestEl.hidden = true;
      resultEl.hidden = false;
      resultEl.scrollIntoView({ block: 'start' });
    } catch (err) {
      const e = err as ApiError;
      if (e.status === 403 && !e.issues.length) closed(e.message);
      else showError(err);
    } finally {
      sendBtn.disabled = false;
    }
  });

  // ---- start: a reload continues with the kept access; otherwise wait for the button ----
  if (access) {
    root.hidden = true;
    void load();
  } else if (!secret) {
    closed(
      tr(
        'Đường dẫn không đầy đủ. Hãy mở lại đường dẫn trong email.',
        'The link is incomplete. Open the link from the email again.',
      ),
    );
  }
}
