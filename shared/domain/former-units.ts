import aliases from '../data/hanoi-ward-aliases-2025.json' with { type: 'json' };
import type { MemberProfile } from './directory.ts';
import { fold } from './text.ts';
import { wardByCode } from './wards.ts';

/*
 * A ward's former units, for the member directory's pages and search, apart from `directory.ts`: their
 * names (91 KB of JSON) are needed where members are listed or searched, not by the functions that only
 * read a member (verify, through the members adapter), which paid for them at every cold start.
 */

type Alias = { oldName: string; oldDistrict: string; newCodes: string[] };
const FORMER: ReadonlyMap<string, readonly Alias[]> = (() => {
  const map = new Map<string, Alias[]>();
  for (const a of aliases.aliases as Alias[])
    for (const code of a.newCodes) map.set(code, [...(map.get(code) ?? []), a]);
  return map;
})();

/**
 * The pre-July-2025 units a ward took over (whole or in part), as people still name them: the hint beside
 * the new name ("Phường Trúc Bạch, Phường Quán Thánh (Quận Ba Đình)").
 */
export function formerUnitsOf(wardCode: string): { names: readonly string[]; districts: readonly string[] } {
  const units = FORMER.get(wardCode) ?? [];
  return {
    names: units.map((u) => u.oldName),
    districts: [...new Set(units.map((u) => u.oldDistrict))],
  };
}

/** The folded words a search matches: names, description, ward (new and former names), fields given. */
export function searchKeyOf(m: MemberProfile, fieldWords: readonly string[] = []): string {
  const ward = wardByCode(m.wardCode);
  const former = formerUnitsOf(m.wardCode);
  return fold(
    [
      m.name,
      m.nameEn ?? '',
      m.descriptionVi,
      m.descriptionEn ?? '',
      m.street ?? '',
      ward?.name ?? '',
      ...former.names,
      ...former.districts,
      ...fieldWords,
    ].join(' '),
  );
}
