import { z } from 'zod';
import { Members } from '../../shared/adapters/dynamodb/members.ts';
import { mailer } from '../../shared/compose/mail.ts';
import { rateLimiter } from '../../shared/compose/rate-limits.ts';
import { links } from '../../shared/compose/table.ts';
import { CREATIVE_FIELDS, PROFILE_LIMITS } from '../../shared/domain/directory.ts';
import { invalidFields } from '../../shared/domain/errors.ts';
import { URL_MAX } from '../../shared/domain/form-fields.ts';
import { lineText, multilineText } from '../../shared/domain/text.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  type HttpRequest,
  normalizeText,
  parseFormBody,
  toValidationError,
} from '../../shared/http/request.ts';
import { html } from '../../shared/http/response.ts';
import { PROFILE_FIELDS } from '../../shared/i18n/messages/directory.ts';
import {
  renderDirectoryPage,
  renderLinkSentPage,
  renderMemberPage,
  renderProfileEditPage,
} from '../../shared/pages/directory-pages.tsx';
import { clock, config, tableStore } from '../../shared/runtime.ts';
import { makeDirectory } from '../../shared/usecases/directory.ts';

const directory = makeDirectory({
  members: new Members(tableStore()),
  links: links(),
  mailer: mailer(),
  clock,
  publicBaseUrl: config.publicBaseUrl,
  limiter: rateLimiter(),
});

const LABELS = PROFILE_FIELDS;

export const DirectoryQuerySchema = z.object({
  field: z.enum(CREATIVE_FIELDS).optional(),
  ward: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  q: lineText().pipe(z.string().max(100)).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const ProfileSignInSchema = z.object({ email: z.email({ error: 'email' }).max(254) });

const httpUrl = z.url({ protocol: /^https?$/, error: 'url' }).max(URL_MAX);
const optional = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(schema.optional());
const coordinate = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v.replace(',', '.')) : undefined))
  .pipe(z.number().finite().optional());

export const ProfileEditSchema = z.object({
  s: z.string().min(10).max(200),
  descriptionVi: multilineText().pipe(z.string().min(1).max(PROFILE_LIMITS.description)),
  descriptionEn: optional(multilineText().pipe(z.string().max(PROFILE_LIMITS.description))),
  website: optional(httpUrl),
  // One link a line, as the form's textarea has them.
  socialLinks: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(/\s*\n\s*/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(httpUrl).max(PROFILE_LIMITS.socialLinks)),
  openingHours: optional(lineText().pipe(z.string().max(PROFILE_LIMITS.openingHours))),
  lat: coordinate,
  lng: coordinate,
});
export type ProfileEditInput = z.infer<typeof ProfileEditSchema>;

function parseQuery(req: HttpRequest) {
  // An empty select or search box arrives as `field=`: the same as not filtering.
  const present = Object.fromEntries(Object.entries(req.query).filter(([k, v]) => v !== '' && k !== 'lang'));
  const parsed = DirectoryQuerySchema.safeParse(normalizeText(present));
  if (!parsed.success) throw toValidationError(parsed.error, req.lang, LABELS);
  return parsed.data;
}

function parseProfile(req: HttpRequest) {
  const input = parseFormBody(req, ProfileEditSchema, LABELS);
  const { s, lat, lng, ...rest } = input;
  if ((lat === undefined) !== (lng === undefined))
    throw invalidFields({
      path: lat === undefined ? 'lat' : 'lng',
      field: lat === undefined ? LABELS.lat : LABELS.lng,
      message: LABELS.pinHalf,
    });
  return {
    secret: s,
    edit: { ...rest, ...(lat !== undefined && lng !== undefined ? { pin: { lat, lng } } : {}) },
  };
}

export const handler = httpHandler({
  'GET /thanh-vien': async (req) => {
    const { page, ...filter } = parseQuery(req);
    return html(
      200,
      renderDirectoryPage({ lang: req.lang, page: await directory.list(filter, page), filter }),
    );
  },

  'GET /thanh-vien/{slug}': async (req) =>
    html(200, renderMemberPage({ lang: req.lang, member: await directory.profile(req.params.slug!) })),

  'POST /thanh-vien/sign-in': async (req) => {
    const { email } = parseFormBody(req, ProfileSignInSchema, LABELS);
    await directory.requestEditLink(email, req.sourceIp);
    return html(200, renderLinkSentPage({ lang: req.lang }));
  },

  // GET only shows the form: email link scanners fetch it and must change nothing.
  'GET /thanh-vien/profile/{linkId}': async (req) => {
    const linkId = req.params.linkId!;
    const view = await directory.openEdit(linkId, req.query.s);
    return html(200, renderProfileEditPage({ lang: req.lang, view, linkId, secret: req.query.s ?? '' }));
  },

  'POST /thanh-vien/profile/{linkId}': async (req) => {
    const linkId = req.params.linkId!;
    const { secret, edit } = parseProfile(req);
    const view = await directory.saveEdit(linkId, secret, edit);
    return html(200, renderProfileEditPage({ lang: req.lang, view, linkId, secret, saved: true }));
  },
});
