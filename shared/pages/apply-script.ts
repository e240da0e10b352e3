import type { FieldRule } from '../domain/application-schema.ts';
import type { Access, ApiError, DossierKit, dossierKit, Slot } from './dossier-kit.ts';
import type { emailedLinkPage } from './link-page-kit.ts';

/** One field's check as the page carries it (`formChecks` in home-page.tsx): rule, required mark, words. */
export interface FieldCheck {
  path: string;
  /** The field's control, which the error summary links to. */
  id: string;
  required: boolean | { readonly when: string; readonly in: readonly string[] };
  rule: FieldRule;
  /** What to do when it is empty (when required), and when it is filled in wrongly. */
  missing: string;
  invalid: string;
}
export interface FormProblem {
  path: string;
  id: string;
  kind: 'missing' | 'invalid';
  message: string;
}
/** The application as the page sends it (what `collect` builds). */
export type FormBody = {
  space: Record<string, unknown>;
  representative: Record<string, unknown>;
  consent: boolean;
};

/**
 * The browser's check of the whole application, with the rules and words the page carries (the schema's
 * table, shared/domain/application-schema.ts): every problem at once, each in the words the server's 400
 * uses. Served as source beside {@link applyScript} and run by test/unit/form-check.test.ts against the
 * server's schema, so it must stay one self-contained function.
 */
export function formCheck(checks: readonly FieldCheck[], body: FormBody): FormProblem[] {
  const at = (path: string): unknown =>
    path
      .split('.')
      .reduce<unknown>(
        (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
        body,
      );
  const blank = (v: unknown) =>
    v === undefined ||
    v === null ||
    v === false ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0);
  // As the server stores a line of text: whitespace collapsed, trimmed.
  const line = (v: unknown) => String(v).replace(/\s+/g, ' ').trim();
  const httpUrl = (v: unknown, max: number) => {
    const text = String(v);
    try {
      const u = new URL(text);
      return (u.protocol === 'https:' || u.protocol === 'http:') && text.length <= max;
    } catch {
      return false;
    }
  };
  // normalizeVietnamesePhone (application-schema.ts), step by step.
  const phone = (input: string) => {
    const digits = input.replace(/[\s.\-()]/g, '');
    const national = digits.startsWith('+84')
      ? `0${digits.slice(3)}`
      : digits.startsWith('84') && digits.length === 11
        ? `0${digits.slice(2)}`
        : digits;
    return /^0(3|5|7|8|9)\d{8}$/.test(national) || /^02\d{9}$/.test(national);
  };
  const valid = (rule: FieldRule, v: unknown): boolean => {
    switch (rule.kind) {
      case 'text': {
        const t = line(v);
        return t.length >= rule.min && t.length <= rule.max && t.split(' ').length >= (rule.words ?? 1);
      }
      case 'choice':
        return rule.values.includes(String(v));
      case 'choices':
        return (
          Array.isArray(v) &&
          v.length <= rule.values.length &&
          v.every((x) => rule.values.includes(String(x)))
        );
      case 'year': {
        const n = Number(v);
        return Number.isInteger(n) && n >= rule.min && n <= rule.max;
      }
      case 'number': {
        const n = Number(v);
        return Number.isFinite(n) && n > 0 && n <= rule.max;
      }
      case 'email':
        return String(v).length <= rule.max && new RegExp(rule.pattern).test(String(v));
      case 'phone':
        return phone(String(v));
      case 'url':
        return httpUrl(v, rule.max);
      case 'urls':
        return Array.isArray(v) && v.length <= rule.max && v.every((u) => httpUrl(u, rule.each));
      case 'ward':
        return typeof v === 'string' && v !== '';
      case 'consent':
        return v === true;
    }
  };
  const problems: FormProblem[] = [];
  for (const c of checks) {
    const v = at(c.path);
    const needed =
      c.required === true ||
      (typeof c.required === 'object' && c.required.in.includes(String(at(c.required.when) ?? '')));
    if (blank(v)) {
      if (needed) problems.push({ path: c.path, id: c.id, kind: 'missing', message: c.missing });
    } else if (!valid(c.rule, v))
      problems.push({ path: c.path, id: c.id, kind: 'invalid', message: c.invalid });
  }
  return problems;
}

/**
 * Browser code of the home page's application form. Served as `(${applyScript})(dossierKit, formCheck)`:
 * it must stay one self-contained function (no imports, no module values: the shared helpers come in as
 * arguments); user text only ever goes through textContent.
 */
