import { z } from 'zod';
import { builtOnFirstUse } from './built-on-first-use.ts';
import {
  CREATIVE_FIELDS,
  type FieldRule,
  FORM_FIELDS,
  type FormFieldPath,
  normalizeVietnamesePhone,
  OWNERSHIPS,
  OWNERSHIPS_WITH_REGISTRATION,
  SPACE_TYPES,
  URL_MAX,
} from './form-fields.ts';
import { fileNameText, lineText } from './text.ts';
import { wardByCode } from './wards.ts';

// The form's fields, rules and labels, for those who import them with the schemas.
export {
  CREATIVE_FIELD_LABELS,
  CREATIVE_FIELDS,
  FIELD_LABELS,
  type FieldRule,
  FORM_FIELDS,
  type FormField,
  type FormFieldPath,
  normalizeVietnamesePhone,
  OWNERSHIP_LABELS,
  OWNERSHIPS,
  OWNERSHIPS_WITH_REGISTRATION,
  SPACE_TYPE_LABELS,
  SPACE_TYPES,
} from './form-labels.ts';

/** A field's rule, narrowed to its kind, for the schemas' limits. */
function ruleOf<K extends FieldRule['kind']>(path: FormFieldPath, kind: K): Extract<FieldRule, { kind: K }> {
  const rule: FieldRule = FORM_FIELDS.find((f) => f.path === path)!.rule;
  if (rule.kind !== kind) throw new Error(`${path} is not a ${kind} field`);
  return rule as Extract<FieldRule, { kind: K }>;
}
const textLimits = (path: FormFieldPath) => ruleOf(path, 'text');

// Every text field goes through the one text rule (shared/domain/text.ts): control and bidi override
// characters are refused with a 400 naming the field; the description is one paragraph as before.
const name = (path: FormFieldPath) => {
  const { min, max } = textLimits(path);
  return lineText().pipe(z.string().min(min).max(max));
};
const optionalText = (path: FormFieldPath) =>
  lineText()
    .pipe(z.string().max(textLimits(path).max))
    .optional()
    .transform((v) => v || undefined);
// The schemas are built by the first form parsed, not at cold start (issue 15): GETs parse none.
const httpUrl = builtOnFirstUse(() => z.url({ protocol: /^https?$/, error: 'url' }).max(URL_MAX));
const year = ruleOf('space.foundedYear', 'year');

export const SpaceSchema = builtOnFirstUse(() =>
  z.object({
    nameVi: name('space.nameVi'),
    nameEn: optionalText('space.nameEn'),
    ownership: z.enum(OWNERSHIPS),
    spaceType: z.enum(SPACE_TYPES),
    creativeFields: z.array(z.enum(CREATIVE_FIELDS)).min(1).max(CREATIVE_FIELDS.length),
    street: name('space.street'),
    wardCode: z.string().refine((c) => wardByCode(c) !== undefined, { error: 'ward' }),
    foundedYear: z.coerce
      .number({ error: 'year' })
      .int({ error: 'year' })
      .min(year.min, { error: 'year' })
      .max(year.max, { error: 'year' }),
    floorAreaM2: z.coerce.number().positive().max(ruleOf('space.floorAreaM2', 'number').max),
    website: httpUrl.optional().or(z.literal('').transform(() => undefined)),
    socialLinks: z.array(httpUrl).max(ruleOf('space.socialLinks', 'urls').max).default([]),
    description: name('space.description'),
    registrationNumber: optionalText('space.registrationNumber'),
  }),
);

export const RepresentativeSchema = builtOnFirstUse(() =>
  z.object({
    fullName: name('representative.fullName').refine(
      (n) => n.split(' ').length >= (textLimits('representative.fullName').words ?? 1),
      { error: 'fullName' },
    ),
    position: name('representative.position'),
    email: z
      .email({ error: 'email' })
      .max(ruleOf('representative.email', 'email').max)
      .transform((e) => e.toLowerCase()),
    phone: z.string().transform((p, ctx) => {
      const normalized = normalizeVietnamesePhone(p);
      if (!normalized) {
        ctx.addIssue({ code: 'custom', message: 'phone' });
        return z.NEVER;
      }
      return normalized;
    }),
  }),
);

/**
 * The registration number where the ownership needs one. Checked even when other fields fail (`when`),
 * so the first try names it along with everything else, as the browser does.
 */
const registrationGiven = (a: { space?: { ownership?: unknown; registrationNumber?: unknown } }) => {
  const s = a?.space;
  return !(
    typeof s?.ownership === 'string' &&
    OWNERSHIPS_WITH_REGISTRATION.includes(s.ownership) &&
    !s.registrationNumber
  );
};

/** A complete application, as it must be at submission. */
export const ApplicationSchema = builtOnFirstUse(() =>
  z
    .object({
      space: SpaceSchema,
      representative: RepresentativeSchema,
      consent: z.literal(true, { error: 'consent' }),
    })
    .refine(registrationGiven, {
      error: 'registrationRequired',
      path: ['space', 'registrationNumber'],
      when: () => true,
    }),
);
export type ApplicationForm = z.infer<typeof ApplicationSchema>;

/**
 * A draft: the space name and the representative's email are needed (the resume link goes there); the rest
 * may wait, the registration number too (the autosave keeps a draft whose ownership was just chosen).
 */
export const DraftSchema = builtOnFirstUse(() =>
  z.object({
    space: SpaceSchema.partial().required({ nameVi: true }),
    representative: RepresentativeSchema.partial().required({ email: true }),
    consent: z.boolean().optional(),
  }),
);
export type DraftForm = z.infer<typeof DraftSchema>;

/**
 * One file of a checklist item, as the browser announces it before uploading to S3. The name is the one
 * on the applicant's disk: control and direction characters are stripped (not refused), so
 * `Ảnh\u202Egnp.exe` is stored and shown as `Ảnhgnp.exe`. A size of 0 passes here and is refused by
 * intake with a message naming the item and the file.
 */
export const UploadRequestSchema = builtOnFirstUse(() =>
  z.object({
    slot: z.string().min(1).max(40),
    fileName: z.string().max(1000).pipe(fileNameText()).pipe(z.string().min(1).max(255)),
    contentType: z.string().min(3).max(200),
    size: z.number().int().nonnegative(),
  }),
);
