import { describe, expect, it } from 'vitest';
import aliases from '../../shared/data/hanoi-ward-aliases-2025.json' with { type: 'json' };
import { findWards } from '../../shared/domain/ward-search.ts';
import { WARDS, type WardMatch, wardByCode } from '../../shared/domain/wards.ts';
import { wardHint } from '../../shared/i18n/messages/wards.ts';

/** An option as the picker shows it: the ward's name and, when found by an old name, the hint. */
const label = (m: WardMatch, lang: 'vi' | 'en' = 'vi') => {
  const hint = wardHint(m, lang);
  return hint ? `${m.ward.name} (${hint})` : m.ward.name;
};
const labels = (query: string, lang: 'vi' | 'en' = 'vi') => findWards(query, 15).map((m) => label(m, lang));

describe('wards by any name', () => {
  it('keeps the source note of the alias table and points every old unit at one of the 126 wards', () => {
    expect(aliases.source).toMatch(/1656\/NQ-UBTVQH15/);
    expect(aliases.aliases).toHaveLength(526);
    expect(aliases.legacyAliases).toHaveLength(78);
    for (const a of [...aliases.aliases, ...aliases.legacyAliases])
      for (const code of a.newCodes) expect(wardByCode(code), `${a.oldName} → ${code}`).toBeDefined();
    expect(WARDS).toHaveLength(126);
  });

  it('offers Phường Hà Đông for "van phuc", with the old ward and district as a hint in each language', () => {
    expect(labels('van phuc')).toContain('Phường Hà Đông (trước 1/7/2025: phường Vạn Phúc, quận Hà Đông)');
    expect(labels('van phuc', 'en')).toContain(
      'Phường Hà Đông (before 1 July 2025: Vạn Phúc ward, Hà Đông district)',
    );
  });

  it('finds an old unit with or without diacritics, its kind and its district', () => {
    for (const query of [
      'Vạn Phúc Hà Đông',
      'van phuc ha dong',
      'Phường Vạn Phúc, quận Hà Đông',
      'phuong van phuc quan ha dong',
      'xã vạn phúc hà đông',
    ])
      expect(labels(query)[0], query).toBe('Phường Hà Đông (trước 1/7/2025: phường Vạn Phúc, quận Hà Đông)');
  });

  it('answers an old district with the current ward of that name first, then the wards of its area', () => {
    const found = labels('quan ha dong');
    expect(found[0]).toBe('Phường Hà Đông');
    expect(found).toContain('Phường Dương Nội (trước 1/7/2025: thuộc quận Hà Đông)');
    // Not a ward whose old name merely ends in "Hà" of another district (Láng Hạ, Đống Đa).
    expect(found.join('\n')).not.toContain('Láng Hạ');
  });

  it('finds a unit abolished in January 2025 under the ward that took it over', () => {
    expect(labels('nguyen trung truc')).toEqual([
      'Phường Ba Đình (trước 1/1/2025: phường Nguyễn Trung Trực, quận Ba Đình)',
    ]);
    expect(labels('Nguyễn Trung Trực', 'en')).toEqual([
      'Phường Ba Đình (before 1 January 2025: Nguyễn Trung Trực ward, Ba Đình district)',
    ]);
  });

  it('offers each ward an old unit was split between, saying it was part of it', () => {
    expect(labels('ngoc khanh ba dinh')).toEqual([
      'Phường Ngọc Hà (trước 1/7/2025: một phần phường Ngọc Khánh, quận Ba Đình)',
      'Phường Giảng Võ (trước 1/7/2025: một phần phường Ngọc Khánh, quận Ba Đình)',
      'Phường Láng (trước 1/7/2025: một phần phường Ngọc Khánh, quận Ba Đình)',
    ]);
    expect(labels('ngoc khanh', 'en')[0]).toBe(
      'Phường Ngọc Hà (before 1 July 2025: part of Ngọc Khánh ward, Ba Đình district)',
    );
  });

  it('ranks current names first, and offers each ward once', () => {
    // "Cửa Nam" is a current ward and was an old ward split between four.
    const found = findWards('cua nam', 15);
    expect(found[0]).toMatchObject({ via: 'name', ward: { name: 'Phường Cửa Nam' } });
    expect(found.slice(1).every((m) => m.via !== 'name')).toBe(true);
    expect(new Set(found.map((m) => m.ward.code)).size).toBe(found.length);
    expect(labels('van mieu')[0]).toBe('Phường Văn Miếu - Quốc Tử Giám');
    expect(findWards('')).toEqual([]);
  });

  it('answers fast: the keys are folded once, a search compares strings', () => {
    const queries = ['van phuc', 'phuong van phuc quan ha dong', 'ha', 'nguyen trung truc', 'xa'];
    const started = performance.now();
    for (let i = 0; i < 500; i++) findWards(queries[i % queries.length]!, 15);
    expect((performance.now() - started) / 500).toBeLessThan(5);
  });
});
