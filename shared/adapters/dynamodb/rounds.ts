import type { Round } from '../../domain/round.ts';
import { ConditionFailed, type Store } from './store.ts';

const roundKey = (id: string) => ({ pk: `ROUND#${id}`, sk: 'ROUND' });
const CURRENT = { pk: 'CONFIG', sk: 'CURRENT_ROUND' };

/** Rounds: one item each, plus a pointer to the round the site shows. */
export class Rounds {
  constructor(private readonly store: Store) {}

  async get(id: string): Promise<Round | undefined> {
    const item = await this.store.get<{ pk: string; sk: string; round: Round }>(
      roundKey(id).pk,
      roundKey(id).sk,
    );
    return item?.round;
  }

  async current(): Promise<Round | undefined> {
    const pointer = await this.store.get<{ pk: string; sk: string; roundId: string }>(CURRENT.pk, CURRENT.sk);
    return pointer ? this.get(pointer.roundId) : undefined;
  }

  /** Every round, newest opening first (a handful per year: one index page). */
  async list(): Promise<Round[]> {
    const out: Round[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.store.queryIndex<{ pk: string; sk: string; round: Round }>('gsi1', 'ROUNDS', {
        start,
      });
      out.push(...page.items.map((i) => i.round));
      start = page.next;
    } while (start);
    return out;
  }

  /**
   * Creates a round once (false when the id is taken; seeding is idempotent), with its audit event when
   * a person created it.
   */
  async create(round: Round, audit?: RoundAuditEntry): Promise<boolean> {
    try {
      if (!audit) {
        await this.store.put(itemOf(round), { expression: 'attribute_not_exists(pk)' });
      } else {
        await this.store.transact([
          { Put: { Item: itemOf(round), ConditionExpression: 'attribute_not_exists(pk)' } },
          auditPut(round.id, audit),
        ]);
      }
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /** Deletes a draft round (never an opened one) with its audit event; ConditionFailed when not a draft. */
  async removeDraft(id: string, audit: RoundAuditEntry): Promise<void> {
    await this.store.transact([
      {
        Delete: {
          Key: roundKey(id),
          ConditionExpression: '#round.#status = :draft',
          ExpressionAttributeNames: { '#round': 'round', '#status': 'status' },
          ExpressionAttributeValues: { ':draft': 'draft' },
        },
      },
      auditPut(id, audit),
    ]);
  }

  async setCurrent(id: string): Promise<void> {
    await this.store.put({ ...CURRENT, roundId: id });
  }

  async save(round: Round): Promise<void> {
    await this.store.put(itemOf(round));
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
      {
        Put: {
          Item: itemOf(next),
          ConditionExpression: '#round.#field = :expected',
          ExpressionAttributeNames: { '#round': 'round', '#field': field },
          ExpressionAttributeValues: { ':expected': expected },
        },
      },
      auditPut(next.id, audit),
      ...(options.makeCurrent ? [{ Put: { Item: { ...CURRENT, roundId: next.id } } }] : []),
    ]);
  }

  /** The round's audit events (who changed the deadline or the ceremony, when, from what to what), oldest first. */
  auditTrail(id: string): Promise<RoundAuditEntry[]> {
    return this.store.queryPrefix<RoundAuditEntry>(roundKey(id).pk, 'AUDIT#');
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

const itemOf = (round: Round) => ({ ...roundKey(round.id), gsi1pk: 'ROUNDS', gsi1sk: round.opensOn, round });

const auditPut = (roundId: string, audit: RoundAuditEntry) => ({
  Put: {
    Item: { pk: roundKey(roundId).pk, sk: `AUDIT#${audit.at}#${audit.action}`, ...audit },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});
