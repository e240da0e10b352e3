import aliases from '../data/hanoi-ward-aliases-2025.json' with { type: 'json' };
import { fold } from './text.ts';
import { type OldUnit, type UnitType, WARDS, type Ward, type WardMatch, wardByCode } from './wards.ts';

/*
 * The ward search, apart from `wards.ts`: the old units' names (91 KB of JSON) are read by the ward
 * picker's search alone, so the functions that only name a ward by its code (every page, the schemas) do
 * not load them at each cold start; the intake function imports this module on its first search.
 */

// The official names carry their kind in front ("Phường Vạn Phúc", "Thị trấn Trâu Quỳ", "Quận Hà Đông").
const PREFIX = /^(Phường|Xã|Thị trấn|Quận|Huyện|Thị xã)\s+/;
const TYPE_OF: Record<string, UnitType> = {
  Phường: 'phuong',
  Xã: 'xa',
  'Thị trấn': 'thiTran',
  Quận: 'quan',
  Huyện: 'huyen',
  'Thị xã': 'thiXa',
};
/** What people type in front of a name, folded: left out of a query when it does not help the match. */
const TYPED_PREFIX = /^(phuong|xa|thi tran|thi xa|quan|huyen|tp|thanh pho|p|q)\s+/;

function oldUnit(official: string): OldUnit {
  const m = PREFIX.exec(official);
  return m ? { type: TYPE_OF[m[1]!]!, name: official.slice(m[0].length) } : { type: 'xa', name: official };
}

/** The folded spellings that find a unit: with and without its kind ("phuong van phuc", "van phuc"). */
const spellings = (official: string): string[] => {
  const full = fold(official);
  const bare = fold(official.replace(PREFIX, ''));
  return full === bare ? [full] : [full, bare];
};

interface Candidate {
  /** Spellings of the unit alone: the query may start at any of their words. */
  readonly keys: readonly string[];
  /** A unit's spellings followed by its district's: the query must start with the unit's name. */
  readonly joined?: readonly string[];
  /** 0 the current name, 1 an old unit of 2025-07, 2 one abolished in 2025-01, 3 an old district. */
  readonly tier: number;
  readonly matches: readonly WardMatch[];
}

/** An old unit's spellings followed by its district's ("van phuc ha dong", "phuong van phuc quan ha dong"). */
const joinedKeys = (names: readonly string[], district: string): string[] =>
  names.flatMap(spellings).flatMap((n) => spellings(district).map((d) => `${n} ${d}`));

type Alias = { oldName: string; oldDistrict: string; newCodes: string[]; partial: boolean; gsoName?: string };

function unitCandidate(a: Alias, tier: number, before: '2025-01-01' | '2025-07-01'): Candidate {
  const unit = oldUnit(a.oldName);
  const district = oldUnit(a.oldDistrict);
  const names = a.gsoName ? [a.oldName, a.gsoName] : [a.oldName];
  return {
    keys: [...new Set(names.flatMap(spellings))],
    joined: [...new Set(joinedKeys(names, a.oldDistrict))],
    tier,
    matches: a.newCodes.map((code) => ({
      ward: wardByCode(code)!,
      via: 'unit' as const,
      before,
      unit,
      district,
      part: a.partial || a.newCodes.length > 1,
    })),
  };
}

// Folded once, by the first search (not at load: most requests of the functions that import this never
// search, and folding about 5,000 keys was a visible part of their cold start); a search only compares strings.
let candidates: readonly Candidate[] | undefined;
const allCandidates = (): readonly Candidate[] =>
  (candidates ??= [
    ...WARDS.map((ward) => ({
      keys: spellings(ward.name),
      tier: 0,
      matches: [{ ward, via: 'name' as const }],
    })),
    ...aliases.aliases.map((a) => unitCandidate(a, 1, '2025-07-01')),
    ...aliases.legacyAliases.map((a) => unitCandidate(a, 2, '2025-01-01')),
    ...aliases.districts.map((d) => ({
      keys: spellings(d.oldDistrict),
      tier: 3,
      matches: d.newCodes.map((code) => ({
        ward: wardByCode(code)!,
        via: 'district' as const,
        district: oldUnit(d.oldDistrict),
      })),
    })),
  ]);

/** How well a folded query fits a key: 0 the whole key, 1 its start, 2 the start of a later word; else none. */
function closeness(query: string, key: string): number | undefined {
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  if (key.includes(` ${query}`)) return 2;
  return undefined;
}

/**
 * Wards for what a person types, with or without diacritics and with or without the kind of unit: current
 * names ("van mieu", "Phường Ba Đình") first, then the wards that took over an old unit ("van phuc",
 * "Vạn Phúc, Hà Đông", "phuong van phuc quan ha dong") or district ("quan ha dong"), best fit first. Each
 * ward comes once, with the best reason; an old unit split between several wards offers each of them.
 */
export function findWards(query: string, limit = 10): WardMatch[] {
  const q = fold(query);
  if (!q) return [];
  const stripped = q.replace(TYPED_PREFIX, '');
  // The query without its kind ("quan ha dong" → "ha dong") fits a little less well than as typed.
  const queries = stripped && stripped !== q ? [q, stripped] : [q];
  const found: { c: Candidate; score: number; order: number }[] = [];
  allCandidates().forEach((c, order) => {
    let score: number | undefined;
    queries.forEach((qv, i) => {
      for (const key of c.keys) {
        const s = closeness(qv, key);
        if (s !== undefined && (score === undefined || s * 2 + i < score)) score = s * 2 + i;
      }
      // Not from the middle of a name into its district's ("lang ha dong da" is no answer to "ha dong").
      for (const key of c.joined ?? []) {
        const s = closeness(qv, key);
        if (s !== undefined && s < 2 && (score === undefined || s * 2 + i < score)) score = s * 2 + i;
      }
    });
    if (score !== undefined) found.push({ c, score, order });
  });
  found.sort(
    (a, b) =>
      Number(a.c.tier > 0) - Number(b.c.tier > 0) ||
      a.score - b.score ||
      a.c.tier - b.c.tier ||
      a.order - b.order,
  );
  const seen = new Set<string>();
  const out: WardMatch[] = [];
  for (const { c } of found)
    for (const m of c.matches) {
      if (seen.has(m.ward.code)) continue;
      seen.add(m.ward.code);
      out.push(m);
      if (out.length >= limit) return out;
    }
  return out;
}

/** The wards of {@link findWards}, without the reasons. */
export const searchWards = (query: string, limit = 10): Ward[] => findWards(query, limit).map((m) => m.ward);
