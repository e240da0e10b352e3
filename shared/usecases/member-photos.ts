import { randomUUID } from 'node:crypto';
import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Files, PresignedUpload } from '../adapters/s3/files.ts';
import { memberPhotoKey, memberUploadKey } from '../adapters/s3/prefixes.ts';
import { isPhotoId, type MemberPhoto, type MemberProfile, PROFILE_LIMITS } from '../domain/directory.ts';
import { fileTypeOf, magicBytesMatch, type StoredDocument } from '../domain/dossier.ts';
import { invalidFields } from '../domain/errors.ts';
import { MIME_BY_TYPE } from '../domain/round.ts';
import { textOf } from '../i18n/catalog.ts';
import type { Text } from '../i18n/lang.ts';
import { PROFILE_FIELDS, PROFILE_PHOTOS } from '../i18n/messages/directory.ts';

/** How long a presigned POST for a new photo works, as the intake's uploads. */
const UPLOAD_URL_SECONDS = 15 * 60;
/** How long a thumbnail's or a served photo's presigned GET works. */
export const PHOTO_URL_SECONDS = 15 * 60;
const MB = PROFILE_LIMITS.photoBytes / 1048576;

/** A photo the editing page offers: the member's current ones, then the dossier's other images. */
export interface PhotoChoice {
  readonly id: string;
  /** The dossier file's name; none for an upload. */
  readonly name?: string;
  readonly chosen: boolean;
  /** A short-lived presigned GET: the dossier's images stay private, only this page shows them. */
  readonly thumbnailUrl: string;
}

const refuse = (path: string, field: Text, message: Text) => invalidFields({ path, field, message });
/** A message about a file named in both languages (a dossier file's name, or "a new photo"). */
const about = <R extends unknown[]>(
  entry: { vi: (name: string, ...rest: R) => string; en: (name: string, ...rest: R) => string },
  name: Text,
  ...rest: R
): Text => ({ vi: entry.vi(name.vi, ...rest), en: entry.en(name.en, ...rest) });
const named = (name: string): Text => ({ vi: name, en: name });
const photoRefusal = (message: Text) => refuse('photos', PROFILE_FIELDS.photos, message);

/** The type an object's first bytes show, if it is one a member page shows (JPG, PNG). */
const imageTypeOf = (bytes: Uint8Array | undefined): MemberPhoto['type'] | undefined =>
  !bytes
    ? undefined
    : magicBytesMatch('jpeg', bytes)
      ? 'jpeg'
      : magicBytesMatch('png', bytes)
        ? 'png'
        : undefined;

/**
 * A member's photos (issue 16): chosen from their dossier's image documents or uploaded with the intake's
 * checks (a presigned POST fixing key, type and size; then the object's size and magic bytes), and copied
 * under `members/` once chosen. Only those copies are ever served: the dossier's files stay private, and a
 * chosen copy cannot be overwritten through a still-valid upload policy.
 */
