import { any, Entity, EntityAccessPattern, item, list, map, number, prefix, string } from 'dynamodb-toolbox';
import type { CreativeField } from '../../../domain/directory.ts';
import { type HcsnTable, PLAIN } from './table.ts';

/** The directory's partition of gsi1: shown members, and hidden ones apart (a coordinator's list). */
const LISTED = 'MEMBERS';
const HIDDEN = 'MEMBERS#hidden';

/**
 * The directory's index keys of a profile: written by a put through the links below, and given as they are
 * by an update that hides or shows it (toolbox links keys on puts only).
 */
export const directoryKeys = (p: { hiddenAt?: unknown; sortName: string; slug: string }) => ({
  gsi1pk: p.hiddenAt ? HIDDEN : LISTED,
  gsi1sk: `${p.sortName}#${p.slug}`,
});

/**
 * Members' public profiles (`MEMBER#<slug>`), each dossier's pointer to its profile (`DOSSIER#<id>` /
 * `MEMBER`) and the sign-in lookup by address (`MEMBERMAIL#<email>` / `<slug>`). Access patterns: by
 * slug, by dossier, by address, and the directory (gsi1 `MEMBERS`, by folded name).
 */
export function memberEntities(table: HcsnTable) {
  const member = new Entity({
    name: 'member',
    table,
    schema: item({
      slug: string().key(),
      dossierId: string(),
      certificateId: string(),
      email: string(),
      name: string(),
      nameEn: string().optional(),
      fields: any().castAs<readonly CreativeField[]>(),
      wardCode: string(),
      street: string().optional(),
      descriptionVi: string(),
      descriptionEn: string().optional(),
      website: string().optional(),
      socialLinks: any().castAs<readonly string[]>(),
      openingHours: string().optional(),
      // The pin and the hiding note as plain attributes: a whole value set or removed by one update.
      lat: number().optional(),
      lng: number().optional(),
      // The member's chosen photos, in their order (issue 16): a whole list set or removed by one update.
      photos: list(map({ id: string(), type: string().enum('jpeg', 'png') })).optional(),
      hiddenAt: string().optional(),
      hiddenBy: string().optional(),
      hiddenReason: string().optional(),
      // The folded name the directory is ordered by (set by the adapter from `name`).
      sortName: string(),
      createdAt: string(),
      updatedAt: string(),
    }).and((s) => ({
      // A hidden profile leaves the directory's partition for its own: the list never reads it.
      gsi1pk: string()
        .hidden()
        .link<typeof s>((p) => directoryKeys(p).gsi1pk),
      gsi1sk: string()
        .hidden()
        .link<typeof s>((p) => directoryKeys(p).gsi1sk),
    })),
    computeKey: ({ slug }) => ({ pk: `MEMBER#${slug}`, sk: 'MEMBER' }),
    ...PLAIN,
  });
  const memberEmail = new Entity({
    name: 'member-email',
    table,
    schema: item({
      email: string().key().savedAs('pk').transform(prefix('MEMBERMAIL')).hidden(),
      slug: string().key().savedAs('sk'),
    }),
    ...PLAIN,
  });
  return {
    member,
    /** `DOSSIER#<id>` / `MEMBER`: makes the profile of a dossier once, whatever the retries. */
    memberPointer: new Entity({
      name: 'member-pointer',
      table,
      schema: item({
        dossierId: string().key().savedAs('pk').transform(prefix('DOSSIER')).hidden(),
        sk: string().key().const('MEMBER').hidden(),
        slug: string(),
      }),
      ...PLAIN,
    }),
    memberEmail,
    /**
     * `DIRECTORY` / `VERSION`: moved up by every change of what the directory shows (a profile made, edited,
     * hidden; a certificate revoked), so a function may keep the list in memory while the number stands.
     */
    directoryVersion: new Entity({
      name: 'directory-version',
      table,
      schema: item({
        pk: string().key().const('DIRECTORY').hidden(),
        sk: string().key().const('VERSION').hidden(),
        version: number().optional(),
      }),
      ...PLAIN,
    }),
    /** The directory: every shown profile, by folded name. */
    listedMembers: member
      .build(EntityAccessPattern)
      .schema(item({ hidden: string().enum('no', 'yes') }))
      .pattern(({ hidden }) => ({ index: 'gsi1', partition: hidden === 'yes' ? HIDDEN : LISTED })),
    /** The profiles whose representative has this address. */
    membersOfEmail: memberEmail
      .build(EntityAccessPattern)
      .schema(item({ email: string() }))
      .pattern(({ email }) => ({ partition: `MEMBERMAIL#${email}` })),
  };
}
