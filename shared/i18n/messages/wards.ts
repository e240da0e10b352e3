import type { OldUnit, UnitType, WardMatch } from '../../domain/wards.ts';
import { defineMessages, say } from '../catalog.ts';
import type { Lang } from '../lang.ts';

/**
 * The kinds of Hanoi's units before 2025, as a hint names them. In English the proper name keeps its
 * diacritics (it is how the place is written on signs and papers) and the kind follows it: "Vạn Phúc ward,
 * Hà Đông district"; quận and huyện are both districts, thị trấn and thị xã both towns.
 */
export const UNIT_TYPES = /* @__PURE__ */ defineMessages({
  phuong: { vi: 'phường', en: 'ward' },
  xa: { vi: 'xã', en: 'commune' },
  thiTran: { vi: 'thị trấn', en: 'town' },
  quan: { vi: 'quận', en: 'district' },
  huyen: { vi: 'huyện', en: 'district' },
  thiXa: { vi: 'thị xã', en: 'town' },
} satisfies Record<UnitType, unknown>);

/** The hint after a ward found by an old name: "Phường Hà Đông (trước 1/7/2025: phường Vạn Phúc, quận Hà Đông)". */
export const WARD_HINTS = /* @__PURE__ */ defineMessages({
  named: {
    vi: (kind: string, name: string) => `${kind} ${name}`,
    en: (kind: string, name: string) => `${name} ${kind}`,
  },
  beforeJuly2025: {
    vi: (unit: string, district: string) => `trước 1/7/2025: ${unit}, ${district}`,
    en: (unit: string, district: string) => `before 1 July 2025: ${unit}, ${district}`,
  },
  partBeforeJuly2025: {
    vi: (unit: string, district: string) => `trước 1/7/2025: một phần ${unit}, ${district}`,
    en: (unit: string, district: string) => `before 1 July 2025: part of ${unit}, ${district}`,
  },
  beforeJanuary2025: {
    vi: (unit: string, district: string) => `trước 1/1/2025: ${unit}, ${district}`,
    en: (unit: string, district: string) => `before 1 January 2025: ${unit}, ${district}`,
  },
  partBeforeJanuary2025: {
    vi: (unit: string, district: string) => `trước 1/1/2025: một phần ${unit}, ${district}`,
    en: (unit: string, district: string) => `before 1 January 2025: part of ${unit}, ${district}`,
  },
  inDistrict: {
    vi: (district: string) => `trước 1/7/2025: thuộc ${district}`,
    en: (district: string) => `before 1 July 2025: in ${district}`,
  },
});

/** Words of the ward picker: the listbox's name, and what its script says (given as a data attribute). */
export const WARD_PICKER = /* @__PURE__ */ defineMessages({
  suggestions: { vi: 'Gợi ý', en: 'Suggestions' },
  unpicked: {
    vi: 'Hãy chọn phường/xã trong danh sách gợi ý (dùng phím mũi tên và Enter, hoặc bấm vào tên).',
    en: 'Pick the ward from the suggestions (arrow keys and Enter, or click its name).',
  },
});

const named = (u: OldUnit, lang: Lang) => say(WARD_HINTS.named, lang, say(UNIT_TYPES[u.type], lang), u.name);

/** Why a ward was offered, in words, when it was found by an old name; nothing for its current name. */
export function wardHint(m: WardMatch, lang: Lang): string | undefined {
  if (m.via === 'name') return undefined;
  if (m.via === 'district') return say(WARD_HINTS.inDistrict, lang, named(m.district, lang));
  const entry =
    m.before === '2025-07-01'
      ? m.part
        ? WARD_HINTS.partBeforeJuly2025
        : WARD_HINTS.beforeJuly2025
      : m.part
        ? WARD_HINTS.partBeforeJanuary2025
        : WARD_HINTS.beforeJanuary2025;
  return say(entry, lang, named(m.unit, lang), named(m.district, lang));
}
