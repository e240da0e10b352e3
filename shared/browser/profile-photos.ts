import type { PhotoUploadData } from '../pages/directory-pages.tsx';
import { type PresignedPost, postToStorage } from './uploads.ts';
import { pageData } from './words.ts';

/**
 * New photos on the profile's editing page (issue 16): each file goes straight to storage with a presigned
 * POST the directory issues (an image of at most 5 MB, under the member's own upload key, as the intake's
 * uploads), then becomes a ticked choice with its thumbnail. The server checks it again (size, first
 * bytes) when the form is saved; choosing the dossier's images needs no script at all.
 */
const data = pageData<PhotoUploadData>('profile-photos-data');
const picker = document.querySelector<HTMLLabelElement>('[data-photo-upload]');
const list = document.querySelector<HTMLUListElement>('[data-photo-choices]');
const status = document.querySelector<HTMLElement>('[data-photo-status]');

const say = (text: string, name = '') => {
  if (status) status.textContent = text.replace('{name}', name);
};
const IMAGE_TYPES = ['image/jpeg', 'image/png'];
const ticked = () => list?.querySelectorAll('input[type=checkbox]:checked').length ?? 0;

/** A ticked choice for an uploaded photo, its thumbnail the file itself (a `blob:` URL). */
function addChoice(fileId: string, file: File) {
  const li = document.createElement('li');
  const label = document.createElement('label');
  const img = document.createElement('img');
  img.src = URL.createObjectURL(file);
  img.alt = '';
  img.width = 140;
  img.height = 96;
  const line = document.createElement('span');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'photos';
  box.value = fileId;
  box.checked = true;
  line.append(box, ` ${file.name}`);
  label.append(img, line);
  li.append(label);
  list?.append(li);
  document.querySelector('[data-no-photos]')?.remove();
}

async function upload(d: PhotoUploadData, file: File): Promise<void> {
  if (!IMAGE_TYPES.includes(file.type)) return say(d.words.notImage, file.name);
  if (file.size > d.maxBytes) return say(d.words.tooLarge, file.name);
  if (ticked() >= d.max) return say(d.words.tooMany);
  say(d.words.uploading, file.name);
  const progress = document.createElement('progress');
  try {
    const res = await fetch(d.uploadUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ s: d.secret, fileName: file.name, contentType: file.type, size: file.size }),
    });
    const body = (await res.json()) as { fileId?: string; upload?: PresignedPost; message?: string };
    if (!res.ok || !body.fileId || !body.upload) {
      if (status) status.textContent = body.message ?? d.words.failed.replace('{name}', file.name);
      return;
    }
    await postToStorage(body.upload, file, progress);
    addChoice(body.fileId, file);
    say(d.words.uploaded, file.name);
  } catch {
    say(d.words.failed, file.name);
  }
}

if (data && picker && list) {
  picker.hidden = false;
  document.querySelector('[data-photo-no-script]')?.remove();
  const input = picker.querySelector<HTMLInputElement>('input[type=file]')!;
  input.addEventListener('change', async () => {
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    for (const file of chosen) await upload(data, file);
  });
}
