import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import * as path from 'node:path';
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
  const call = async (p: string, body: unknown, token?: string, method: 'POST' | 'PUT' = 'POST') => {
    const t = performance.now();
    const res = await fetch(`${site}${p}`, {
      method,
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

  return { call, uploadOne, draftWithDocuments };
}

export interface Email {
  messageId: string;
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
  at: number;
}

/**
 * Watches the local mailbox: one poller every ~20 ms asking only for the emails of the last second or so
 * (`?since=` epoch seconds), noting when each was first seen, so a waiter gets the capture time, not its own.
 */
export function watchMailbox(mailboxUrl: string) {
  const seen: { email: Email; seenAt: number }[] = [];
  const ids = new Set<string>();
  const waiters: { match: (e: Email) => boolean; resolve: (v: { email: Email; seenAt: number }) => void }[] =
    [];
  let since = Math.floor(Date.now() / 1000) - 1;
  let running = true;
  const settle = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      const hit = seen.find((s) => waiters[i]!.match(s.email));
      if (hit) {
        waiters[i]!.resolve(hit);
        waiters.splice(i, 1);
      }
    }
  };
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      const res = await fetch(`${mailboxUrl}/store?since=${since}`);
      const { emails } = (await res.json()) as { emails: Email[] };
      const seenAt = performance.now();
      for (const email of emails) {
        if (ids.has(email.messageId)) continue;
        ids.add(email.messageId);
        seen.push({ email, seenAt });
        since = Math.max(since, email.at - 1);
      }
      settle();
      await new Promise((r) => setTimeout(r, Math.max(0, 20 - (performance.now() - t))));
    }
  })();
  return {
    /** Resolves with the first email that matches and when the poller first saw it. */
    waitFor(match: (e: Email) => boolean, timeoutMs = 15_000) {
      return new Promise<{ email: Email; seenAt: number }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('email did not arrive')), timeoutMs);
        waiters.push({
          match,
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
        });
        settle();
      });
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** One measured figure of a bench, with its goal when it has one (`met` says whether this run meets it). */
export interface Figure {
  readonly value: number;
  readonly unit: string;
  /** `≤ max` or `≥ min`; null for a figure shown for information (a floor, a count). */
  readonly goal: { readonly max?: number; readonly min?: number } | null;
  readonly met: boolean | null;
}

/** A figure: `goal` given as `{ max }` or `{ min }`, or left out for an informational one. */
export function figure(value: number, unit: string, goal?: { max?: number; min?: number }): Figure {
  const met = goal
    ? (goal.max === undefined || value <= goal.max) && (goal.min === undefined || value >= goal.min)
    : null;
  return { value: Number(value.toFixed(4)), unit, goal: goal ?? null, met };
}

export const BENCH_DIR = path.resolve(import.meta.dirname, '..', '.bench');
const FIGURES_DIR = path.join(BENCH_DIR, 'figures');

/**
 * Records one bench's figures as `.bench/figures/<bench>.json`: each bench runs in a process of its own, and
 * `bench/run.ts` gathers them into `.bench/results.json` (`collectResults`).
 */
export function recordFigures(bench: string, figures: Record<string, Figure>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(path.join(FIGURES_DIR, `${bench}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

/** Forgets the figures of an earlier run, so a bench that fails this time shows no stale numbers. */
export function clearFigures(): void {
  rmSync(FIGURES_DIR, { recursive: true, force: true });
}

/** `.bench/results.json`: every bench's figures, when and on which machine they were measured. */
export function collectResults(failed: readonly string[]): string {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const benches = Object.fromEntries(
    readdirSync(FIGURES_DIR, { withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith('.json'))
      .map((f) => [
        f.name.replace(/\.json$/, ''),
        JSON.parse(readFileSync(path.join(FIGURES_DIR, f.name), 'utf8')) as Record<string, Figure>,
      ]),
  );
  const all = Object.values(benches).flatMap((b) => Object.values(b));
  const results = {
    at: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    goals: {
      met: all.filter((f) => f.met === true).length,
      notMet: all.filter((f) => f.met === false).length,
    },
    failed,
    benches,
  };
  const file = path.join(BENCH_DIR, 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
