import type { Links } from '../adapters/dynamodb/links.ts';
import type { Members } from '../adapters/dynamodb/members.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import { verifyUrlOf } from '../domain/certificate.ts';
import {
  byName,
  type DirectoryFilter,
  filterMembers,
  isInHanoi,
  isSlug,
  type MemberProfile,
  type ProfileEdit,
  slugOf,
} from '../domain/directory.ts';
import type { Dossier } from '../domain/dossier.ts';
import { ForbiddenError, invalidFields, NotFoundError } from '../domain/errors.ts';
import { searchKeyOf } from '../domain/former-units.ts';
import type { Link } from '../domain/links.ts';
import type { RateLimiter } from '../domain/rate-limits.ts';
import { type Clock, formatIct } from '../domain/time.ts';
import { textOf } from '../i18n/catalog.ts';
import type { Text } from '../i18n/lang.ts';
import { DIRECTORY_ERRORS, MEMBER_ADMIN, PROFILE_FIELDS } from '../i18n/messages/directory.ts';
import { CREATIVE_FIELD_LABELS } from '../i18n/messages/form.ts';
import { MEMBERS_PAGE } from '../i18n/messages/member-admin.ts';
import { profileLinkEmail } from '../mail/directory-emails.tsx';
import { countMetric, logger } from '../observability.ts';
import type { MemberPhotos, PhotoChoice } from './member-photos.ts';

/** Cards on one page of the directory (filters and search run over every member). */
export const DIRECTORY_PAGE_SIZE = 24;
/** The longest the directory's list is kept in memory, whatever its version says (a missed version move). */
const CACHE_MAX_MS = 60_000;
/** How long a profile editing link works: several saves within it, like the supplement link. */
export const PROFILE_LINK_SECONDS = 24 * 3600;

/** A member as the directory shows it: the profile and its certificate's public verification page. */
export interface MemberCard extends MemberProfile {
  readonly verifyUrl: string;
}

export interface DirectoryPage {
  readonly members: readonly MemberCard[];
  /** Members shown in the directory (valid certificate, not hidden). */
  readonly total: number;
  /** Of those, the ones the filter keeps. */
  readonly matched: number;
  readonly page: number;
  readonly pages: number;
  /** The wards and fields the shown members are in: the filters' choices. */
  readonly wards: readonly string[];
  readonly fields: readonly string[];
  /** With the map: every member the filter keeps that has a pin (all pages', not this page's alone). */
  readonly pins?: readonly MapMarker[];
}

/** A marker of the directory's map: the member's own pin and their page. */
export interface MapMarker {
  readonly slug: string;
  readonly name: string;
  readonly nameEn?: string;
  readonly lat: number;
  readonly lng: number;
}

/** What the editing page shows: the member's profile and until when the link works. */
export interface ProfileEditView {
  readonly member: MemberCard;
  readonly until: Date;
  /** The photos the member may choose (theirs, then their dossier's images); none without storage. */
  readonly photos: readonly PhotoChoice[];
}

export interface DirectoryDeps {
  readonly members: Members;
  readonly links: Links;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  /** Sign-in emails per address and requests per client. */
  readonly limiter?: Pick<RateLimiter, 'enforce'>;
  /** The members' photos (the bucket); absent, profiles have none to choose. */
  readonly photos?: MemberPhotos;
}

// Search keys folded once per profile version: a warm function answers a search by comparing strings.
const searchKeys = new Map<string, string>();
const FIELD_WORDS = Object.fromEntries(
  Object.entries(CREATIVE_FIELD_LABELS).map(([k, t]) => [k, [t.vi, t.en]]),
) as Record<string, string[]>;
function keyOf(m: MemberProfile): string {
  const id = `${m.slug}#${m.updatedAt}`;
  let key = searchKeys.get(id);
  if (key === undefined) {
    key = searchKeyOf(
      m,
      m.fields.flatMap((f) => FIELD_WORDS[f] ?? []),
    );
    if (searchKeys.size > 20_000) searchKeys.clear();
    searchKeys.set(id, key);
  }
  return key;
}

