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
