import {
  $add,
  $remove,
  $set,
  GetItemCommand,
  PutTransaction,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox';
import {
  type HiddenNote,
  type MemberPhoto,
  type MemberProfile,
  type ProfileEdit,
  slugCandidate,
} from '../../domain/directory.ts';
import { fold } from '../../domain/text.ts';
import type { Text } from '../../i18n/lang.ts';
import { directoryKeys } from './entities/member.ts';
import { auditSortKey } from './keys.ts';
import { ConditionFailed, type Store } from './store.ts';

/** How many slugs are tried for one name before giving up (`-2` … `-20`). */
const SLUG_ATTEMPTS = 20;

/** BatchGetItem takes 100 keys a request: the directory's certificate reads go in parallel chunks of these. */
const BATCH = 100;

/**
 * Members' public profiles (see `entities/member.ts`): made once per dossier, read by slug, by dossier and
 * by the representative's address, listed for the directory, edited by the member, hidden by a coordinator.
 */
export class Members {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  async get(slug: string): Promise<MemberProfile | undefined> {
    const { Item } = await this.e.member.build(GetItemCommand).key({ slug }).send();
    return Item ? asProfile(Item) : undefined;
  }

  /** Consistent: the profile a member edits, read right after a save. */
  async getConsistent(slug: string): Promise<MemberProfile | undefined> {
    const { Item } = await this.e.member
      .build(GetItemCommand)
      .key({ slug })
      .options({ consistent: true })
      .send();
    return Item ? asProfile(Item) : undefined;
  }

  /** The directory's version now (consistent): 0 before any change. */
  async version(): Promise<number> {
    const { Item } = await this.e.directoryVersion
      .build(GetItemCommand)
      .key({})
      .options({ consistent: true })
      .send();
    return Item?.version ?? 0;
  }

  /** Moves the directory's version up, after a change of what it shows is stored. */
  async changed(): Promise<void> {
    await this.e.directoryVersion
      .build(UpdateItemCommand)
      .item({ version: $add(1) })
      .send();
  }

  async slugOfDossier(dossierId: string): Promise<string | undefined> {
    const { Item } = await this.e.memberPointer
      .build(GetItemCommand)
      .key({ dossierId })
      .options({ consistent: true })
      .send();
    return Item?.slug;
  }

  /** The slugs of the profiles whose representative has this address (lower case). */
  async slugsOfEmail(email: string): Promise<string[]> {
    const { Items = [] } = await this.e.membersOfEmail
      .query({ email: email.toLowerCase() })
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.map((i) => i.slug);
  }

  /**
   * Creates a dossier's profile once: the profile under the first free slug of `baseSlug`, the dossier's
   * pointer and the address lookup in one transaction. Returns the profile's slug, a retry's included.
   */
  async create(profile: Omit<MemberProfile, 'slug'>, baseSlug: string): Promise<string> {
    for (let attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
      const slug = slugCandidate(baseSlug, attempt);
      try {
        await this.store.transact([
          this.e.member
            .build(PutTransaction)
            .item({ ...toItem(profile), slug, sortName: fold(profile.name) })
            .options({ condition: { attr: 'slug', exists: false } }),
          this.e.memberPointer
            .build(PutTransaction)
            .item({ dossierId: profile.dossierId, slug })
            .options({ condition: { attr: 'slug', exists: false } }),
          this.e.memberEmail.build(PutTransaction).item({ email: profile.email.toLowerCase(), slug }),
        ]);
        await this.changed();
        return slug;
      } catch (err) {
        if (!(err instanceof ConditionFailed)) throw err;
        // The dossier has its profile already (a retried step): that one.
        const existing = await this.slugOfDossier(profile.dossierId);
        if (existing) return existing;
        // Otherwise the slug is another space's: the next one.
      }
    }
    throw new Error(`No free slug for ${baseSlug} after ${SLUG_ATTEMPTS} tries`);
  }

  /** Every shown profile (not hidden), by folded name. */
  async listed(): Promise<MemberProfile[]> {
    const { Items = [] } = await this.e.listedMembers
      .query({ hidden: 'no' })
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.map(asProfile);
  }

  /** The profiles a coordinator hid, by folded name. */
  async hiddenOnes(): Promise<MemberProfile[]> {
    const { Items = [] } = await this.e.listedMembers
      .query({ hidden: 'yes' })
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.map(asProfile);
  }

  /**
   * Of these certificates, the ids of those that are valid now (strongly consistent reads, in parallel
   * batches): a revocation takes the member out of the directory on the very next request.
   */
  async validCertificates(ids: readonly string[]): Promise<Set<string>> {
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += BATCH) chunks.push(ids.slice(i, i + BATCH));
    const found = await Promise.all(
      chunks.map((chunk) =>
        this.store.getMany(
          this.e.certificate,
          chunk.map((id) => ({ id })),
        ),
      ),
    );
    return new Set(
      found
        .flat()
        .filter((c) => c.status === 'valid')
        .map((c) => c.id),
    );
  }

  /** Saves what the member edited (only if the profile exists); `undefined` fields are removed. */
  async saveEdit(slug: string, edit: ProfileEdit, at: string): Promise<void> {
    const value = <T>(v: T | undefined) => (v === undefined ? $remove() : v);
    await this.store.conditionally(
      this.e.member
        .build(UpdateItemCommand)
        .item({
          slug,
          descriptionVi: edit.descriptionVi,
          descriptionEn: value(edit.descriptionEn),
          website: value(edit.website),
          socialLinks: [...edit.socialLinks],
          openingHours: value(edit.openingHours),
          lat: value(edit.pin?.lat),
          lng: value(edit.pin?.lng),
          // Set whole: an object list would otherwise be updated element by element (paths not yet there).
          photos: edit.photos?.length ? $set(edit.photos.map((p) => ({ ...p }))) : $remove(),
          updatedAt: at,
        })
        .options({ condition: { attr: 'slug', exists: true } }),
    );
    await this.changed();
  }

  /**
   * Hides a profile (`note`) or shows it again (`undefined`), with the event in the dossier's audit trail,
   * in one transaction. False when the profile is absent or already in that state.
   */
  async setHidden(
    m: Pick<MemberProfile, 'slug' | 'dossierId'>,
    note: HiddenNote | undefined,
    audit: { at: string; by: string; reason?: string; note: Text },
  ): Promise<boolean> {
    // The index keys move with `hidden`, given here: toolbox computes linked keys on puts only.
    const current = await this.getConsistent(m.slug);
    if (!current || Boolean(current.hidden) === Boolean(note)) return false;
    const sortName = fold(current.name);
    try {
      await this.store.transact([
        this.e.member
          .build(UpdateTransaction)
          .item({
            slug: m.slug,
            hiddenAt: note?.at ?? $remove(),
            hiddenBy: note?.by ?? $remove(),
            hiddenReason: note?.reason ?? $remove(),
            ...directoryKeys({ hiddenAt: note?.at, sortName, slug: m.slug }),
            updatedAt: audit.at,
          })
          .options({
            condition: note
              ? {
                  and: [
                    { attr: 'slug', exists: true },
                    { attr: 'hiddenAt', exists: false },
                  ],
                }
              : { attr: 'hiddenAt', exists: true },
          }),
        this.e.audit.build(PutTransaction).item({
          dossierId: m.dossierId,
          sk: auditSortKey(audit.at, 'm'),
          at: audit.at,
          by: audit.by,
          action: note ? 'member_hidden' : 'member_shown',
          // A remark on the approved dossier (a member is one): the trail shows its note and who acted.
          from: 'approved',
          to: 'approved',
          note: audit.note,
          ...(audit.reason ? { reason: audit.reason } : {}),
        }),
      ]);
      await this.changed();
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }
}

type StoredMember = Omit<MemberProfile, 'pin' | 'hidden' | 'photos'> & {
  readonly photos?: MemberPhoto[];
  readonly lat?: number;
  readonly lng?: number;
  readonly hiddenAt?: string;
  readonly hiddenBy?: string;
  readonly hiddenReason?: string;
  readonly sortName?: string;
};

/** A profile as stored: its pin and hiding note as plain attributes. */
function toItem(p: Omit<MemberProfile, 'slug'>): Omit<StoredMember, 'slug'> {
  const { pin, hidden, photos, ...rest } = p;
  return {
    ...rest,
    ...(photos?.length ? { photos: photos.map((ph) => ({ ...ph })) } : {}),
    ...(pin ? { lat: pin.lat, lng: pin.lng } : {}),
    ...(hidden ? { hiddenAt: hidden.at, hiddenBy: hidden.by, hiddenReason: hidden.reason } : {}),
  };
}

/** A stored profile as the domain reads it. */
function asProfile(item: StoredMember): MemberProfile {
  const { sortName: _sort, lat, lng, hiddenAt, hiddenBy, hiddenReason, ...rest } = item;
  return {
    ...rest,
    ...(lat !== undefined && lng !== undefined ? { pin: { lat, lng } } : {}),
    ...(hiddenAt ? { hidden: { at: hiddenAt, by: hiddenBy ?? '', reason: hiddenReason ?? '' } } : {}),
  };
}
