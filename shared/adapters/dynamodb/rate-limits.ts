import {
  type RateCounter,
  type RatePolicy,
  type RateScope,
  rateItemKey,
  windowOf,
} from '../../domain/rate-limits.ts';
import { ConditionFailed, type Store } from './store.ts';

/**
 * Fixed-window counters in the table: one item per scope, hashed key and window
 * (`pk = RATE#<scope>#<sha256>`, `sk = W#<window>`), deleted by TTL (`expiresAt` = the window's end).
 * A hit is one conditional UpdateItem: the counter goes up only while it is under the limit, so a refused
 * hit writes nothing and concurrent hits never overshoot.
 */
export class RateCounters implements RateCounter {
  constructor(private readonly store: Store) {}

  async hit(scope: RateScope, key: string, policy: RatePolicy, now: Date): Promise<boolean> {
    const window = windowOf(policy, now);
    try {
      await this.store.update({
        Key: rateItemKey(scope, key, window.id),
        UpdateExpression: 'SET expiresAt = if_not_exists(expiresAt, :end) ADD hits :one',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': policy.limit,
          ':end': Math.ceil(window.end.getTime() / 1000),
        },
        ReturnValues: 'NONE',
      });
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }
}
