/**
 * Browser code of the home page's application form. Served as `(${applyScript})()`: it must stay one
 * self-contained function (no imports, no module values); user text only ever goes through textContent.
 */
export function applyScript(): void {
  const form = document.getElementById('apply-form') as HTMLFormElement | null;
  const dataEl = document.getElementById('round-data');
  if (!form || !dataEl) return;

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
  const data = JSON.parse(dataEl.textContent || '{}') as {
    lang: 'vi' | 'en';
    deadlineAt: string;
    checklist: Slot[];
  };
  const vi = data.lang !== 'en';
  const tr = (v: string, e: string) => (vi ? v : e);
  const STORE = 'hcsn.draft';
  const langQuery = vi ? '' : '?lang=en';

  // ---- countdown ----
  const countdown = document.getElementById('countdown');
  if (countdown) {
    const deadline = new Date(countdown.getAttribute('data-deadline') || data.deadlineAt).getTime();
    const pad = (n: number) => String(n).padStart(2, '0');
    const tick = () => {
      const left = Math.max(0, deadline - Date.now());
      const s = Math.floor(left / 1000);
      const days = Math.floor(s / 86400);
      countdown.textContent =
        left === 0
          ? tr('đã hết hạn', 'closed')
          : `${days} ${tr('ngày', days === 1 ? 'day' : 'days')} ${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
    };
    tick();
    setInterval(tick, 1000);
  }

  // ---- draft access ----
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

  const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
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
      const err: ApiError = {
        status: 0,
        message: tr(
          'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
          'Could not reach the server. Check your connection and try again.',
        ),
        issues: [],
      };
      throw err;
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
  const message = document.getElementById('form-message') as HTMLElement;
  const clearErrors = () => {
    for (const el of Array.from(form.querySelectorAll<HTMLElement>('.field-error'))) el.textContent = '';
    for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
    message.hidden = true;
    message.textContent = '';
    message.className = 'form-message';
  };
  const showMessage = (text: string, kind: 'error' | 'ok', extra: string[] = []) => {
    message.textContent = '';
    const p = document.createElement('p');
    p.textContent = text;
    message.appendChild(p);
    if (extra.length) {
      const ul = document.createElement('ul');
      for (const line of extra) {
        const li = document.createElement('li');
        li.textContent = line;
        ul.appendChild(li);
      }
      message.appendChild(ul);
    }
    message.className = `form-message notice ${kind === 'error' ? 'notice-error' : 'notice-ok'}`;
    message.hidden = false;
    message.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const errorSlot = (path: string): HTMLElement | null => {
    for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const el = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(p)}"]`);
      if (el) return el;
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
        const input = form.querySelector(`[name="${CSS.escape(issue.path)}"]`);
        input?.setAttribute('aria-invalid', 'true');
      } else unplaced.push(`${issue.field}: ${issue.message}`);
    }
    showMessage(e.message || String(err), 'error', unplaced);
  };

  // ---- form <-> JSON ----
  const field = (name: string) =>
    form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`);
  const value = (name: string) => (field(name)?.value ?? '').trim();
  const collect = () => {
    const space: Record<string, unknown> = {};
    const rep: Record<string, unknown> = {};
    for (const name of [
      'nameVi',
      'nameEn',
      'ownership',
      'spaceType',
      'street',
      'wardCode',
      'website',
      'description',
      'registrationNumber',
    ]) {
      const v = value(`space.${name}`);
      if (v) space[name] = v;
    }
    for (const name of ['foundedYear', 'floorAreaM2']) {
      const v = value(`space.${name}`);
      if (v) space[name] = Number(v);
    }
    const fields = Array.from(
      form.querySelectorAll<HTMLInputElement>('[name="space.creativeFields"]:checked'),
    ).map((c) => c.value);
    if (fields.length) space.creativeFields = fields;
    const links = value('space.socialLinks')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (links.length) space.socialLinks = links;
    space.nameVi = value('space.nameVi');
    for (const name of ['fullName', 'position', 'phone']) {
      const v = value(`representative.${name}`);
      if (v) rep[name] = v;
    }
    rep.email = value('representative.email');
    const consent = (field('consent') as HTMLInputElement).checked;
    return { space, representative: rep, consent };
  };
  const wardSearch = form.querySelector<HTMLInputElement>('.ward-search')!;
  const fill = (f: {
    space?: Record<string, unknown>;
    representative?: Record<string, unknown>;
    consent?: boolean;
  }) => {
    const set = (name: string, v: unknown) => {
      const el = field(name);
      if (el && v !== undefined && v !== null) el.value = String(v);
    };
    const s = f.space || {};
    for (const [k, v] of Object.entries(s)) {
      if (k === 'creativeFields' && Array.isArray(v)) {
        for (const c of Array.from(form.querySelectorAll<HTMLInputElement>('[name="space.creativeFields"]')))
          c.checked = v.includes(c.value);
      } else if (k === 'socialLinks' && Array.isArray(v)) set('space.socialLinks', v.join('\n'));
      else set(`space.${k}`, v);
    }
    if (typeof s.wardCode === 'string') {
      fetch(`/api/wards?q=${encodeURIComponent(String(s.wardCode))}`)
        .then((r) => r.json())
        .then((j: { wards?: { code: string; name: string }[] }) => {
          const w = (j.wards || []).find((x) => x.code === s.wardCode);
          if (w) wardSearch.value = w.name;
        })
        .catch(() => undefined);
    }
    for (const [k, v] of Object.entries(f.representative || {})) set(`representative.${k}`, v);
    (field('consent') as HTMLInputElement).checked = f.consent === true;
  };

  // ---- ward picker ----
  const suggestions = document.getElementById('ward-suggestions') as HTMLElement;
  const wardCode = field('space.wardCode') as HTMLInputElement;
  let wardTimer: ReturnType<typeof setTimeout> | undefined;
  let wardSeq = 0;
  const closeSuggestions = () => {
    suggestions.hidden = true;
    wardSearch.setAttribute('aria-expanded', 'false');
  };
  wardSearch.addEventListener('input', () => {
    wardCode.value = '';
    clearTimeout(wardTimer);
    const q = wardSearch.value.trim();
    if (q.length < 2) return closeSuggestions();
    wardTimer = setTimeout(async () => {
      const seq = ++wardSeq;
      const res = await fetch(`/api/wards?q=${encodeURIComponent(q)}`).catch(() => undefined);
      const j = res?.ok ? ((await res.json()) as { wards: { code: string; name: string }[] }) : { wards: [] };
      if (seq !== wardSeq) return;
      suggestions.textContent = '';
      for (const w of j.wards) {
        const li = document.createElement('div');
        li.setAttribute('role', 'option');
        li.tabIndex = -1;
        li.textContent = w.name;
        li.dataset.code = w.code;
        const pick = (ev: Event) => {
          ev.preventDefault();
          wardSearch.value = w.name;
          wardCode.value = w.code;
          closeSuggestions();
        };
        li.addEventListener('mousedown', pick);
        li.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter') pick(ev);
        });
        suggestions.appendChild(li);
      }
      if (!j.wards.length) {
        const li = document.createElement('div');
        li.className = 'empty';
        li.textContent = tr('Không tìm thấy phường/xã', 'No ward found');
        suggestions.appendChild(li);
      }
      suggestions.hidden = false;
      wardSearch.setAttribute('aria-expanded', 'true');
    }, 200);
  });
  wardSearch.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      (suggestions.querySelector('[data-code]') as HTMLElement | null)?.focus();
      ev.preventDefault();
    } else if (ev.key === 'Escape') closeSuggestions();
  });
  wardSearch.addEventListener('blur', () =>
    setTimeout(() => {
      if (!suggestions.contains(document.activeElement)) closeSuggestions();
    }, 150),
  );

  // ---- draft save ----
  let saving: Promise<void> | undefined;
  const saveDraft = (): Promise<void> => {
    saving = (async () => {
      const body = collect();
      if (access) {
        await api('PUT', `/api/applications/${access.id}`, body);
      } else {
        let key = sessionStorage.getItem(`${STORE}.key`);
        if (!key) {
          key = crypto.randomUUID();
          sessionStorage.setItem(`${STORE}.key`, key);
        }
        const created = (await api('POST', '/api/applications', body, {
          'idempotency-key': key,
        })) as unknown as Access;
        saveAccess({ id: created.id, editToken: created.editToken });
        sessionStorage.removeItem(`${STORE}.key`);
      }
    })();
    const p = saving;
    return p.finally(() => {
      if (saving === p) saving = undefined;
    });
  };

  // ---- documents ----
  const slots = new Map(data.checklist.map((s) => [s.slot, s]));
  const pending = new Set<Promise<unknown>>();
  const fmtSize = (n: number) =>
    n < 1048576 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1048576).toFixed(1)} MB`;
  const typeOf = (file: File): string | undefined => {
    const byMime: Record<string, string> = {
      'application/pdf': 'pdf',
      'image/jpeg': 'jpeg',
      'image/png': 'png',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
    };
    if (byMime[file.type]) return byMime[file.type];
    const ext = file.name.toLowerCase().split('.').pop();
    return ext === 'jpg' ? 'jpeg' : ext && ['pdf', 'jpeg', 'png', 'docx'].includes(ext) ? ext : undefined;
  };
  const mimeOf: Record<string, string> = {
    pdf: 'application/pdf',
    jpeg: 'image/jpeg',
    png: 'image/png',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  const listOf = (slot: string) =>
    form.querySelector<HTMLUListElement>(`[data-files-for="${CSS.escape(slot)}"]`)!;
  const countIn = (slot: string) => listOf(slot).querySelectorAll('li:not(.failed-check)').length;

  const button = (label: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link-button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  };

  /** One row of a slot's file list: name, size, progress, and the actions that fit its state. */
  const fileRow = (slot: Slot, name: string, size: number) => {
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
    listOf(slot.slot).appendChild(li);
    return { li, progress, state, actions };
  };

  const uploaded = (row: ReturnType<typeof fileRow>, slot: Slot, fileId: string) => {
    row.li.dataset.fileId = fileId;
    row.li.className = 'file done';
    row.progress.value = 100;
    row.state.textContent = tr('Đã tải lên', 'Uploaded');
    row.actions.textContent = '';
    row.actions.append(
      button(tr('Xoá', 'Remove'), () => void removeFile(row, fileId)),
      button(tr('Thay tệp', 'Replace'), () => {
        const picker = document.createElement('input');
        picker.type = 'file';
        picker.accept = (
          form.querySelector(`input[type=file][data-slot="${CSS.escape(slot.slot)}"]`) as HTMLInputElement
        ).accept;
        picker.addEventListener('change', async () => {
          const f = picker.files?.[0];
          if (!f || !checkFile(slot, f, 1)) return;
          if (await removeFile(row, fileId)) track(uploadFile(slot, f));
        });
        picker.click();
      }),
    );
  };

  const removeFile = async (row: ReturnType<typeof fileRow>, fileId: string): Promise<boolean> => {
    row.state.textContent = tr('Đang xoá…', 'Removing…');
    try {
      await api('DELETE', `/api/applications/${access!.id}/documents/${encodeURIComponent(fileId)}`);
      row.li.remove();
      return true;
    } catch (err) {
      row.state.textContent = (err as ApiError).message;
      return false;
    }
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
    const row = fileRow(slot, file.name, file.size);
    row.li.className = 'file uploading';
    row.state.textContent = tr('Đang tải lên…', 'Uploading…');
    let fileId: string | undefined;
    let upload: { url: string; fields: Record<string, string> } | undefined;
    const attempt = async (): Promise<void> => {
      row.li.className = 'file uploading';
      row.actions.textContent = '';
      row.state.textContent = tr('Đang tải lên…', 'Uploading…');
      try {
        if (!upload) {
          const type = typeOf(file)!;
          const res = (await api('POST', `/api/applications/${access!.id}/uploads`, {
            slot: slot.slot,
            fileName: file.name,
            contentType: mimeOf[type],
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
          // Refused by the server (type, size, count): retrying the same file will not help.
          row.state.textContent = apiErr.issues.map((i) => i.message).join(' ') || apiErr.message;
          row.actions.append(button(tr('Bỏ', 'Dismiss'), () => row.li.remove()));
          return;
        }
        row.state.textContent = tr('Tải lên không thành công.', 'Upload failed.');
        row.actions.append(
          button(tr('Thử lại', 'Retry'), () => track(attempt())),
          button(tr('Bỏ', 'Dismiss'), () => {
            if (fileId) void removeFile(row, fileId);
            else row.li.remove();
          }),
        );
      }
    };
    await attempt();
  };

  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const checkFile = (slot: Slot, file: File, adding: number): boolean => {
    const errEl = errorSlot(`documents.${slot.slot}`)!;
    const type = typeOf(file);
    if (!type || !slot.types.includes(type)) {
      errEl.textContent = tr(
        `“${file.name}”: loại tệp không được chấp nhận (chấp nhận: ${slot.types.join(', ').toUpperCase()}).`,
        `“${file.name}”: this file type is not accepted (accepted: ${slot.types.join(', ').toUpperCase()}).`,
      );
      return false;
    }
    if (file.size > slot.maxBytes) {
      errEl.textContent = tr(
        `“${file.name}” quá lớn (${fmtSize(file.size)}); tối đa ${fmtSize(slot.maxBytes)}.`,
        `“${file.name}” is too large (${fmtSize(file.size)}); at most ${fmtSize(slot.maxBytes)}.`,
      );
      return false;
    }
    if (file.size === 0) {
      errEl.textContent = tr(`“${file.name}” là tệp rỗng.`, `“${file.name}” is empty.`);
      return false;
    }
    if (countIn(slot.slot) + adding > slot.maxFiles) {
      errEl.textContent = tr(
        `Mục này nhận tối đa ${slot.maxFiles} tệp; hãy xoá bớt trước khi thêm.`,
        `This item takes at most ${slot.maxFiles} files; remove one first.`,
      );
      return false;
    }
    return true;
  };

  for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=file][data-slot]'))) {
    const slot = slots.get(input.dataset.slot || '');
    if (!slot) continue;
    input.addEventListener('change', async () => {
      const files = Array.from(input.files || []);
      input.value = '';
      const errEl = errorSlot(`documents.${slot.slot}`)!;
      errEl.textContent = '';
      if (!files.length) return;
      if (!value('space.nameVi') || !value('representative.email')) {
        errEl.textContent = tr(
          'Hãy điền tên không gian và email người đại diện trước khi tải tệp (để lưu hồ sơ nháp).',
          'Fill in the space name and the representative’s email before uploading (the draft is saved first).',
        );
        return;
      }
      let accepted = 0;
      const ok: File[] = [];
      for (const f of files) {
        if (checkFile(slot, f, accepted + 1)) {
          ok.push(f);
          accepted++;
        }
      }
      if (!ok.length) return;
      const job = (async () => {
        try {
          if (!access) await (saving ?? saveDraft());
          else if (saving) await saving;
        } catch (err) {
          clearErrors();
          showError(err);
          return;
        }
        await Promise.all(ok.map((f) => uploadFile(slot, f)));
      })();
      track(job);
    });
  }

  // ---- buttons ----
  const saveBtn = document.getElementById('save-draft') as HTMLButtonElement;
  const submitBtn = document.getElementById('submit-dossier') as HTMLButtonElement;
  const busy = (on: boolean) => {
    saveBtn.disabled = on;
    submitBtn.disabled = on;
  };
  saveBtn.addEventListener('click', async () => {
    clearErrors();
    busy(true);
    try {
      const isNew = !access;
      await saveDraft();
      showMessage(
        isNew
          ? tr(
              'Đã lưu bản nháp. Đường dẫn để tiếp tục hồ sơ đã được gửi tới email của người đại diện.',
              'Draft saved. A link to continue the application was emailed to the representative.',
            )
          : tr(
              'Đã lưu bản nháp. Bạn có thể tiếp tục bằng đường dẫn đã gửi qua email.',
              'Draft saved. You can continue with the link sent by email.',
            ),
        'ok',
      );
    } catch (err) {
      showError(err);
    } finally {
      busy(false);
    }
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors();
    busy(true);
    try {
      while (pending.size) await Promise.all(Array.from(pending));
      if (form.querySelector('.files li.failed, .files li.uploading')) {
        showMessage(
          tr(
            'Còn tệp chưa tải lên được; hãy thử lại hoặc bỏ tệp đó trước khi nộp.',
            'Some files did not upload; retry or dismiss them before submitting.',
          ),
          'error',
        );
        return;
      }
      await saveDraft();
      const result = (await api('POST', `/api/applications/${access!.id}/submit`)) as unknown as {
        code: string;
      };
      saveAccess(undefined);
      const done = document.getElementById('result') as HTMLElement;
      (done.querySelector('[data-testid="dossier-code"]') as HTMLElement).textContent = result.code;
      form.hidden = true;
      done.hidden = false;
      done.scrollIntoView({ block: 'start' });
    } catch (err) {
      showError(err);
    } finally {
      busy(false);
    }
  });

  // ---- continue a draft after a reload or a resume link ----
  if (access) {
    api('GET', `/api/applications/${access.id}`)
      .then((d) => {
        const draft = d as unknown as {
          status: string;
          code?: string;
          form: Parameters<typeof fill>[0];
          documents: { fileId: string; slot: string; name: string; size: number }[];
        };
        if (draft.status !== 'draft') {
          saveAccess(undefined);
          showMessage(
            tr(
              `Hồ sơ ${draft.code ?? ''} đã được nộp; bạn có thể tra cứu tình trạng hồ sơ.`,
              `Dossier ${draft.code ?? ''} is already submitted; you can check its status.`,
            ),
            'ok',
          );
          return;
        }
        fill(draft.form);
        for (const doc of draft.documents) {
          const slot = slots.get(doc.slot);
          if (slot) uploaded(fileRow(slot, doc.name, doc.size), slot, doc.fileId);
        }
        showMessage(tr('Đã mở lại hồ sơ nháp của bạn.', 'Your draft was reopened.'), 'ok');
      })
      .catch((err) => {
        if ((err as ApiError).status === 403 || (err as ApiError).status === 404) saveAccess(undefined);
        showError(err);
      });
  }
}

/**
 * Browser code of the resume page: the secret stays in the URL fragment until the person clicks, then it
 * is POSTed once and the draft opens on the home page. Same rules as {@link applyScript}.
 */
export function resumeScript(): void {
  const root = document.getElementById('resume');
  if (!root) return;
  const vi = document.documentElement.lang !== 'en';
  const langQuery = vi ? '' : '?lang=en';
  const linkId = root.getAttribute('data-link-id') || '';
  const secret = location.hash.slice(1);
  // Out of the address bar and history: a shared screenshot or a back button does not carry it.
  if (secret) history.replaceState(null, '', location.pathname + location.search);
  const go = document.getElementById('resume-go') as HTMLButtonElement;
  const resend = document.getElementById('resume-resend') as HTMLButtonElement;
  const msg = document.getElementById('resume-message') as HTMLElement;
  const say = (text: string, kind: 'ok' | 'error') => {
    msg.textContent = text;
    msg.className = `notice ${kind === 'ok' ? 'notice-ok' : 'notice-error'}`;
    msg.hidden = false;
  };
  const post = async (body: Record<string, string>) => {
    const res = await fetch(`/api/resume${langQuery}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    return { ok: res.ok, json };
  };
  const failed = (text?: unknown) => {
    say(
      typeof text === 'string'
        ? text
        : vi
          ? 'Đường dẫn không dùng được nữa (đã dùng hoặc đã hết hạn).'
          : 'This link can no longer be used (already used or expired).',
      'error',
    );
    go.hidden = true;
    resend.hidden = false;
  };
  if (!secret) failed(vi ? 'Đường dẫn không đầy đủ.' : 'The link is incomplete.');
  go.addEventListener('click', async () => {
    go.disabled = true;
    try {
      const { ok, json } = await post({ linkId, secret });
      if (!ok || typeof json.id !== 'string' || typeof json.editToken !== 'string')
        return failed(json.message);
      sessionStorage.setItem('hcsn.draft', JSON.stringify({ id: json.id, editToken: json.editToken }));
      location.href = vi ? '/' : '/?lang=en';
    } catch {
      failed(
        vi
          ? 'Không kết nối được máy chủ, vui lòng thử lại.'
          : 'Could not reach the server, please try again.',
      );
      go.hidden = false;
    } finally {
      go.disabled = false;
    }
  });
  resend.addEventListener('click', async () => {
    resend.disabled = true;
    try {
      const { json } = await post({ linkId });
      say(typeof json.message === 'string' ? json.message : vi ? 'Đã gửi yêu cầu.' : 'Request sent.', 'ok');
    } catch {
      say(
        vi
          ? 'Không kết nối được máy chủ, vui lòng thử lại.'
          : 'Could not reach the server, please try again.',
        'error',
      );
      resend.disabled = false;
    }
  });
}
