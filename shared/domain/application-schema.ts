import { z } from 'zod';
import type { Text } from '../i18n/lang.ts';
import {
  CREATIVE_FIELD_LABELS as CREATIVE_FIELD_WORDS,
  FIELDS,
  OWNERSHIP_LABELS as OWNERSHIP_WORDS,
  SPACE_TYPE_LABELS as SPACE_TYPE_WORDS,
} from '../i18n/messages/form.ts';
import { fileNameText, lineText } from './text.ts';
import { wardByCode } from './wards.ts';

export const OWNERSHIPS = ['public', 'private_company', 'individual_group', 'foreign_org', 'other'] as const;
// Each option's label is a word of the catalog (shared/i18n/messages/form.ts); typed here so a key without one fails.
export const OWNERSHIP_LABELS: Record<(typeof OWNERSHIPS)[number], Text> = OWNERSHIP_WORDS;
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
export const SPACE_TYPE_LABELS: Record<(typeof SPACE_TYPES)[number], Text> = SPACE_TYPE_WORDS;

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
export const CREATIVE_FIELD_LABELS: Record<(typeof CREATIVE_FIELDS)[number], Text> = CREATIVE_FIELD_WORDS;

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

// Every text field goes through the one text rule (shared/domain/text.ts): control and bidi override
// characters are refused with a 400 naming the field; the description is one paragraph as before.
const name = (min: number, max: number) => lineText().pipe(z.string().min(min).max(max));
const optionalText = (max: number) =>
  lineText()
    .pipe(z.string().max(max))
    .optional()
    .transform((v) => v || undefined);
const httpUrl = z.url({ protocol: /^https?$/, error: 'url' }).max(500);
const currentYear = new Date().getUTCFullYear();

export const SpaceSchema = z.object({
  nameVi: name(2, 200),
  nameEn: optionalText(200),
  ownership: z.enum(OWNERSHIPS),
  spaceType: z.enum(SPACE_TYPES),
  creativeFields: z.array(z.enum(CREATIVE_FIELDS)).min(1).max(CREATIVE_FIELDS.length),
  street: name(3, 200),
  wardCode: z.string().refine((c) => wardByCode(c) !== undefined, { error: 'ward' }),
  foundedYear: z.coerce
    .number({ error: 'year' })
    .int({ error: 'year' })
    .min(1800, { error: 'year' })
    .max(currentYear + 1, { error: 'year' }),
  floorAreaM2: z.coerce.number().positive().max(1_000_000),
  website: httpUrl.optional().or(z.literal('').transform(() => undefined)),
  socialLinks: z.array(httpUrl).max(5).default([]),
  description: lineText().pipe(z.string().min(50).max(5000)),
  registrationNumber: optionalText(50),
});

export const RepresentativeSchema = z.object({
  fullName: name(3, 120).refine((n) => n.split(' ').length >= 2, { error: 'fullName' }),
  position: name(2, 120),
  email: z
    .email({ error: 'email' })
    .max(254)
    .transform((e) => e.toLowerCase()),
  phone: z.string().transform((p, ctx) => {
    const normalized = normalizeVietnamesePhone(p);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'phone' });
      return z.NEVER;
    }
    return normalized;
  }),
});

const requireRegistration = (
  space: { ownership?: string; registrationNumber?: string },
  ctx: z.RefinementCtx,
) => {
  if (
    space.ownership &&
    OWNERSHIPS_WITH_REGISTRATION.includes(space.ownership) &&
    !space.registrationNumber
  ) {
    ctx.addIssue({ code: 'custom', message: 'registrationRequired', path: ['space', 'registrationNumber'] });
  }
};

/** A complete application, as it must be at submission. */
export const ApplicationSchema = z
  .object({
    space: SpaceSchema,
    representative: RepresentativeSchema,
    consent: z.literal(true, { error: 'consent' }),
  })
  .superRefine((a, ctx) => requireRegistration(a.space, ctx));
export type ApplicationForm = z.infer<typeof ApplicationSchema>;

/** A draft: the space name and the representative's email are needed (the resume link goes there); the rest may wait. */
export const DraftSchema = z
  .object({
    space: SpaceSchema.partial().required({ nameVi: true }),
    representative: RepresentativeSchema.partial().required({ email: true }),
    consent: z.boolean().optional(),
  })
  .superRefine((a, ctx) => requireRegistration(a.space, ctx));
export type DraftForm = z.infer<typeof DraftSchema>;

/**
 * One file of a checklist item, as the browser announces it before uploading to S3. The name is the one
 * on the applicant's disk: control and direction characters are stripped (not refused), so
 * `Ảnh\u202Egnp.exe` is stored and shown as `Ảnhgnp.exe`. A size of 0 passes here and is refused by
 * intake with a message naming the item and the file.
 */
export const UploadRequestSchema = z.object({
  slot: z.string().min(1).max(40),
  fileName: z.string().max(1000).pipe(fileNameText()).pipe(z.string().min(1).max(255)),
  contentType: z.string().min(3).max(200),
  size: z.number().int().nonnegative(),
});

/** Field labels, for messages that name the field in the page's language (one entry each in the catalog). */
export const FIELD_LABELS: Record<string, Text> = FIELDS;
