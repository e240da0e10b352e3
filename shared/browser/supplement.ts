import { formatIct } from '../domain/time.ts';
import { type ApiError, dossierKit, type Slot } from './dossier-kit.ts';
import { readField, writeField } from './form-values.ts';
import { langQuery, pageData, w } from './words.ts';

/** What the supplement page gives its form (`supplementData` in supplement-page.tsx). */
interface SupplementData {
  lang: 'vi' | 'en';
  checklist: Slot[];
  labels: Record<string, string>;
}

// ---- "Gửi lại đường dẫn mới": a new link by email (this page after a refusal, and /status) ----
const resendBtn = document.getElementById('supplement-resend') as HTMLButtonElement | null;
const resendMessage = document.getElementById('supplement-resend-message');
if (resendBtn && resendMessage) {
  const tell = (text: string, kind: 'ok' | 'error') => {
    resendMessage.textContent = text;
    resendMessage.className = `notice ${kind === 'ok' ? 'notice-ok' : 'notice-error'}`;
    resendMessage.hidden = false;
  };
  resendBtn.addEventListener('click', async () => {
    const d = resendBtn.dataset;
    // The link's id on the supplement page; the dossier's code and email on the status page.
    const body = d.code ? { code: d.code, email: d.email } : { linkId: d.linkId };
    resendBtn.disabled = true;
    try {
      const res = await fetch(`/api/supplement${langQuery()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json().catch(() => ({}))) as { message?: unknown };
      const text = typeof json.message === 'string' ? json.message : w('genericError');
      tell(text, res.ok ? 'ok' : 'error');
      // Sent: one press is enough (a second would only count against the limit).
      if (res.ok) resendBtn.hidden = true;
    } catch {
      tell(w('offline'), 'error');
    } finally {
      resendBtn.disabled = false;
    }
  });
}

/**
 * The supplement page (bổ sung hồ sơ): opens the request with the emailed link, shows what was asked,
 * takes the requested fields and files, and sends the supplement. User text only goes through textContent.
 */
function supplementForm(
  root: HTMLElement,
  form: HTMLFormElement,
  data: SupplementData,
  resendBtn: HTMLButtonElement | null,
): void {
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
  const linkId = root.getAttribute('data-link-id') || '';
  const slots = new Map<string, Slot>(data.checklist.map((s) => [s.slot, s]));

  const secret = location.hash.slice(1);
  // Out of the address bar and history: a shared screenshot or a back button does not carry it.
  if (secret) history.replaceState(null, '', location.pathname + location.search);

  const openBtn = document.getElementById('supplement-open') as HTMLButtonElement;
  const sendBtn = document.getElementById('supplement-send') as HTMLButtonElement;
  const topMessage = document.getElementById('supplement-message') as HTMLElement;
  const formMessage = document.getElementById('supplement-form-message') as HTMLElement;
  const requestEl = document.getElementById('supplement-request') as HTMLElement;
  const resultEl = document.getElementById('supplement-result') as HTMLElement;

  // The access is kept per tab, so a reload needs no button; the emailed link opens it again anywhere
  // until the supplement is sent or due. Files can be replaced, not only removed.
  const kit = dossierKit({
    form,
    message: formMessage,
    storeKey: `hcsn.supplement.${linkId}`,
    replace: true,
  });
  const { api, say, clearErrors, showError, saveAccess } = kit;

  /**
   * The link or the token no longer opens anything: say so plainly. A new link by email is offered when
   * the server says one can help (a used or expired link of a dossier still waiting for its supplement).
   */
  const closed = (text: string, resend = false) => {
    saveAccess(undefined);
    say(topMessage, text, 'error');
    root.hidden = false;
    openBtn.hidden = true;
    if (resendBtn) resendBtn.hidden = !resend;
    requestEl.hidden = true;
    form.hidden = true;
  };

  // ---- the requested fields ----
  let dossier: DossierView | undefined;
  let items: string[] = [];
  const fieldItems = () => items.filter((i) => !i.startsWith('documents.'));
  const read = (path: string): unknown => {
    const [group, key] = path.split('.') as [string, string];
    return (dossier?.form as unknown as Record<string, Group | undefined> | undefined)?.[group]?.[key];
  };
  const wards = kit.wardPicker();
  const fill = (path: string) => {
    const value = read(path);
    if (path === 'space.wardCode' && wards) wards.show(typeof value === 'string' ? value : '');
    else writeField(form, path, value);
  };
  const collect = (path: string): unknown => readField(form, path);
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
        const problem = kit.checkFile(slot, f, accepted + 1);
        if (problem) problems.push(problem);
        else {
          accepted++;
          kit.track(kit.uploadFile(slot, f));
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
    due.textContent = formatIct(s.dueAt);
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
      const slot = slots.get(doc.slot);
      if (slot && items.includes(`documents.${doc.slot}`))
        kit.uploaded(kit.fileRow(doc.slot, doc.name, doc.size), slot, doc.fileId);
    }
    root.hidden = true;
    requestEl.hidden = false;
    form.hidden = false;
  };

  const load = async () => {
    try {
      const d = (await api('GET', `/api/applications/${kit.access()!.id}`)) as unknown as DossierView;
      if (d.status !== 'supplement_requested' || !d.supplement) {
        saveAccess(undefined);
        root.hidden = false;
        openBtn.hidden = true;
        say(topMessage, w('supplementClosed', { code: d.code ?? '' }), 'ok');
        return;
      }
      show(d);
    } catch (err) {
      const e = err as ApiError;
      // A token replaced meanwhile (opened from a newer link): this tab's link, if here, opens it again.
      if ((e.status === 403 || e.status === 404) && secret) {
        saveAccess(undefined);
        root.hidden = false;
        openBtn.hidden = false;
      } else if (e.status === 403 || e.status === 404) closed(e.message);
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
      const res = await fetch(`/api/supplement${langQuery()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ linkId, secret }),
      }).catch(() => undefined);
      if (!res) {
        say(topMessage, kit.networkError().message, 'error');
        return;
      }
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok || typeof json.id !== 'string' || typeof json.editToken !== 'string') {
        closed(typeof json.message === 'string' ? json.message : w('linkSpent'), json.resend === true);
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
      await kit.settle();
      if (kit.unfinishedUploads()) {
        say(formMessage, w('unfinishedBeforeSend'), 'error');
        return;
      }
      const id = kit.access()!.id;
      if (fieldItems().length) await api('PUT', `/api/applications/${id}`, formBody());
      const result = (await api('POST', `/api/applications/${id}/resubmit`)) as { code?: string };
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
  if (kit.access()) {
    root.hidden = true;
    void load();
  } else if (!secret) {
    closed(w('supplementLinkIncomplete'), true);
  }
}

const root = document.getElementById('supplement');
const form = document.getElementById('supplement-form') as HTMLFormElement | null;
const data = pageData<SupplementData>('supplement-data');
if (root && form && data) supplementForm(root, form, data, resendBtn);
