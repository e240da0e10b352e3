import { DeleteTransaction, GetItemCommand, PutItemCommand, PutTransaction } from 'dynamodb-toolbox';
import type { Round } from '../../domain/round.ts';
import { auditSortKey } from './keys.ts';
import { ConditionFailed, type Store } from './store.ts';

/** Rounds: one item each, plus a pointer to the round the site shows. */
export class Rounds {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  async get(id: string): Promise<Round | undefined> {
    const { Item } = await this.e.round
      .build(GetItemCommand)
      .key({ id })
      .options({ consistent: true })
      .send();
    return Item?.round;
  }

  async current(): Promise<Round | undefined> {
    const { Item } = await this.e.currentRound
      .build(GetItemCommand)
      .key({})
      .options({ consistent: true })
      .send();
    return Item ? this.get(Item.roundId) : undefined;
  }

  /** Every round, newest opening first (a handful per year: one index page). */
  async list(): Promise<Round[]> {
    const { Items = [] } = await this.e.allRounds
      .query({})
      .options({ reverse: true, maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items.map((i) => i.round);
  }

  /**
   * Creates a round once (false when the id is taken; seeding is idempotent), with its audit event when
   * a person created it.
   */
  async create(round: Round, audit?: RoundAuditEntry): Promise<boolean> {
    const put = this.e.round
      .build(PutTransaction)
      .item(itemOf(round))
      .options({ condition: { attr: 'id', exists: false } });
    if (!audit)
      return this.store.tryWrite(
        this.e.round
          .build(PutItemCommand)
          .item(itemOf(round))
          .options({ condition: { attr: 'id', exists: false } }),
      );
    try {
      await this.store.transact([put, this.auditPut(round.id, audit)]);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /** Deletes a draft round (never an opened one) with its audit event; ConditionFailed when not a draft. */
  async removeDraft(id: string, audit: RoundAuditEntry): Promise<void> {
    await this.store.transact([
      this.e.round
        .build(DeleteTransaction)
        .key({ id })
        .options({ condition: { attr: 'round.status', eq: 'draft' } }),
      this.auditPut(id, audit),
    ]);
  }

  async setCurrent(id: string): Promise<void> {
    await this.e.currentRound.build(PutItemCommand).item({ roundId: id }).send();
  }

  async save(round: Round): Promise<void> {
    await this.e.round.build(PutItemCommand).item(itemOf(round)).send();
  }

  /**
   * Saves a changed round together with its audit event, only if the stored round still has `expected`'s
   * value at `field` (two coordinators changing it at once: one wins, the other gets ConditionFailed).
   */
  async change<K extends 'deadlineDate' | 'ceremony' | 'status'>(
    next: Round,
    field: K,
    expected: Round[K],
    audit: RoundAuditEntry,
    options: { makeCurrent?: boolean } = {},
  ): Promise<void> {
    await this.store.transact([
      this.e.round
        .build(PutTransaction)
        .item(itemOf(next))
        .options({
          // `round` is kept whole (any), so the typing knows its paths but not their values.
          condition: { attr: `round.${field}`, eq: expected as unknown as string },
        }),
      this.auditPut(next.id, audit),
      ...(options.makeCurrent ? [this.e.currentRound.build(PutTransaction).item({ roundId: next.id })] : []),
    ]);
  }

  /** The round's audit events (who changed the deadline or the ceremony, when, from what to what), oldest first. */
  async auditTrail(id: string): Promise<RoundAuditEntry[]> {
    const { Items = [] } = await this.e.roundAuditOf
      .query({ roundId: id })
      .options({ consistent: true, maxPages: Number.POSITIVE_INFINITY })
      .send();
    return Items as RoundAuditEntry[];
  }

  private auditPut(roundId: string, audit: RoundAuditEntry) {
    return this.e.roundAudit
      .build(PutTransaction)
      .item({ ...audit, roundId, sk: auditSortKey(audit.at, audit.action) })
      .options({ condition: { attr: 'roundId', exists: false } });
  }
}

/** A change a coordinator made to a round. */
export interface RoundAuditEntry {
  readonly at: string;
  readonly by: string;
  readonly action: RoundAction;
  readonly from: unknown;
  readonly to: unknown;
}

export type RoundAction =
  | 'create-round'
  | 'update-round'
  | 'delete-round'
  | 'open-round'
  | 'close-round'
  | 'extend-deadline'
  | 'change-ceremony';

const itemOf = (round: Round) => ({ id: round.id, round });
