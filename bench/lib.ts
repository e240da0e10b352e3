import { FILES } from '../test/fixtures/files.ts';

/** Small helpers the benchmarks share. */

/** The p-th percentile (nearest rank) of a sample. */
export function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

export const median = (xs: readonly number[]): number => pct(xs, 50);

/** Runs `task(0..n-1)` with at most `concurrency` in flight; results in index order. */
export async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** A valid application form for load runs: space `i`, its representative at `<prefix><i>@example.vn`. */
export const sampleForm = (i: number, emailPrefix: string) => ({
  space: {
    nameVi: `Không gian Sáng tạo Thử tải số ${i}`,
    ownership: 'individual_group',
    spaceType: 'multi',
    creativeFields: ['design'],
    street: `${i} phố Hàng Bồ`,
    wardCode: '00070',
    foundedYear: 2015,
    floorAreaM2: 100,
    description:
      'Không gian sáng tạo dùng cho bài đo tải hạn chót: triển lãm, workshop, biểu diễn âm nhạc hằng tuần.',
  },
  representative: {
    fullName: 'Nguyễn Văn An',
    position: 'Chủ nhiệm',
    email: `${emailPrefix}${i}@example.vn`,
    phone: '0912345678',
  },
  consent: true,
});

/** The parts of the intake API's answers the benches read. */
export interface ApiAnswer {
  readonly id?: string;
  readonly editToken?: string;
  readonly code?: string;
  readonly message?: string;
  readonly upload?: { readonly url: string; readonly fields: Record<string, string> };
}

/** The intake API as an applicant's browser uses it, each call timed. */
export function applicantApi(site: string) {
  const call = async (p: string, body: unknown, token?: string) => {
    const t = performance.now();
    const res = await fetch(`${site}${p}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as ApiAnswer;
    return { ms: performance.now() - t, status: res.status, json };
  };

  /** One document: the presigned POST asked for, then the file sent to storage; [request ms, storage ms]. */
  const uploadOne = async (
    id: string,
    token: string,
    slot: string,
    name: string,
    type: string,
    bytes: Buffer,
  ) => {
    const req = await call(
      `/api/applications/${id}/uploads`,
      { slot, fileName: name, contentType: type, size: bytes.length },
      token,
    );
    if (req.status !== 201) throw new Error(`upload request ${req.status}`);
    const formData = new FormData();
    for (const [k, v] of Object.entries(req.json.upload!.fields)) formData.append(k, v);
    formData.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const t = performance.now();
    const res = await fetch(req.json.upload!.url, { method: 'POST', body: formData });
    if (res.status >= 300) throw new Error(`s3 ${res.status}`);
    return [req.ms, performance.now() - t] as const;
  };

  /** A draft with the three documents of a bench round (legal PDF, one photo, portfolio PDF). */
  const draftWithDocuments = async (form: unknown) => {
    const created = await call('/api/applications', form);
    if (created.status !== 201) throw new Error(`create ${created.status}`);
    const { id, editToken } = created.json as { id: string; editToken: string };
    const uploads = await Promise.all([
      uploadOne(id, editToken, 'legal', 'Giấy phép.pdf', 'application/pdf', FILES.pdf),
      uploadOne(id, editToken, 'photos', 'Ảnh.png', 'image/png', FILES.png),
      uploadOne(id, editToken, 'portfolio', 'Năng lực.pdf', 'application/pdf', FILES.pdf),
    ]);
    return { id, editToken, createMs: created.ms, uploads };
  };

  return { call, draftWithDocuments };
}