const unknownMember = () => new NotFoundError(DIRECTORY_ERRORS.unknownMember);

const markerOf = (m: MemberProfile): MapMarker[] =>
  m.pin
    ? [
        {
          slug: m.slug,
          name: m.name,
          ...(m.nameEn ? { nameEn: m.nameEn } : {}),
          lat: m.pin.lat,
          lng: m.pin.lng,
        },
      ]
    : [];

/**
 * The public directory (`/thanh-vien`) and members' own edits through an emailed link. A member is shown
 * while its certificate is valid (read on every request, never cached: a revocation shows at once) and no
 * coordinator has hidden it.
 */
export function makeDirectory(deps: DirectoryDeps) {
  const { members, links, clock } = deps;
  const card = (m: MemberProfile): MemberCard => ({
    ...m,
    verifyUrl: verifyUrlOf(deps.publicBaseUrl, m.certificateId),
  });

  /**
   * Every member the public sees, by name. Reading 1,000 profiles and their certificates takes longer than a
   * page may, so the list is kept in memory while the directory's version stands: every change of what it
   * shows (a profile made, edited or hidden, a certificate revoked) moves the version up after it is
   * stored, and the next request reads everything again. The version is read before the list, so a change
   * during a reload makes the next request reload too.
   */
  let cache: { version: number; at: number; members: MemberProfile[] } | undefined;
  async function shown(): Promise<MemberProfile[]> {
    const version = await members.version();
    const now = clock().getTime();
    if (cache && cache.version === version && now - cache.at < CACHE_MAX_MS) return cache.members;
    const listed = await members.listed();
    const valid = await members.validCertificates(listed.map((m) => m.certificateId));
    const fresh = listed.filter((m) => valid.has(m.certificateId)).sort(byName);
    cache = { version, at: now, members: fresh };
    return fresh;
  }

  /** A profile the public may see (valid certificate, not hidden). */
  async function visible(slug: string): Promise<MemberProfile> {
    const m = isSlug(slug) ? await members.get(slug) : undefined;
    if (!m || m.hidden) throw unknownMember();
    const valid = await members.validCertificates([m.certificateId]);
    if (!valid.has(m.certificateId)) throw unknownMember();
    return m;
  }

  /** The link's member, while the link is good and the member still one; else why not (403). */
  async function memberOfLink(
    linkId: string,
    secret: string | undefined,
  ): Promise<{ link: Link; m: MemberProfile }> {
    const check = await links.inspect('profile', linkId, secret, clock());
    if (check.kind === 'expired') throw new ForbiddenError(DIRECTORY_ERRORS.linkExpired);
    // Never consumed, so never `used`; anything else is one refusal.
    if (check.kind !== 'ok') throw new ForbiddenError(DIRECTORY_ERRORS.linkRefused);
    const slug = String(check.link.data?.slug ?? '');
    const m = isSlug(slug) ? await members.getConsistent(slug) : undefined;
    // Bound to the dossier and the person it was sent to.
    if (!m || m.dossierId !== check.link.dossierId || m.email !== check.link.person)
      throw new ForbiddenError(DIRECTORY_ERRORS.linkRefused);
    const valid = await members.validCertificates([m.certificateId]);
    if (!valid.has(m.certificateId)) throw new ForbiddenError(DIRECTORY_ERRORS.notMember);
    return { link: check.link, m };
  }

  return {
    /**
     * One page of the directory under a filter; filters and search run over every shown member. With
     * `pins`, the map's markers of every member the filter keeps.
     */
    async list(filter: DirectoryFilter, page = 1, options: { pins?: boolean } = {}): Promise<DirectoryPage> {
      const all = await shown();
      const matched = filterMembers(all, filter, keyOf);
      const pages = Math.max(1, Math.ceil(matched.length / DIRECTORY_PAGE_SIZE));
      const current = Math.min(Math.max(1, page), pages);
      const start = (current - 1) * DIRECTORY_PAGE_SIZE;
      return {
        members: matched.slice(start, start + DIRECTORY_PAGE_SIZE).map(card),
        total: all.length,
        matched: matched.length,
        page: current,
        pages,
        wards: [...new Set(all.map((m) => m.wardCode))],
        fields: [...new Set(all.flatMap((m) => m.fields))],
        ...(options.pins ? { pins: matched.flatMap(markerOf) } : {}),
      };
    },

    async profile(slug: string): Promise<MemberCard> {
      return card(await visible(slug));
    },

    /** Where one of a shown member's chosen photos is (a presigned GET); a 404 for anything else. */
    async photoUrl(slug: string, photoId: string): Promise<string> {
      const url = await deps.photos?.url(await visible(slug), photoId);
      if (!url) throw new NotFoundError(DIRECTORY_ERRORS.unknownPhoto);
      return url;
    },

    /** A presigned POST for a new photo, behind the editing link (checked as a save is). */
    async requestPhotoUpload(
      linkId: string,
      secret: string | undefined,
      input: { fileName: string; contentType: string; size: number },
    ) {
      const { m } = await memberOfLink(linkId, secret);
      if (!deps.photos) throw new NotFoundError(DIRECTORY_ERRORS.unknownPhoto);
      return deps.photos.requestUpload(m, input);
    },

    /**
     * Emails an editing link to each member profile of this address whose certificate is valid. The answer
     * is the same whether or not the address is a member's (nothing to learn from it); limited per address
     * and per client.
     */
    async requestEditLink(email: string, clientIp: string): Promise<void> {
      const address = email.trim().toLowerCase();
      await deps.limiter?.enforce(
        { policy: 'resumePerIp', scope: 'profile-ip', key: clientIp },
        { policy: 'mailPerAddress', scope: 'profile-mail', key: address },
      );
      const slugs = await members.slugsOfEmail(address);
      const now = clock();
      const expiresAt = Math.floor(now.getTime() / 1000) + PROFILE_LINK_SECONDS;
      for (const slug of slugs) {
        const m = await members.getConsistent(slug);
        if (!m || m.email !== address) continue;
        const valid = await members.validCertificates([m.certificateId]);
        if (!valid.has(m.certificateId)) continue;
        const { linkId, secret } = await links.issue({
          purpose: 'profile',
          dossierId: m.dossierId,
          person: m.email,
          expiresAt,
          createdAt: now.toISOString(),
          data: { slug: m.slug },
        });
        await deps.mailer.send(
          profileLinkEmail(
            m,
            `${deps.publicBaseUrl}/thanh-vien/profile/${linkId}?s=${secret}`,
            formatIct(expiresAt * 1000),
          ),
        );
        countMetric('EmailSent');
      }
      logger.info('Profile editing links requested', { profiles: slugs.length });
    },

    /** GET of the editing link: shows the form, changes nothing (link scanners fetch it). */
    async openEdit(linkId: string, secret: string | undefined): Promise<ProfileEditView> {
      const { link, m } = await memberOfLink(linkId, secret);
      return {
        member: card(m),
        until: new Date(link.expiresAt * 1000),
        photos: (await deps.photos?.choices(m)) ?? [],
      };
    },

    /** POST of the editing link: saves the profile; the link stays good for more saves until it expires. */
    async saveEdit(
      linkId: string,
      secret: string | undefined,
      edit: Omit<ProfileEdit, 'photos'> & { readonly photoIds?: readonly string[] },
    ): Promise<ProfileEditView> {
      if (edit.pin && !isInHanoi(edit.pin))
        throw invalidFields({ path: 'lat', field: PROFILE_FIELDS.lat, message: PROFILE_FIELDS.pinOutside });
      const { link, m } = await memberOfLink(linkId, secret);
      const { photoIds = [], ...rest } = edit;
      // The ticked photos, checked (and new ones copied) before anything is saved.
      const photos = deps.photos ? await deps.photos.resolve(m, photoIds) : m.photos;
      await members.saveEdit(m.slug, { ...rest, photos }, clock().toISOString());
      const saved = await members.getConsistent(m.slug);
      if (!saved) throw unknownMember();
      return {
        member: card(saved),
        until: new Date(link.expiresAt * 1000),
        photos: (await deps.photos?.choices(saved)) ?? [],
      };
    },
  };
}

