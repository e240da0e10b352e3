import { CREATIVE_FIELDS } from './form-fields.ts';
import { fold } from './text.ts';

/** A creative field of the application form (`CREATIVE_FIELDS`). */
export type CreativeField = (typeof CREATIVE_FIELDS)[number];

/** A member's own pin (never geocoded): a point within Hanoi. */
export interface MapPin {
  readonly lat: number;
  readonly lng: number;
}

/** A photo a member chose for their public page: one of their dossier's images, or one they uploaded. */
export interface MemberPhoto {
  /** The dossier document's file id, or the upload's: a UUID, never anything a user typed. */
  readonly id: string;
  readonly type: 'jpeg' | 'png';
}

/** Why a coordinator took a profile out of the directory. */
export interface HiddenNote {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

/**
 * A member's public profile (thành viên): made from the approved dossier when its certificate is issued,
 * then edited by the member through an emailed link. It is shown only while the certificate is valid and
 * no coordinator has hidden it.
 */
export interface MemberProfile {
  /** The public address, `/thanh-vien/<slug>`: from the space's name, diacritics folded, unique. */
  readonly slug: string;
  readonly dossierId: string;
  readonly certificateId: string;
  /** The space's representative: the address the sign-in link goes to; never shown. */
  readonly email: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly fields: readonly CreativeField[];
  readonly wardCode: string;
  readonly street?: string;
  readonly descriptionVi: string;
  readonly descriptionEn?: string;
  readonly website?: string;
  readonly socialLinks: readonly string[];
  readonly openingHours?: string;
  readonly pin?: MapPin;
  /** The photos shown on the page (the first also on the card), in the member's order. */
  readonly photos?: readonly MemberPhoto[];
  readonly hidden?: HiddenNote;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a member edits of their profile. */
export type ProfileEdit = Pick<
  MemberProfile,
  'descriptionVi' | 'descriptionEn' | 'website' | 'socialLinks' | 'openingHours' | 'pin' | 'photos'
>;

export const PROFILE_LIMITS = {
  description: 2000,
  openingHours: 200,
  socialLinks: 5,
  slug: 60,
  photos: 6,
  /** A photo's largest size, uploaded or chosen from the dossier (5 MB). */
  photoBytes: 5 * 1024 * 1024,
} as const;

/** A photo's id as a form or a URL may carry it: a UUID. */
export const isPhotoId = (s: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s);

/**
 * Hanoi's extent with a margin (the city spans about 20.56–21.39 N, 105.29–106.02 E): a pin outside it is
 * a typo (swapped or truncated coordinates), refused with the field named.
 */
export const HANOI_BOUNDS = { south: 20.5, north: 21.45, west: 105.25, east: 106.1 } as const;

export const isInHanoi = (p: MapPin): boolean =>
  p.lat >= HANOI_BOUNDS.south &&
  p.lat <= HANOI_BOUNDS.north &&
  p.lng >= HANOI_BOUNDS.west &&
  p.lng <= HANOI_BOUNDS.east;

/** The slug a name asks for ("Không gian Sáng tạo Đồng" → "khong-gian-sang-tao-dong"). */
export function slugOf(name: string): string {
  const base = fold(name).replace(/ /g, '-').slice(0, PROFILE_LIMITS.slug).replace(/-+$/, '');
  return base || 'kgst';
}

/** The n-th try at a free slug: the name's, then `-2`, `-3`… */
export const slugCandidate = (base: string, attempt: number): string =>
  attempt === 0 ? base : `${base}-${attempt + 1}`;

/** A slug as a URL may carry it: lower-case letters, digits and single dashes. */
export const isSlug = (s: string): boolean => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= 70;

export interface DirectoryFilter {
  readonly field?: CreativeField;
  readonly ward?: string;
  /** Words typed with or without diacritics: every word must be found. */
  readonly q?: string;
}

/** The members a filter keeps, in the order given. `keyOf` gives each member's search key (cached by the caller). */
export function filterMembers<M extends MemberProfile>(
  members: readonly M[],
  filter: DirectoryFilter,
  keyOf: (m: M) => string,
): M[] {
  const words = filter.q ? fold(filter.q).split(' ').filter(Boolean) : [];
  return members.filter(
    (m) =>
      (!filter.field || m.fields.includes(filter.field)) &&
      (!filter.ward || m.wardCode === filter.ward) &&
      (!words.length || words.every((w) => ` ${keyOf(m)}`.includes(` ${w}`))),
  );
}

/** The order of the list: by name as people read it (folded), then slug. */
export const byName = (a: MemberProfile, b: MemberProfile): number =>
  fold(a.name).localeCompare(fold(b.name)) || a.slug.localeCompare(b.slug);

export { CREATIVE_FIELDS };
