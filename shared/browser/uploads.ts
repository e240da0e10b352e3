import { type ApiError, isApiError, type Slot } from './types.ts';
import { w } from './words.ts';

/** Tries of one upload before the row asks the person (each with a fresh presigned POST). */
export const UPLOAD_TRIES = 3;
/** Waits before the 2nd, 3rd… try: a dropped phone connection often comes back within seconds. */
const BACKOFF_MS = [1000, 3000, 6000];

type Api = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;
export interface PresignedPost {
  url: string;
  fields: Record<string, string>;
}

const fmtSize = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
const MIME_OF: Record<string, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const typeOf = (file: File): string | undefined => {
  const byMime = Object.keys(MIME_OF).find((t) => MIME_OF[t] === file.type);
  if (byMime) return byMime;
  const ext = file.name.toLowerCase().split('.').pop();
  return ext === 'jpg' ? 'jpeg' : ext && ext in MIME_OF ? ext : undefined;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a file straight to storage with a presigned POST, reporting progress; rejects with the HTTP status
 * (0 when the network failed: offline, reset, or a storage host that did not answer).
 */
export const postToStorage = (upload: PresignedPost, file: File, progress: HTMLProgressElement) =>
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
 * A refusal of the dossier's API (type, size, count, due date, a replaced token): trying the same file
 * again will not help. Anything else — the network, storage's own answer (403 once the presigned POST has
 * expired), a server error — may pass on the next try.
 */
const refused = (err: unknown): err is ApiError => isApiError(err) && err.status >= 400 && err.status < 500;

/**
 * The document lists of a dossier form: each file a row with its name, a named progress bar, its state
 * and buttons that name it; uploads go straight to storage and retry on their own, each try with a fresh
 * presigned POST; results are announced in the form's live region (`[data-upload-status]`).
 */
export function makeUploads(deps: {
  form: HTMLFormElement;
  api: Api;
  dossierId: () => string;
  errorSlot: (path: string) => HTMLElement | null;
  track: (p: Promise<unknown>) => void;
  /** Uploaded files get a "Replace" button as well as "Remove". */
  replace: boolean;
}) {
  const { form, api, track } = deps;
  const documentsUrl = (rest: string) => `/api/applications/${deps.dossierId()}/${rest}`;
  const liveRegion = form.querySelector<HTMLElement>('[data-upload-status]');
  /** Says an upload's result to screen readers (and shows it under the documents). */
  const announce = (text: string) => {
    if (liveRegion) liveRegion.textContent = text;
  };

  const listOf = (slot: string) =>
    form.querySelector<HTMLUListElement>(`[data-files-for="${CSS.escape(slot)}"]`)!;
  const countIn = (slot: string) => listOf(slot).querySelectorAll('li.file:not(.failed)').length;
  /** A button whose visible word (`Xoá`) is the start of its name (`Xoá tệp giayphep.pdf`). */
  const fileButton = (label: string, name: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'link-button';
    b.textContent = label;
    b.setAttribute('aria-label', name);
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
    progress.setAttribute('aria-label', w('progressOf', { name }));
    const state = document.createElement('span');
    state.className = 'file-state';
    const actions = document.createElement('span');
    actions.className = 'file-actions';
    li.append(label, progress, state, actions);
    listOf(slot).appendChild(li);
    return { li, name, progress, state, actions };
  };
  type Row = ReturnType<typeof fileRow>;

  /** Takes a registered file off the dossier; one already gone (404) is fine. */
  const forget = async (fileId: string) => {
    try {
      await api('DELETE', documentsUrl(`documents/${encodeURIComponent(fileId)}`));
    } catch (err) {
      if (!(isApiError(err) && err.status === 404)) throw err;
    }
  };
  const removeFile = async (row: Row, fileId: string): Promise<boolean> => {
    row.state.textContent = w('removing');
    try {
      await forget(fileId);
      row.li.remove();
      announce(w('removedFile', { name: row.name }));
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

  /** A row whose file is stored: "Remove" (and "Replace" where the page offers it), each naming the file. */
  const uploaded = (row: Row, slot: Slot, fileId: string) => {
    row.li.dataset.fileId = fileId;
    row.li.className = 'file done';
    row.progress.value = 100;
    row.state.textContent = w('uploaded');
    row.actions.textContent = '';
    row.actions.append(
      fileButton(w('remove'), w('removeFile', { name: row.name }), () => track(removeFile(row, fileId))),
    );
    if (!deps.replace) return;
    row.actions.append(
      fileButton(w('replace'), w('replaceFile', { name: row.name }), () => {
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
            const errEl = deps.errorSlot(`documents.${slot.slot}`);
            if (errEl) errEl.textContent = problem;
            return;
          }
          if (await removeFile(row, fileId)) track(uploadFile(slot, f));
        });
        picker.click();
      }),
    );
  };

  /**
   * Uploads a file into a slot: asks the server for a presigned POST and sends the file straight to
   * storage with progress. A failed try (network, an expired POST, a server error) is tried again after a
   * pause with a fresh presigned POST, the file the failed try registered taken off first so it is not
   * counted twice; after {@link UPLOAD_TRIES} tries the row says so and offers "Retry" (the same again)
   * and "Dismiss". A refusal (type, size, count, due date) only offers "Dismiss".
   */
  const uploadFile = async (slot: Slot, file: File) => {
    const row = fileRow(slot.slot, file.name, file.size);
    let fileId: string | undefined;
    const dismiss = () =>
      fileButton(w('dismiss'), w('dismissFile', { name: row.name }), () => {
        if (fileId) track(removeFile(row, fileId));
        else row.li.remove();
      });
    const attempt = async (): Promise<void> => {
      row.li.className = 'file uploading';
      row.actions.textContent = '';
      row.state.textContent = w('uploading');
      for (let n = 1; n <= UPLOAD_TRIES; n++) {
        try {
          if (fileId) {
            await forget(fileId);
            fileId = undefined;
          }
          const res = (await api('POST', documentsUrl('uploads'), {
            slot: slot.slot,
            fileName: file.name,
            contentType: MIME_OF[typeOf(file)!],
            size: file.size,
          })) as unknown as { fileId: string; upload: PresignedPost };
          fileId = res.fileId;
          await postToStorage(res.upload, file, row.progress);
          uploaded(row, slot, res.fileId);
          announce(w('uploadedFile', { name: row.name }));
          return;
        } catch (err) {
          if (refused(err)) {
            row.li.className = 'file failed';
            row.progress.value = 0;
            row.state.textContent = err.issues.map((i) => i.message).join(' ') || err.message;
            row.actions.append(dismiss());
            announce(`${w('uploadFailedFile', { name: row.name })} ${row.state.textContent}`);
            return;
          }
          if (n < UPLOAD_TRIES) {
            row.state.textContent = w('uploadRetrying', { attempt: n + 1, tries: UPLOAD_TRIES });
            await sleep(BACKOFF_MS[n - 1] ?? 6000);
          }
        }
      }
      row.li.className = 'file failed';
      row.state.textContent = w('uploadFailed', { tries: UPLOAD_TRIES });
      row.actions.append(
        fileButton(w('retry'), w('retryFile', { name: row.name }), () => track(attempt())),
        dismiss(),
      );
      announce(`${w('uploadFailedFile', { name: row.name })} ${row.state.textContent}`);
    };
    await attempt();
  };

  /** Some file failed or is still uploading: the dossier cannot go yet. */
  const unfinishedUploads = () => !!form.querySelector('.files li.failed, .files li.uploading');

  return { checkFile, fileRow, uploaded, uploadFile, unfinishedUploads };
}
