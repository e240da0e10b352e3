import { $add, $get, UpdateItemCommand } from 'dynamodb-toolbox';
import {
  type RateCounter,
  type RatePolicy,
  type RateScope,
  rateBucketOf,
  windowOf,
} from '../../domain/rate-limits.ts';
import type { Store } from './store.ts';

/**
 * Fixed-window counters in the table: one item per scope, hashed key and window (the rate-counter
 * entity: `RATE#<scope>#<sha256>` / `W#<window>`), deleted by TTL (`expiresAt` = the window's end).
 * A hit is one conditional UpdateItem: the counter goes up only while it is under the limit, so a refused
 * hit writes nothing and concurrent hits never overshoot.
 */
export class RateCounters implements RateCounter {
  constructor(private readonly store: Store) {}

  async hit(scope: RateScope, key: string, policy: RatePolicy, now: Date): Promise<boolean> {
    const window = windowOf(policy, now);
    return this.store.tryWrite(
      this.store.entities.rateCounter
        .build(UpdateItemCommand)
        .item({
          bucket: rateBucketOf(scope, key),
          window: String(window.id),
          expiresAt: $get('expiresAt', Math.ceil(window.end.getTime() / 1000)),
          hits: $add(1),
        })
        .options({
          condition: {
            or: [
              { attr: 'hits', exists: false },
              { attr: 'hits', lt: policy.limit },
            ],
          },
        }),
    );
  }
}
