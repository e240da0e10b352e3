import { z } from 'zod';
import { Members } from '../../shared/adapters/dynamodb/members.ts';
import { files } from '../../shared/compose/files.ts';
import { mailer } from '../../shared/compose/mail.ts';
import { rateLimiter } from '../../shared/compose/rate-limits.ts';
import { dossiers, links } from '../../shared/compose/table.ts';
import { builtOnFirstUse } from '../../shared/domain/built-on-first-use.ts';
import { CREATIVE_FIELDS, PROFILE_LIMITS } from '../../shared/domain/directory.ts';
import { invalidFields } from '../../shared/domain/errors.ts';
import { URL_MAX } from '../../shared/domain/form-fields.ts';
import { tileImageSource } from '../../shared/domain/map-tiles.ts';
import { lineText, multilineText } from '../../shared/domain/text.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  type HttpRequest,
  normalizeText,
  parseFormBody,
  parseJsonBody,
  toValidationError,
} from '../../shared/http/request.ts';
import { html, json, redirect } from '../../shared/http/response.ts';
import { PROFILE_FIELDS } from '../../shared/i18n/messages/directory.ts';
import {
  renderDirectoryPage,
  renderLinkSentPage,
  renderMemberPage,
  renderProfileEditPage,
} from '../../shared/pages/directory-pages.tsx';
import { clock, config, tableStore } from '../../shared/runtime.ts';
import { makeDirectory } from '../../shared/usecases/directory.ts';
import { makeMemberPhotos, PHOTO_URL_SECONDS } from '../../shared/usecases/member-photos.ts';

const directory = makeDirectory({
  members: new Members(tableStore()),
  links: links(),
  mailer: mailer(),
  clock,
  publicBaseUrl: config.publicBaseUrl,
  limiter: rateLimiter(),
  photos: makeMemberPhotos({ files: files(), dossiers: dossiers() }),
});

/** The map's tiles, when configured (none locally, offline, in CI: the list alone, no tile host allowed). */
const tiles = config.directoryTileUrl
  ? {
      url: config.directoryTileUrl,
      ...(config.directoryTileAttribution ? { attribution: config.directoryTileAttribution } : {}),
    }
  : undefined;

const LABELS = PROFILE_FIELDS;

export const DirectoryQuerySchema = builtOnFirstUse(() =>
  z.object({
    field: z.enum(CREATIVE_FIELDS).optional(),
    ward: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    q: lineText().pipe(z.string().max(100)).optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
  }),
);

/** A new photo's upload request (the editing page's script): the link's secret, and the file as the browser sees it. */
export const PhotoUploadSchema = builtOnFirstUse(() =>
  z.object({
    s: z.string().min(10).max(200),
    fileName: z.string().min(1).max(255),
    contentType: z.string().min(3).max(200),
    size: z.number().int().nonnegative(),
  }),
);

export const ProfileSignInSchema = builtOnFirstUse(() =>
  z.object({ email: z.email({ error: 'email' }).max(254) }),
);

const httpUrl = builtOnFirstUse(() => z.url({ protocol: /^https?$/, error: 'url' }).max(URL_MAX));
const optional = <S extends z.ZodType<unknown, string>>(schema: S) =>
  z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(schema.optional());
const coordinate = builtOnFirstUse(() =>
  z
    .string()
    .optional()
    .transform((v) => (v ? Number(v.replace(',', '.')) : undefined))
    .pipe(z.number().finite().optional()),
);

export const ProfileEditSchema = builtOnFirstUse(() =>
  z.object({
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
    // The ticked photos' ids, in the page's order (checked against the member's own files by the use-case).
    photos: z
      .array(z.string().max(40))
      .max(PROFILE_LIMITS.photos * 4)
      .default([]),
  }),
);
export type ProfileEditInput = z.infer<typeof ProfileEditSchema>;

function parseQuery(req: HttpRequest) {
  // An empty select or search box arrives as `field=`: the same as not filtering.
  const present = Object.fromEntries(Object.entries(req.query).filter(([k, v]) => v !== '' && k !== 'lang'));
  const parsed = DirectoryQuerySchema.safeParse(normalizeText(present));
  if (!parsed.success) throw toValidationError(parsed.error, req.lang, LABELS);
  return parsed.data;
}

function parseProfile(req: HttpRequest) {
  const input = parseFormBody(req, ProfileEditSchema, LABELS, ['photos']);
  const { s, lat, lng, photos, ...rest } = input;
  if ((lat === undefined) !== (lng === undefined))
    throw invalidFields({
      path: lat === undefined ? 'lat' : 'lng',
      field: lat === undefined ? LABELS.lat : LABELS.lng,
      message: LABELS.pinHalf,
    });
  return {
    secret: s,
    edit: {
      ...rest,
      photoIds: photos,
      ...(lat !== undefined && lng !== undefined ? { pin: { lat, lng } } : {}),
    },
  };
}

export const handler = httpHandler(
  {
    'GET /thanh-vien': async (req) => {
      const { page, ...filter } = parseQuery(req);
      const listed = await directory.list(filter, page, { pins: Boolean(tiles) });
      return html(200, renderDirectoryPage({ lang: req.lang, page: listed, filter, tiles }));
    },

    'GET /thanh-vien/{slug}': async (req) =>
      html(
        200,
        renderMemberPage({ lang: req.lang, member: await directory.profile(req.params.slug!), tiles }),
      ),

    // A chosen photo, from the private bucket by a short-lived link; the redirect is cached a little less.
    'GET /thanh-vien/{slug}/anh/{photoId}': async (req) => {
      const url = await directory.photoUrl(req.params.slug!, req.params.photoId!);
      const res = redirect(url, 302);
      return {
        ...res,
        headers: { ...res.headers, 'cache-control': `public, max-age=${PHOTO_URL_SECONDS / 3}` },
      };
    },

    // The editing page's script asks for a presigned POST per new photo: images only, 5 MB at most.
    'POST /thanh-vien/profile/{linkId}/photos': async (req) => {
      const { s, ...file } = parseJsonBody(req, PhotoUploadSchema, LABELS);
      return json(201, await directory.requestPhotoUpload(req.params.linkId!, s, file));
    },

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
  },
  { imageSources: tiles ? [tileImageSource(tiles.url)] : [] },
);
