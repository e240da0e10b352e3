import { any, Entity, EntityAccessPattern, item, number, prefix, string } from 'dynamodb-toolbox';
import type { StaffRole } from '../../../domain/staff.ts';
import { type HcsnTable, PLAIN } from './table.ts';

/** The Centre's staff (`STAFF#<email>`, listed in gsi1 `STAFF`), their audit trail and the bootstrap mark. */
export function staffEntities(table: HcsnTable) {
  const staff = new Entity({
    name: 'staff',
    table,
    schema: item({
      email: string().key(),
      name: string(),
      roles: any().castAs<readonly StaffRole[]>(),
      addedAt: string(),
      addedBy: string(),
    }).and((s) => ({
      gsi1pk: string().const('STAFF').hidden(),
      gsi1sk: string()
        .hidden()
        .link<typeof s>(({ email }) => email),
    })),
    computeKey: ({ email }) => ({ pk: `STAFF#${email}`, sk: 'STAFF' }),
    ...PLAIN,
  });
  /** A change to the staff list: `STAFFAUDIT` / `AUDIT#<at>#<email>`. */
  const staffAudit = new Entity({
    name: 'staff-audit',
    table,
    schema: item({
      pk: string().key().const('STAFFAUDIT').hidden(),
      at: string().key(),
      email: string().key(),
      by: string(),
      action: string().enum('add-staff', 'change-staff', 'remove-staff', 'bootstrap'),
      roles: any().castAs<readonly StaffRole[]>(),
    }).and((s) => ({
      sk: string()
        .key()
        .hidden()
        .link<typeof s>(({ at, email }) => `AUDIT#${at}#${email}`),
    })),
    ...PLAIN,
  });
  return {
    staff,
    allStaff: staff
      .build(EntityAccessPattern)
      .schema(item({}))
      .pattern(() => ({ index: 'gsi1', partition: 'STAFF' })),

    staffAudit,
    /** Who changed the staff list, newest first. */
    staffAuditTrail: staffAudit
      .build(EntityAccessPattern)
      .schema(item({}))
      .pattern(() => ({
        partition: 'STAFFAUDIT',
        range: { beginsWith: 'AUDIT#' },
        options: { reverse: true },
      })),

    /** Marks that the deployment's first coordinator was made (once, whatever happens to them later). */
    bootstrap: new Entity({
      name: 'bootstrap',
      table,
      schema: item({
        pk: string().key().const('CONFIG').hidden(),
        sk: string().key().const('BOOTSTRAP').hidden(),
        email: string(),
        at: string(),
      }),
      ...PLAIN,
    }),

    /** A coordinator's session: keyed by the hash of its id, so a table export cannot be replayed. */
    session: new Entity({
      name: 'session',
      table,
      schema: item({
        idHash: string().key().savedAs('pk').transform(prefix('SESSION')).hidden(),
        sk: string().key().const('SESSION').hidden(),
        email: string(),
        createdAt: string(),
        /** Epoch seconds; also the table's TTL attribute. */
        expiresAt: number(),
      }),
      ...PLAIN,
    }),
  };
}