export function makeMemberPhotos(deps: { files: Files; dossiers: Pick<Dossiers, 'get'> }) {
  const { files } = deps;

  /** The dossier's image documents, as archived at submission. */
  async function dossierImages(m: MemberProfile): Promise<StoredDocument[]> {
    const d = await deps.dossiers.get(m.dossierId);
    return Object.values(d?.documents ?? {}).filter((doc) => doc.archivedKey);
  }

  /** Checks an object (exists, size, an image by its first bytes) and copies it to the member's photos. */
  async function adopt(from: string, m: MemberProfile, id: string, name: Text): Promise<MemberPhoto> {
    const [head, bytes] = await files.headAndStart(from);
    if (!head) throw photoRefusal(PROFILE_PHOTOS.unknown);
    if (head.size === 0) throw photoRefusal(about(PROFILE_PHOTOS.empty, name));
    if (head.size > PROFILE_LIMITS.photoBytes) throw photoRefusal(about(PROFILE_PHOTOS.tooLarge, name, MB));
    const type = imageTypeOf(bytes);
    if (!type) throw photoRefusal(about(PROFILE_PHOTOS.notImage, name));
    await files.copy(from, memberPhotoKey(m.slug, id));
    return { id, type };
  }

  const withName = (doc: StoredDocument | undefined) => (doc ? { name: doc.name } : {});

  return {
    /** A presigned POST for one new photo: an image of at most 5 MB, under this member's upload key. */
    async requestUpload(
      m: MemberProfile,
      input: { fileName: string; contentType: string; size: number },
    ): Promise<{ fileId: string; upload: PresignedUpload }> {
      const type = fileTypeOf(input.contentType);
      if (type !== 'jpeg' && type !== 'png')
        throw refuse(
          'contentType',
          PROFILE_FIELDS.contentType,
          textOf(PROFILE_PHOTOS.notImage, input.fileName),
        );
      if (input.size > PROFILE_LIMITS.photoBytes)
        throw refuse('size', PROFILE_FIELDS.size, textOf(PROFILE_PHOTOS.tooLarge, input.fileName, MB));
      if (input.size === 0)
        throw refuse('size', PROFILE_FIELDS.size, textOf(PROFILE_PHOTOS.empty, input.fileName));
      const fileId = randomUUID();
      const upload = await files.presignUpload({
        key: memberUploadKey(m.slug, fileId),
        contentType: MIME_BY_TYPE[type],
        maxBytes: PROFILE_LIMITS.photoBytes,
        expiresSeconds: UPLOAD_URL_SECONDS,
      });
      return { fileId, upload };
    },

    /** What the editing page offers: the current photos (ticked), then the dossier's images not chosen. */
    async choices(m: MemberProfile): Promise<PhotoChoice[]> {
      const images = (await dossierImages(m)).filter((doc) => doc.type === 'jpeg' || doc.type === 'png');
      const current = m.photos ?? [];
      const chosen = new Set(current.map((p) => p.id));
      return Promise.all([
        ...current.map(async (p) => ({
          id: p.id,
          ...withName(images.find((doc) => doc.fileId === p.id)),
          chosen: true,
          thumbnailUrl: await files.viewUrl(memberPhotoKey(m.slug, p.id), PHOTO_URL_SECONDS),
        })),
        ...images
          .filter((doc) => !chosen.has(doc.fileId))
          .map(async (doc) => ({
            id: doc.fileId,
            name: doc.name,
            chosen: false,
            thumbnailUrl: await files.viewUrl(doc.archivedKey!, PHOTO_URL_SECONDS),
          })),
      ]);
    },

    /**
     * The photos of the member's choice, in its order: each one already theirs, one of their dossier's
     * images, or an upload of theirs; anything else (not an image, too big, a file id that is no file of
     * theirs) is a 400 naming the photos field. New ones are checked and copied.
     */
    async resolve(m: MemberProfile, ids: readonly string[]): Promise<MemberPhoto[]> {
      const wanted = [...new Set(ids)];
      if (wanted.length > PROFILE_LIMITS.photos)
        throw photoRefusal(textOf(PROFILE_PHOTOS.tooMany, PROFILE_LIMITS.photos));
      if (!wanted.every(isPhotoId)) throw photoRefusal(PROFILE_PHOTOS.unknown);
      const current = new Map((m.photos ?? []).map((p) => [p.id, p]));
      const fresh = wanted.filter((id) => !current.has(id));
      const documents = fresh.length ? await dossierImages(m) : [];
      const adopted = await Promise.all(
        fresh.map((id) => {
          const doc = documents.find((d) => d.fileId === id);
          if (!doc) return adopt(memberUploadKey(m.slug, id), m, id, PROFILE_PHOTOS.newPhoto);
          if (doc.type !== 'jpeg' && doc.type !== 'png')
            throw photoRefusal(textOf(PROFILE_PHOTOS.notImage, doc.name));
          return adopt(doc.archivedKey!, m, id, named(doc.name));
        }),
      );
      const added = new Map(adopted.map((p) => [p.id, p]));
      return wanted.map((id) => current.get(id) ?? added.get(id)!);
    },

    /** A presigned GET of one of the member's chosen photos; undefined for any other id. */
    async url(m: MemberProfile, photoId: string): Promise<string | undefined> {
      if (!m.photos?.some((p) => p.id === photoId)) return undefined;
      return files.viewUrl(memberPhotoKey(m.slug, photoId), PHOTO_URL_SECONDS);
    },
  };
}

export type MemberPhotos = ReturnType<typeof makeMemberPhotos>;
