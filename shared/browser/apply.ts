import { formatIct } from '../domain/time.ts';
import { type Access, type ApiError, dossierKit, type Slot } from './dossier-kit.ts';
import { type FieldCheck, type FormBody, formCheck } from './form-check.ts';
import { FORM_PATHS, readField, writeField } from './form-values.ts';
import { pageData } from './words.ts';

/** What the home page gives its form (`roundData` in home-page.tsx). */
interface RoundData {
  lang: 'vi' | 'en';
  deadlineAt: string;
  checklist: Slot[];
  checks: FieldCheck[];
}

/**
 * The home page's application form: the deadline's countdown, the one check of the whole form (the
 * server's rules and words), the draft saved by itself, uploads, submission, and a draft reopened after a
 * reload or a resume link. User text only ever goes through textContent.
 */
function applicationForm(form: HTMLFormElement, data: RoundData): void {
  const STORE = 'hcsn.draft';
  const message = document.getElementById('form-message') as HTMLElement;
  const status = document.getElementById('autosave-status') as HTMLElement;
  const kit = dossierKit({ form, message, storeKey: STORE, replace: true });
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

  // ---- form <-> JSON, field by field from the schema's table ----
  const field = (name: string) =>
    form.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`[name="${name}"]`);
  const value = (name: string) => (field(name)?.value ?? '').trim();
  /** The application as the API takes it: the fields filled in (the space name and email always). */
  const collect = (): FormBody => {
    const body: FormBody = { space: { nameVi: '' }, representative: { email: '' }, consent: false };
    for (const path of FORM_PATHS) {
      const v = readField(form, path);
      if (path === 'consent') body.consent = v === true;
      else if (v !== undefined && !(Array.isArray(v) && !v.length)) {
        const [group, key] = path.split('.') as ['space' | 'representative', string];
        body[group][key] = v;
      }
    }
    return body;
  };
  const wards = kit.wardPicker()!;
  const fill = (f: {
    space?: Record<string, unknown>;
    representative?: Record<string, unknown>;
    consent?: boolean;
  }) => {
    for (const path of FORM_PATHS) {
      const [group, key] = path.split('.') as ['space' | 'representative', string];
      const v = path === 'consent' ? f.consent : f[group]?.[key];
      if (path === 'space.wardCode') wards.show(typeof v === 'string' ? v : '');
      else writeField(form, path, v);
    }
  };

  // ---- the whole form's check (same rules and words as the server) ----
  /** Every problem of the form, and of its documents (items short of files), in the form's order. */
  const problemsOf = (body: FormBody) => {
    const problems: { path: string; message: string }[] = formCheck(data.checks, body);
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
  const showSaved = (at: string, skipped: string[]) => {
    status.textContent = [w('savedAt', { time: formatIct(at).slice(-5) }), ...skipped].join(' ');
  };
  /**
   * What a draft can keep: the form without the fields filled in wrongly for now (a phone number half
   * typed would refuse the whole draft); those are named in the status instead.
   */
  const draftBody = () => {
    const body = collect();
    const skipped: string[] = [];
    for (const p of formCheck(data.checks, body)) {
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
      const ready = !formCheck(data.checks, body).some(
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

const form = document.getElementById('apply-form') as HTMLFormElement | null;
const data = pageData<RoundData>('round-data');
if (form && data) applicationForm(form, data);
