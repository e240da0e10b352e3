import type { Staff } from '../adapters/dynamodb/staff.ts';
import { ConditionFailed } from '../adapters/dynamodb/store.ts';
import { ConflictError, invalidFields, NotFoundError } from '../domain/errors.ts';
import type { Round } from '../domain/round.ts';
import { hasRole, normalizeEmail, type StaffMember, type StaffRole } from '../domain/staff.ts';
import type { Clock } from '../domain/time.ts';
import { ADMIN_ERRORS, ADMIN_ISSUE_FIELDS, ADMIN_ISSUES } from '../i18n/messages/admin.ts';
import { logger } from '../observability.ts';

/** Who receives what, read from the staff items each time (a removed person gets nothing from then on). */
export function makeStaffDirectory(staff: Pick<Staff, 'list'>) {
  async function coordinators(): Promise<string[]> {
    return (await staff.list()).filter((m) => hasRole(m, 'coordinator')).map((m) => m.email);
  }
  return {
    coordinators,
    /**
     * The round's reviewer pool, less anyone no longer a reviewer. An empty pool falls back to the
     * coordinators, so a dossier never waits for nobody.
     */
    async reviewersFor(round: Pick<Round, 'reviewers'> | undefined): Promise<string[]> {
      const members = await staff.list();
      const reviewers = new Set(members.filter((m) => hasRole(m, 'reviewer')).map((m) => m.email));
      const pool = (round?.reviewers ?? []).filter((e) => reviewers.has(e));
      if (pool.length) return pool;
      logger.warn('Round has no reviewer left in its pool: review emails go to the coordinators');
      return members.filter((m) => hasRole(m, 'coordinator')).map((m) => m.email);
    },
  };
}

export type StaffDirectory = ReturnType<typeof makeStaffDirectory>;

const lastCoordinator = () => new ConflictError(ADMIN_ERRORS.lastCoordinator);

/** Coordinators add, change and remove staff on `/admin/staff`; each change is in the staff audit trail. */
export function makeStaffAdmin(deps: { staff: Staff; clock: Clock }) {
  const { staff, clock } = deps;

  async function otherCoordinators(email: string): Promise<number> {
    return (await staff.list()).filter((m) => m.email !== email && hasRole(m, 'coordinator')).length;
  }

  return {
    list: () => staff.list(),
    auditTrail: () => staff.auditTrail(),

    /** Adds a person, or sets the roles of one already there. */
    async save(input: { email: string; name: string; roles: readonly StaffRole[] }, by: string) {
      const email = normalizeEmail(input.email);
      if (!input.roles.length)
        throw invalidFields({
          path: 'roles',
          field: ADMIN_ISSUE_FIELDS.roles,
          message: ADMIN_ISSUES.chooseRole,
        });
      const existing = await staff.get(email);
      if (existing && hasRole(existing, 'coordinator') && !input.roles.includes('coordinator')) {
        if (!(await otherCoordinators(email))) throw lastCoordinator();
      }
      const at = clock().toISOString();
      const member: StaffMember = {
        email,
        name: input.name || existing?.name || '',
        roles: [...new Set(input.roles)],
        addedAt: existing?.addedAt ?? at,
        addedBy: existing?.addedBy ?? by,
      };
      await staff.put(member, {
        at,
        by,
        action: existing ? 'change-staff' : 'add-staff',
        email,
        roles: member.roles,
      });
      logger.info('Staff saved', { email, roles: member.roles, by });
      return member;
    },

    /** Removes a person: their sessions and links stop working at their next use. */
    async remove(emailInput: string, by: string): Promise<void> {
      const email = normalizeEmail(emailInput);
      const existing = await staff.get(email);
      if (!existing) throw new NotFoundError(ADMIN_ERRORS.noSuchStaff);
      if (hasRole(existing, 'coordinator') && !(await otherCoordinators(email))) throw lastCoordinator();
      try {
        await staff.remove(email, {
          at: clock().toISOString(),
          by,
          action: 'remove-staff',
          email,
          roles: [],
        });
      } catch (err) {
        if (!(err instanceof ConditionFailed)) throw err;
      }
      logger.info('Staff removed', { email, by });
    },
  };
}

export type StaffAdmin = ReturnType<typeof makeStaffAdmin>;