export type Directory = ReturnType<typeof makeDirectory>;

/**
 * A member's profile, made from the approved dossier when its certificate is issued (NotifyApproved): the
 * space's name, fields, ward, street, description, website and social links as submitted. Made once per
 * dossier; a retried step finds it.
 */
export function makeMemberProfiles(deps: { members: Members; clock: Clock }) {
  return {
    async ensureFor(d: Omit<Dossier, 'history'>, certificateId: string): Promise<string> {
      const existing = await deps.members.slugOfDossier(d.id);
      if (existing) return existing;
      const s = d.form.space;
      const at = deps.clock().toISOString();
      return deps.members.create(
        {
          dossierId: d.id,
          certificateId,
          email: d.form.representative.email.toLowerCase(),
          name: s.nameVi,
          ...(s.nameEn ? { nameEn: s.nameEn } : {}),
          fields: s.creativeFields ?? [],
          wardCode: s.wardCode ?? '',
          ...(s.street ? { street: s.street } : {}),
          descriptionVi: s.description ?? '',
          ...(s.website ? { website: s.website } : {}),
          socialLinks: s.socialLinks ?? [],
          createdAt: at,
          updatedAt: at,
        },
        slugOf(s.nameVi),
      );
    },
  };
}

/** A coordinator's hiding of a profile (reason required, audited on the dossier) and showing it again. */
export function makeMemberModeration(deps: { members: Members; clock: Clock }) {
  /**
   * Hides (`hide`) or shows a profile: the reason is required (at least 3 characters, a 400 naming the
   * field), and it goes with the coordinator into the dossier's audit trail.
   */
  async function moderate(
    slug: string,
    input: { reason: string; by: string; hide: boolean },
    words: { field: Text; required: Text; note: (reason: string) => Text },
  ): Promise<{ member: MemberProfile; changed: boolean }> {
    const text = input.reason.normalize('NFC').trim();
    if (text.length < 3) throw invalidFields({ path: 'reason', field: words.field, message: words.required });
    const m = isSlug(slug) ? await deps.members.getConsistent(slug) : undefined;
    if (!m) throw unknownMember();
    const at = deps.clock().toISOString();
    const audit = { at, by: input.by, reason: text, note: words.note(text) };
    const changed = await deps.members.setHidden(
      m,
      input.hide ? { at, by: input.by, reason: text } : undefined,
      audit,
    );
    return { member: (await deps.members.getConsistent(slug)) ?? m, changed };
  }
  return {
    hide: (slug: string, reason: string, by: string) =>
      moderate(
        slug,
        { reason, by, hide: true },
        {
          field: PROFILE_FIELDS.reason,
          required: PROFILE_FIELDS.reasonRequired,
          note: (t) => textOf(MEMBER_ADMIN.hiddenNote, t),
        },
      ),
    /** Shows a hidden profile again; the reason and the coordinator go into the dossier's audit trail. */
    show: (slug: string, reason: string, by: string) =>
      moderate(
        slug,
        { reason, by, hide: false },
        {
          field: MEMBERS_PAGE.showReason,
          required: MEMBERS_PAGE.reasonRequired,
          note: (t) => textOf(MEMBERS_PAGE.shownNote, t),
        },
      ),
    /** The profile of a dossier, if it has one (the admin dossier page). */
    async ofDossier(dossierId: string): Promise<MemberProfile | undefined> {
      const slug = await deps.members.slugOfDossier(dossierId);
      return slug ? deps.members.getConsistent(slug) : undefined;
    },
  };
}
