import data from '../data/hanoi-wards-2025.json' with { type: 'json' };
import { fold } from './text.ts';

/** Hanoi's 126 phường/xã since 01/07/2025 (no district level any more). */
export interface Ward {
  readonly code: string;
  readonly name: string;
  readonly type: 'phuong' | 'xa';
}

export const WARDS: readonly Ward[] = data.wards as Ward[];
const BY_CODE = new Map(WARDS.map((w) => [w.code, w]));
const FOLDED = WARDS.map((w) => ({
  ward: w,
  key: fold(w.name),
  bare: fold(w.name.replace(/^(Phường|Xã)\s+/, '')),
}));

export const wardByCode = (code: string): Ward | undefined => BY_CODE.get(code);

/** Wards whose name matches a query typed with or without diacritics ("van mieu", "Văn Miếu", "phuong ba dinh"). */
export function searchWards(query: string, limit = 10): Ward[] {
  const q = fold(query);
  if (!q) return [];
  const starts = FOLDED.filter((w) => w.bare.startsWith(q) || w.key.startsWith(q));
  const contains = FOLDED.filter((w) => !starts.includes(w) && (w.key.includes(q) || w.bare.includes(q)));
  return [...starts, ...contains].slice(0, limit).map((w) => w.ward);
}