export function applyScript(makeKit: typeof dossierKit, check: typeof formCheck): void {
  const form = document.getElementById('apply-form') as HTMLFormElement | null;
  const dataEl = document.getElementById('round-data');
  if (!form || !dataEl) return;

  const data = JSON.parse(dataEl.textContent || '{}') as {
    lang: 'vi' | 'en';
    deadlineAt: string;
    checklist: Slot[];
    checks: FieldCheck[];
  };
  const STORE = 'hcsn.draft';
  const message = document.getElementById('form-message') as HTMLElement;
  const status = document.getElementById('autosave-status') as HTMLElement;
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
  const collect = (): FormBody => {
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

  // ---- the whole form's check (same rules and words as the server) ----
  /** Every problem of the form, and of its documents (items short of files), in the form's order. */
  const problemsOf = (body: FormBody) => {
    const problems: { path: string; message: string }[] = check(data.checks, body);
    for (const slot of data.checklist) {
      const count = form.querySelectorAll(
        `[data-files-for="${CSS.escape(slot.slot)}"] li.file:not(.failed)`,
      ).length;
      if (count < slot.minFiles && slot.tooFew)
        problems.push({
          path: `documents.${slot.slot}`,
          message: slot.tooFew.replace('{count}', String(count)),
        });
    }
    return problems;
  };

  // ---- saving the draft: one save at a time, by hand or on its own ----
  /** Changes typed since the page opened, and how many of them the server has. */
  let revision = 0;
  let savedRevision = 0;
  const unsaved = () => revision !== savedRevision;
  let queue: Promise<unknown> = Promise.resolve();
  const hhmm = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  const showSaved = (at: string, skipped: string[]) => {
    status.textContent = [w('savedAt', { time: hhmm(at) }), ...skipped].join(' ');
  };
  /**
   * What a draft can keep: the form without the fields filled in wrongly for now (a phone number half
   * typed would refuse the whole draft); those are named in the status instead.
   */
  const draftBody = () => {
    const body = collect();
    const skipped: string[] = [];
    for (const p of check(data.checks, body)) {
      if (p.kind !== 'invalid' || p.path === 'space.nameVi' || p.path === 'representative.email') continue;
      const [group, key] = p.path.split('.') as [keyof FormBody, string];
      if (key && typeof body[group] === 'object') delete (body[group] as Record<string, unknown>)[key];
      skipped.push(w('notSaved', { problem: p.message }));
    }
    return { body, skipped };
  };
  const saveNow = async (): Promise<{ isNew: boolean; skipped: string[] }> => {
    const rev = revision;
    const { body, skipped } = draftBody();
    const access = kit.access();
    let savedAt: string;
    if (access) {
      const saved = (await api('PUT', `/api/applications/${access.id}`, body)) as { updatedAt?: string };
      savedAt = saved.updatedAt ?? new Date().toISOString();
    } else {
      let key = sessionStorage.getItem(`${STORE}.key`);
      if (!key) {
        key = crypto.randomUUID();
        sessionStorage.setItem(`${STORE}.key`, key);
      }
      const created = (await api('POST', '/api/applications', body, {
        'idempotency-key': key,
      })) as unknown as Access & { savedAt?: string };
      kit.saveAccess({ id: created.id, editToken: created.editToken });
      sessionStorage.removeItem(`${STORE}.key`);
      savedAt = created.savedAt ?? new Date().toISOString();
    }
    if (rev > savedRevision) savedRevision = rev;
    showSaved(savedAt, skipped);
    return { isNew: !access, skipped };
  };
  /** Runs after the saves already asked for: one at a time, so a draft is created once, then updated. */
  const inTurn = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  const saveDraft = () => inTurn(saveNow);
  /** The draft the files belong to: created first when there is none yet. */
  const ensureDraft = () => inTurn(async () => (kit.access() ? undefined : saveNow()));

  // The autosave: a moment after the person stops typing. A draft is created once it has the space name
  // and an email the person has finished typing (the resume link goes there), then updated.
  const emailInput = field('representative.email') as HTMLInputElement;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let submitted = false;
  const autosave = async () => {
    clearTimeout(timer);
    if (submitted || !unsaved()) return;
    if (!kit.access()) {
      const { body } = draftBody();
      const ready = !check(data.checks, body).some(
        (p) => p.path === 'space.nameVi' || p.path === 'representative.email',
      );
      if (!ready || document.activeElement === emailInput) {
        status.textContent = w('autosaveWaits');
        return;
      }
    }
    status.textContent = w('saving');
    try {
      await saveDraft();
    } catch (err) {
      const e = err as ApiError;
      const why = e.issues?.length ? e.issues.map((i) => i.message).join(' ') : e.message;
      status.textContent = w('notSavedYet', { why });
      if (e.status === 429 && e.retryAfter) timer = setTimeout(autosave, e.retryAfter * 1000);
    }
  };
  const changed = (ev: Event) => {
    const target = ev.target as HTMLInputElement;
    if (submitted || target.type === 'file') return;
    revision++;
    clearTimeout(timer);
    timer = setTimeout(autosave, 1200);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  emailInput.addEventListener('blur', () => {
    if (unsaved()) {
      clearTimeout(timer);
      timer = setTimeout(autosave, 300);
    }
  });
  // Leaving with changes the server does not have yet asks first; a hidden tab saves what it can.
  window.addEventListener('beforeunload', (ev) => {
    if (submitted || !unsaved()) return;
    ev.preventDefault();
    // Older browsers ask only when a return value is set.
    ev.returnValue = true;
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void autosave();
  });

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
      input.removeAttribute('aria-invalid');
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
          await ensureDraft();
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
      const { isNew, skipped } = await saveDraft();
      showMessage(isNew ? w('draftSavedNew') : w('draftSaved'), 'ok', skipped);
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
    // One wave: everything the page can tell before sending, all at once, in the server's words.
    const problems = problemsOf(collect());
    if (problems.length) {
      kit.showProblems(w('problemsTitle', { count: problems.length }), problems);
      void autosave();
      return;
    }
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
      submitted = true;
      status.textContent = '';
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
          updatedAt?: string;
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
        if (draft.updatedAt) showSaved(draft.updatedAt, []);
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
