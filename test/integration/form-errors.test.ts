import { describe, expect, it } from 'vitest';
import { formChecks } from '../../shared/pages/home-page.tsx';
import { api, unique } from './helpers.ts';

type Issue = { path: string; field: string; message: string };

/** The words the page shows for each field (its data), by path. */
const pageWords = (lang: 'vi' | 'en') => new Map(formChecks(lang).map((c) => [c.path, c]));

describe('the server’s 400 says what the form says (connected: local emulators over HTTP)', () => {
  it('names every missing field of a blank form, with the page’s words, in Vietnamese and English', async () => {
    // Prepare: a draft holds only what a draft needs (the name and the email)
    const tag = unique();
    const blank = { space: { nameVi: '' }, representative: { email: '' }, consent: false };
    const minimal = {
      space: { nameVi: `Không gian Trống ${tag}` },
      representative: { email: `trong.${tag}@example.vn` },
      consent: false,
    };

    // Act: a blank form saved, then a near-blank draft submitted
    const refusedDraft = await api('/api/applications', { body: blank });
    const created = await api('/api/applications', { body: minimal });
    const submitVi = await api(`/api/applications/${created.json.id}/submit`, {
      method: 'POST',
      token: created.json.editToken,
    });
    const submitEn = await api(`/api/applications/${created.json.id}/submit?lang=en`, {
      method: 'POST',
      token: created.json.editToken,
    });

    // Assess: the draft needs its name and email, said as the page says it
    const vi = pageWords('vi');
    expect(refusedDraft.status).toBe(400);
    expect(refusedDraft.json.issues).toEqual([
      {
        path: 'space.nameVi',
        field: 'Tên không gian (tiếng Việt)',
        message: vi.get('space.nameVi')!.missing,
      },
      { path: 'representative.email', field: 'Email', message: vi.get('representative.email')!.missing },
    ]);
    expect(created.status).toBe(201);
    expect(created.json.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Every other required field at once, each with the page's words for it; no code-like words
    expect(submitVi.status).toBe(400);
    const fields = (submitVi.json.issues as Issue[]).filter((i) => !i.path.startsWith('documents.'));
    const required = formChecks('vi').filter(
      (c) => c.required === true && c.path !== 'space.nameVi' && c.path !== 'representative.email',
    );
    expect(fields.map((i) => i.path)).toEqual(required.map((c) => c.path));
    for (const issue of fields) expect(issue.message).toBe(vi.get(issue.path)!.missing);
    expect(fields).toContainEqual(
      expect.objectContaining({ path: 'space.ownership', message: 'Vui lòng chọn hình thức sở hữu' }),
    );
    expect(JSON.stringify(submitVi.json)).not.toMatch(/Giá trị không nằm trong danh sách|Bắt buộc nhập/);
    const en = pageWords('en');
    for (const issue of (submitEn.json.issues as Issue[]).filter((i) => !i.path.startsWith('documents.')))
      expect(issue.message).toBe(en.get(issue.path)!.missing);
  });

  it('says what to do about a wrong value, naming the field, as the page does', async () => {
    const tag = unique();
    const res = await api('/api/applications', {
      body: {
        space: { nameVi: `Không gian Sai ${tag}`, foundedYear: 15 },
        representative: { email: `sai.${tag}@example.vn`, phone: '0912' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([
      {
        path: 'space.foundedYear',
        field: 'Năm thành lập',
        message: 'Năm thành lập: nhập năm có 4 chữ số, ví dụ 2015',
      },
      {
        path: 'representative.phone',
        field: 'Số điện thoại',
        message: pageWords('vi').get('representative.phone')!.invalid,
      },
    ]);
  });
});
