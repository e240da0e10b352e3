import {
  $remove,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
import type { ReviewDecision, SignOffDecision } from '../../domain/workflow-contract.ts';
import type { Store } from './store.ts';

/**
 * A review task's decision (keyed by the hash of the task token, shared by every reviewer's link for the
 * task): the once-only record of who decided, and an outbox entry until `deliveredAt` is set.
 */
export interface StoredDecision {
  readonly tokenHash: string;
  readonly by: string;
  readonly at: string;
  readonly outcome: string;
  readonly comment?: string;
  readonly dossierId: string;
  /**
   * What SendTaskSuccess carries (a reviewer's decision, or the Director's sign-off); absent on decisions
   * recorded before the outbox (delivered then).
   */
  readonly output?: ReviewDecision | SignOffDecision;
  readonly taskToken?: string;
  readonly leaseUntil?: number;
  readonly deliveredAt?: string;
}

/** Review decisions and their outbox (the pending ones, listed until delivered). */
export class Decisions {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  async get(tokenHash: string): Promise<StoredDecision | undefined> {
    const { Item } = await this.e.decision
      .build(GetItemCommand)
      .key({ tokenHash })
      .options({ consistent: true })
      .send();
    return Item;
  }

  /** Records the task's decision, pending delivery: `exists` when another was recorded first. */
  async record(decision: StoredDecision): Promise<'recorded' | 'exists'> {
    const written = await this.store.tryWrite(
      this.e.decision
        .build(PutItemCommand)
        .item(decision)
        .options({ condition: { attr: 'tokenHash', exists: false } }),
    );
    return written ? 'recorded' : 'exists';
  }

  /**
   * Takes the delivery lease until `until` (epoch ms) if the decision is undelivered and nobody holds a
   * lease past `now`: false when delivered, missing or leased.
   */
  async claim(tokenHash: string, now: number, until: number): Promise<boolean> {
    return this.store.tryWrite(
      this.e.decision
        .build(UpdateItemCommand)
        .item({ tokenHash, leaseUntil: until })
        .options({
          condition: {
            and: [
              { attr: 'tokenHash', exists: true },
              { attr: 'deliveredAt', exists: false },
              {
                or: [
                  { attr: 'leaseUntil', exists: false },
                  { attr: 'leaseUntil', lt: now },
                ],
              },
            ],
          },
        }),
    );
  }

  /** Frees the lease of an undelivered decision (its delivery failed); nothing to free is not an error. */
  async release(tokenHash: string): Promise<void> {
    await this.store.tryWrite(
      this.e.decision
        .build(UpdateItemCommand)
        .item({ tokenHash, leaseUntil: 0 })
        .options({
          condition: {
            and: [
              { attr: 'tokenHash', exists: true },
              { attr: 'deliveredAt', exists: false },
            ],
          },
        }),
    );
  }

  /** Delivered: off the pending list, without its task token and lease. */
  async markDelivered(tokenHash: string, at: string): Promise<void> {
    await this.e.decision
      .build(UpdateItemCommand)
      .item({
        tokenHash,
        deliveredAt: at,
        gsi1pk: $remove(),
        gsi1sk: $remove(),
        taskToken: $remove(),
        leaseUntil: $remove(),
      })
      .send();
  }

  /** Removes a decision its task no longer waits for (the review time ran out before it was delivered). */
  async withdraw(tokenHash: string): Promise<void> {
    await this.e.decision.build(DeleteItemCommand).key({ tokenHash }).send();
  }

  /** Decisions recorded and not yet delivered, newest first (the reconciler's list). */
  async pending(limit: number): Promise<StoredDecision[]> {
    const { Items = [] } = await this.e.pendingDecisions.query({}).options({ reverse: true, limit }).send();
    return Items;
  }
}
