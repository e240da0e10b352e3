import type { Access, ApiError, DossierKit, dossierKit, Slot } from './dossier-kit.ts';
import type { emailedLinkPage } from './link-page-kit.ts';

/**
 * Browser code of the home page's application form. Served as `(${applyScript})(dossierKit)`: it must stay
 * one self-contained function (no imports, no module values: the shared helpers come in as `makeKit`);
 * user text only ever goes through textContent.
 */
export function applyScript(makeKit: typeof dossierKit): void {
  const form = document.getElementById('apply-form') as HTMLFormElement | null;
  const dataEl = document.getElementById('round-data');
  if (!form || !dataEl) return;

  const data = JSON.parse(dataEl.textContent || '{}') as {
    lang: 'vi' | 'en';
    deadlineAt: string;
    checklist: Slot[];
  };
  const STORE = 'hcsn.draft';
  const message = document.getElementById('form-message') as HTMLElement;
  const kit: DossierKit = makeKit({ form, message, storeKey: STORE, replace: true });
  const { w, api, clearErrors, showError, track } = kit;

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
          ? w('countdownOver')
          : `${days} ${w(days === 1 ? 'day' : 'days')} ${pad(Math.floor((s % 86400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
    };
    tick();
    setInterval(tick, 1000);
  }

  // ---- messages ----
  const showMessage = (text: string, kind: 'error' | 'ok', extra: string[] = []) => {
    kit.say(message, text, kind, extra);
    message.scrollIntoView({ block: 'center', behavior: 'smooth' });
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
  const wards = kit.wardPicker()!;
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
    if (typeof s.wardCode === 'string') wards.show(s.wardCode);
    for (const [k, v] of Object.entries(f.representative || {})) set(`representative.${k}`, v);
    (field('consent') as HTMLInputElement).checked = f.consent === true;
  };

  // ---- draft save ----
  let saving: Promise<void> | undefined;
  const saveDraft = (): Promise<void> => {
    saving = (async () => {
      const body = collect();
      const access = kit.access();
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
        kit.saveAccess({ id: created.id, editToken: created.editToken });
        sessionStorage.removeItem(`${STORE}.key`);
      }
    })();
    const p = saving;
    return p.finally(() => {
      if (saving === p) saving = undefined;
    });
  };

  // ---- documents ----
  const slots = new Map<string, Slot>(data.checklist.map((s) => [s.slot, s]));

  for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=file][data-slot]'))) {
    const slot = slots.get(input.dataset.slot || '');
    if (!slot) continue;
    input.addEventListener('change', async () => {
      const files = Array.from(input.files || []);
      input.value = '';
      const errEl = kit.errorSlot(`documents.${slot.slot}`)!;
      errEl.textContent = '';
      if (!files.length) return;
      if (!value('space.nameVi') || !value('representative.email')) {
        errEl.textContent = w('draftFirst');
        return;
      }
      const ok: File[] = [];
      const problems: string[] = [];
      for (const f of files) {
        const problem = kit.checkFile(slot, f, ok.length + 1);
        if (problem) problems.push(problem);
        else ok.push(f);
      }
      errEl.textContent = problems.join(' ');
      if (!ok.length) return;
      const job = (async () => {
        try {
          if (!kit.access()) await (saving ?? saveDraft());
          else if (saving) await saving;
        } catch (err) {
          clearErrors();
          showError(err);
          return;
        }
        await Promise.all(ok.map((f) => kit.uploadFile(slot, f)));
      })();
      track(job);
    });
  }

  // ---- buttons ----
  const saveBtn = document.getElementById('save-draft') as HTMLButtonElement;
  const submitBtn = document.getElementById('submit-dossier') as HTMLButtonElement;
  /** Until then the server refuses new drafts from here (429): the buttons wait too. */
  let limitedUntil = 0;
  const busy = (on: boolean) => {
    const wait = on || Date.now() < limitedUntil;
    saveBtn.disabled = wait;
    submitBtn.disabled = wait;
  };
  /**
   * Past a rate limit (429), whose message (shown by showError) says when to try again: both buttons wait
   * until then; a wait of two minutes or less ends by trying again on its own.
   */
  const afterRateLimit = (err: unknown, again: () => void) => {
    const e = err as ApiError;
    if (e.status !== 429) return;
    const seconds = e.retryAfter ?? 60;
    limitedUntil = Date.now() + seconds * 1000;
    setTimeout(() => {
      limitedUntil = 0;
      busy(false);
      if (seconds <= 120) again();
    }, seconds * 1000);
  };
  saveBtn.addEventListener('click', async () => {
    clearErrors();
    busy(true);
    try {
      const isNew = !kit.access();
      await saveDraft();
      showMessage(isNew ? w('draftSavedNew') : w('draftSaved'), 'ok');
    } catch (err) {
      showError(err);
      afterRateLimit(err, () => saveBtn.click());
    } finally {
      busy(false);
    }
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors();
    busy(true);
    try {
      await kit.settle();
      if (kit.unfinishedUploads()) {
        showMessage(w('unfinishedBeforeSubmit'), 'error');
        return;
      }
      await saveDraft();
      const result = (await api('POST', `/api/applications/${kit.access()!.id}/submit`)) as unknown as {
        code: string;
      };
      kit.saveAccess(undefined);
      const done = document.getElementById('result') as HTMLElement;
      (done.querySelector('[data-testid="dossier-code"]') as HTMLElement).textContent = result.code;
      form.hidden = true;
      done.hidden = false;
      done.scrollIntoView({ block: 'start' });
    } catch (err) {
      showError(err);
      afterRateLimit(err, () => form.requestSubmit());
    } finally {
      busy(false);
    }
  });

  // ---- continue a draft after a reload or a resume link ----
  const kept = kit.access();
  if (kept) {
    api('GET', `/api/applications/${kept.id}`)
      .then((d) => {
        const draft = d as unknown as {
          status: string;
          code?: string;
          form: Parameters<typeof fill>[0];
          documents: { fileId: string; slot: string; name: string; size: number }[];
        };
        if (draft.status !== 'draft') {
          kit.saveAccess(undefined);
          showMessage(w('alreadySubmitted', { code: draft.code ?? '' }), 'ok');
          return;
        }
        fill(draft.form);
        for (const doc of draft.documents) {
          const slot = slots.get(doc.slot);
          if (slot) kit.uploaded(kit.fileRow(slot.slot, doc.name, doc.size), slot, doc.fileId);
        }
        showMessage(w('draftReopened'), 'ok');
      })
      .catch((err) => {
        if ((err as ApiError).status === 403 || (err as ApiError).status === 404) kit.saveAccess(undefined);
        showError(err);
      });
  }
}

/**
 * Browser code of the resume page: the secret stays in the URL fragment until the person clicks, then it
 * is POSTed once and the draft opens on the home page. Same rules as {@link applyScript}.
 */
export function resumeScript(linkPage: typeof emailedLinkPage): void {
  const root = document.getElementById('resume');
  if (!root) return;
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
  const page = linkPage({
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
      page.say(typeof json.message === 'string' ? json.message : page.w('requestSent'), ok ? 'ok' : 'error');
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
