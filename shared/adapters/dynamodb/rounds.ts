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

  /** Creates a round once; an existing round is left as it is (seeding is idempotent). */
  async create(round: Round): Promise<boolean> {
    try {
      await this.store.put(
        { ...roundKey(round.id), gsi1pk: 'ROUNDS', gsi1sk: round.opensOn, round },
        { expression: 'attribute_not_exists(pk)' },
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  async setCurrent(id: string): Promise<void> {
    await this.store.put({ ...CURRENT, roundId: id });
  }

  async save(round: Round): Promise<void> {
    await this.store.put({ ...roundKey(round.id), gsi1pk: 'ROUNDS', gsi1sk: round.opensOn, round });
  }

  /**
   * Saves a changed round together with its audit event, only if the stored round still has `expected`'s
   * value at `field` (two coordinators changing it at once: one wins, the other gets ConditionFailed).
   */
  async change<K extends 'deadlineDate' | 'ceremony'>(
    next: Round,
    field: K,
    expected: Round[K],
    audit: RoundAuditEntry,
  ): Promise<void> {
    await this.store.transact([
      {
        Put: {
          Item: { ...roundKey(next.id), gsi1pk: 'ROUNDS', gsi1sk: next.opensOn, round: next },
          ConditionExpression: '#round.#field = :expected',
          ExpressionAttributeNames: { '#round': 'round', '#field': field },
          ExpressionAttributeValues: { ':expected': expected },
        },
      },
      {
        Put: {
          Item: { pk: roundKey(next.id).pk, sk: `AUDIT#${audit.at}#${audit.action}`, ...audit },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
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
  readonly action: 'extend-deadline' | 'change-ceremony';
  readonly from: unknown;
  readonly to: unknown;
}

/** Seeds the given rounds if missing and points the site at `currentId` when nothing is current yet. */
export async function seedRounds(rounds: Rounds, seed: readonly Round[], currentId: string): Promise<void> {
  for (const round of seed) await rounds.create(round);
  if (!(await rounds.current())) await rounds.setCurrent(currentId);
}
