import data from '../data/hanoi-wards-2025.json' with { type: 'json' };

/** Hanoi's 126 phường/xã since 01/07/2025 (no district level any more). */
export interface Ward {
  readonly code: string;
  readonly name: string;
  readonly type: 'phuong' | 'xa';
}

export const WARDS: readonly Ward[] = data.wards as Ward[];
const BY_CODE = new Map(WARDS.map((w) => [w.code, w]));

export const wardByCode = (code: string): Ward | undefined => BY_CODE.get(code);

/** The kinds of the units Hanoi had before July 2025: its wards and communes, and its districts. */
export type UnitType = 'phuong' | 'xa' | 'thiTran' | 'quan' | 'huyen' | 'thiXa';

/** A unit that existed before the 2025 reforms: its kind and its proper name ("Vạn Phúc"). */
export interface OldUnit {
  readonly type: UnitType;
  readonly name: string;
}

/**
 * A ward offered for a search, and why. People still say the names of before 1 July 2025 (and a few of
 * before 1 January 2025, when 78 units were merged); the match then names the old unit, so that the
 * person recognises the place in the new name they pick.
 * - `name`: the current name matched.
 * - `unit`: an old ward, commune or town (`before` the day it was abolished) now (`part`ly, when it was
 *   split) in this ward.
 * - `district`: an old district of which this ward holds (part of) the area.
 */
export type WardMatch =
  | { readonly ward: Ward; readonly via: 'name' }
  | {
      readonly ward: Ward;
      readonly via: 'unit';
      readonly before: '2025-01-01' | '2025-07-01';
      readonly unit: OldUnit;
      readonly district: OldUnit;
      readonly part: boolean;
    }
  | { readonly ward: Ward; readonly via: 'district'; readonly district: OldUnit };
