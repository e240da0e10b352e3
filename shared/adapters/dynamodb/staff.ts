import type { StaffAuditEntry, StaffMember } from '../../domain/staff.ts';
import { ConditionFailed, type Store } from './store.ts';

const staffKey = (email: string) => ({ pk: `STAFF#${email}`, sk: 'STAFF' });
/** Marks that the deployment's first coordinator was created (once, whatever happens to them later). */
const BOOTSTRAP = { pk: 'CONFIG', sk: 'BOOTSTRAP' };
const AUDIT_PK = 'STAFFAUDIT';

type StaffItem = { pk: string; sk: string; gsi1pk: string; gsi1sk: string } & StaffMember;

const itemOf = (m: StaffMember): StaffItem => ({
  ...staffKey(m.email),
  gsi1pk: 'STAFF',
  gsi1sk: m.email,
  ...m,
});

const memberOf = ({ pk: _p, sk: _s, gsi1pk: _g, gsi1sk: _gs, ...m }: StaffItem): StaffMember => m;

const auditPut = (entry: StaffAuditEntry) => ({
  Put: {
    Item: { pk: AUDIT_PK, sk: `AUDIT#${entry.at}#${entry.email}`, ...entry },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** The Centre's staff (coordinators, reviewers): one item per person, listed through gsi1 `STAFF`. */
export class Staff {
  constructor(private readonly store: Store) {}

  async get(email: string): Promise<StaffMember | undefined> {
    const item = await this.store.get<StaffItem>(staffKey(email).pk, staffKey(email).sk);
    return item && memberOf(item);
  }

  async list(): Promise<StaffMember[]> {
    const out: StaffMember[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.store.queryIndex<StaffItem>('gsi1', 'STAFF', { start });
      out.push(...page.items.map(memberOf));
      start = page.next;
    } while (start);
    return out.sort((a, b) => a.email.localeCompare(b.email));
  }

  /** Adds a person or changes their roles, with the audit event, in one transaction. */
  async put(member: StaffMember, audit: StaffAuditEntry): Promise<void> {
    await this.store.transact([{ Put: { Item: itemOf(member) } }, auditPut(audit)]);
  }

  /** Removes a person (ConditionFailed when not staff), with the audit event. */
  async remove(email: string, audit: StaffAuditEntry): Promise<void> {
    await this.store.transact([
      { Delete: { Key: staffKey(email), ConditionExpression: 'attribute_exists(pk)' } },
      auditPut(audit),
    ]);
  }

  /**
   * Makes `member` a coordinator if no first coordinator was ever made: idempotent, and once only, so a
   * coordinator the team later removes is not brought back by the deployment's setting.
   */
  async bootstrap(member: StaffMember): Promise<boolean> {
    try {
      await this.store.transact([
        {
          Put: {
            Item: { ...BOOTSTRAP, email: member.email, at: member.addedAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        // Someone already on the staff keeps the roles the coordinators gave them.
        { Put: { Item: itemOf(member), ConditionExpression: 'attribute_not_exists(pk)' } },
        auditPut({
          at: member.addedAt,
          by: member.addedBy,
          action: 'bootstrap',
          email: member.email,
          roles: member.roles,
        }),
      ]);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /** Who changed the staff list, newest first. */
  async auditTrail(limit = 50): Promise<StaffAuditEntry[]> {
    const { items } = await this.store.query<{ pk: string; sk: string } & StaffAuditEntry>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': AUDIT_PK, ':prefix': 'AUDIT#' },
      ScanIndexForward: false,
      Limit: limit,
    });
    return items.map(({ pk: _p, sk: _s, ...e }) => e);
  }
}
