import { DeleteTransaction, GetItemCommand, PutTransaction } from 'dynamodb-toolbox';
import type { StaffAuditEntry, StaffMember } from '../../domain/staff.ts';
import { ConditionFailed, type Store } from './store.ts';

/** The Centre's staff (coordinators, reviewers): one item per person, listed through gsi1 `STAFF`. */
export class Staff {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  async get(email: string): Promise<StaffMember | undefined> {
    const { Item } = await this.e.staff
      .build(GetItemCommand)
      .key({ email })
      .options({ consistent: true })
      .send();
    return Item;
  }

  async list(): Promise<StaffMember[]> {
    const { Items = [] } = await this.e.allStaff
      .query({})
      .options({ maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.sort((a, b) => a.email.localeCompare(b.email));
  }

  /** Adds a person or changes their roles, with the audit event, in one transaction. */
  async put(member: StaffMember, audit: StaffAuditEntry): Promise<void> {
    await this.store.transact([this.e.staff.build(PutTransaction).item(member), this.auditPut(audit)]);
  }

  /** Removes a person (ConditionFailed when not staff), with the audit event. */
  async remove(email: string, audit: StaffAuditEntry): Promise<void> {
    await this.store.transact([
      this.e.staff
        .build(DeleteTransaction)
        .key({ email })
        .options({ condition: { attr: 'email', exists: true } }),
      this.auditPut(audit),
    ]);
  }

  /**
   * Makes `member` a coordinator if no first coordinator was ever made: idempotent, and once only, so a
   * coordinator the team later removes is not brought back by the deployment's setting.
   */
  async bootstrap(member: StaffMember): Promise<boolean> {
    try {
      await this.store.transact([
        this.e.bootstrap
          .build(PutTransaction)
          .item({ email: member.email, at: member.addedAt })
          .options({ condition: { attr: 'pk', exists: false } }),
        // Someone already on the staff keeps the roles the coordinators gave them.
        this.e.staff
          .build(PutTransaction)
          .item(member)
          .options({ condition: { attr: 'email', exists: false } }),
        this.auditPut({
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
    const { Items = [] } = await this.e.staffAuditTrail.query({}).options({ reverse: true, limit }).send();
    return Items;
  }

  private auditPut(entry: StaffAuditEntry) {
    return this.e.staffAudit
      .build(PutTransaction)
      .item(entry)
      .options({ condition: { attr: 'pk', exists: false } });
  }
}
