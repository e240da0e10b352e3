import { regexes } from 'zod/v4/core';

/*
 * The application form's fields and rules as plain data, free of zod's schemas (only its e-mail pattern,
 * a RegExp) and of Node: the browser bundle (shared/browser) imports this module, the schemas in
 * application-schema.ts are built from it.
 */

export const OWNERSHIPS = ['public', 'private_company', 'individual_group', 'foreign_org', 'other'] as const;
/** Ownerships that have a registration or establishment number to give. */
export const OWNERSHIPS_WITH_REGISTRATION: readonly string[] = ['public', 'private_company', 'foreign_org'];

export const SPACE_TYPES = [
  'gallery',
  'craft_studio',
  'music_venue',
  'heritage_museum',
  'coworking_design',
  'performance',
  'multi',
  'other',
] as const;

export const CREATIVE_FIELDS = [
  'design',
  'visual_arts',
  'architecture',
  'music',
  'performing_arts',
  'crafts_folk_art',
  'film',
  'photography',
  'publishing',
  'media_arts',
  'gastronomy',
  'other',
] as const;

/** Vietnamese mobile and landline numbers, written with spaces, dots or dashes, with 0 or +84. */
export function normalizeVietnamesePhone(input: string): string | undefined {
  const digits = input.replace(/[\s.\-()]/g, '');
  const national = digits.startsWith('+84')
    ? `0${digits.slice(3)}`
    : digits.startsWith('84') && digits.length === 11
      ? `0${digits.slice(2)}`
      : digits;
  if (/^0(3|5|7|8|9)\d{8}$/.test(national)) return national;
  if (/^02\d{9}$/.test(national)) return national;
  return undefined;
}

/**
 * How the browser checks a field before anything is sent (the page gets these as data, with each field's
 * words; see `formCheck` in shared/browser/form-check.ts); the schemas (application-schema.ts) read their limits from the same table, and
 * test/unit/form-check.test.ts holds the browser's verdict to the server's on the same forms.
 */
export type FieldRule =
  | { readonly kind: 'text'; readonly min: number; readonly max: number; readonly words?: number }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  | { readonly kind: 'choices'; readonly values: readonly string[] }
  | { readonly kind: 'year'; readonly min: number; readonly max: number }
  | { readonly kind: 'number'; readonly max: number }
  | { readonly kind: 'email'; readonly max: number; readonly pattern: string }
  | { readonly kind: 'phone' }
  | { readonly kind: 'url'; readonly max: number }
  | { readonly kind: 'urls'; readonly max: number; readonly each: number }
  | { readonly kind: 'ward' }
  | { readonly kind: 'consent' };

export interface FormField {
  readonly path: string;
  /** Always, or when another field holds one of some values (the registration number). */
  readonly required: boolean | { readonly when: string; readonly in: readonly string[] };
  readonly rule: FieldRule;
}

const currentYear = new Date().getUTCFullYear();
/** The longest web address a form takes. */
export const URL_MAX = 500;

/** The application form's fields in the form's order: what each needs, for the page and the schemas. */
export const FORM_FIELDS = [
  { path: 'space.nameVi', required: true, rule: { kind: 'text', min: 2, max: 200 } },
  { path: 'space.nameEn', required: false, rule: { kind: 'text', min: 0, max: 200 } },
  { path: 'space.ownership', required: true, rule: { kind: 'choice', values: OWNERSHIPS } },
  { path: 'space.spaceType', required: true, rule: { kind: 'choice', values: SPACE_TYPES } },
  { path: 'space.creativeFields', required: true, rule: { kind: 'choices', values: CREATIVE_FIELDS } },
  { path: 'space.street', required: true, rule: { kind: 'text', min: 3, max: 200 } },
  { path: 'space.wardCode', required: true, rule: { kind: 'ward' } },
  { path: 'space.foundedYear', required: true, rule: { kind: 'year', min: 1800, max: currentYear + 1 } },
  { path: 'space.floorAreaM2', required: true, rule: { kind: 'number', max: 1_000_000 } },
  { path: 'space.website', required: false, rule: { kind: 'url', max: URL_MAX } },
  { path: 'space.socialLinks', required: false, rule: { kind: 'urls', max: 5, each: URL_MAX } },
  { path: 'space.description', required: true, rule: { kind: 'text', min: 50, max: 5000 } },
  {
    path: 'space.registrationNumber',
    required: { when: 'space.ownership', in: OWNERSHIPS_WITH_REGISTRATION },
    rule: { kind: 'text', min: 0, max: 50 },
  },
  { path: 'representative.fullName', required: true, rule: { kind: 'text', min: 3, max: 120, words: 2 } },
  { path: 'representative.position', required: true, rule: { kind: 'text', min: 2, max: 120 } },
  {
    path: 'representative.email',
    required: true,
    rule: { kind: 'email', max: 254, pattern: regexes.email.source },
  },
  { path: 'representative.phone', required: true, rule: { kind: 'phone' } },
  { path: 'consent', required: true, rule: { kind: 'consent' } },
] as const satisfies readonly FormField[];
export type FormFieldPath = (typeof FORM_FIELDS)[number]['path'];
