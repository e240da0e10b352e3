import { RateCounters } from '../adapters/dynamodb/rate-limits.ts';
import { makeRateLimiter, parseRateLimits, type RateLimiter } from '../domain/rate-limits.ts';
import { Env } from '../env.ts';
import { clock, tableStore } from '../runtime.ts';

let limiter: RateLimiter | undefined;
/**
 * The deployment's rate limiter: the limits from `RATE_LIMITS` (the stage config's `rateLimits`, set by the
 * stack; `startLocalSystem` locally), counted in the table. Built on first use.
 */
export const rateLimiter = (): RateLimiter =>
  (limiter ??= makeRateLimiter(
    new RateCounters(tableStore()),
    parseRateLimits(process.env[Env.rateLimits]),
    clock,
  ));
