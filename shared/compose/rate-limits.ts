import { RateCounters } from '../adapters/dynamodb/rate-limits.ts';
import { makeRateLimiter, type RateLimiter } from '../domain/rate-limits.ts';
import { clock, config, tableStore } from '../runtime.ts';

let limiter: RateLimiter | undefined;
/**
 * The deployment's rate limiter: the limits from `RATE_LIMITS` (the stage config's `rateLimits`, set by the
 * stack; `startLocalSystem` locally), counted in the table. Built on first use.
 */
export const rateLimiter = (): RateLimiter =>
  (limiter ??= makeRateLimiter(new RateCounters(tableStore()), config.rateLimits, clock));
