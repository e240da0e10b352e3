import { createHash } from 'node:crypto';
import { z } from 'zod';
import { textOf } from '../i18n/catalog.ts';
import { HTTP_ERRORS } from '../i18n/messages/http.ts';
import { RateLimitedError } from './errors.ts';
import { formatIct, ictDay, toIctLocal } from './time.ts';

/**
 * Rate limits: fixed windows counted per scope and key (an address, a client IP, a dossier). The rule is
 * pure here; the counter lives in the table (`shared/adapters/dynamodb/rate-limits.ts`).
 */
export interface RatePolicy {
  /** At most this many hits per window… */
  readonly limit: number;
  /** …of this many seconds (windows start at multiples of it since the epoch). */
  readonly windowSeconds: number;
}

const PolicySchema = z.object({
  limit: z.number().int().positive(),
  windowSeconds: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 3600),
});

/** Every limit the platform applies, by name; the stage config and `startLocalSystem` set them. */
export const RateLimitsSchema = z.object({
  /** Resume emails (new draft, duplicate, `/api/resume`) and sign-in emails to one address: each kind counted apart. */
  mailPerAddress: PolicySchema,
  /** New drafts (`POST /api/applications`) per client IP. */
  draftsPerIp: PolicySchema,
  /** `/status` lookups per client IP. */
  statusPerIp: PolicySchema,
  /** `/api/resume` without a valid secret (a new-link request or a wrong secret) per client IP… */
  resumePerIp: PolicySchema,
  /** …and per dossier. */
  resumePerDossier: PolicySchema,
});
export type RateLimits = z.infer<typeof RateLimitsSchema>;
export type RatePolicyName = keyof RateLimits;

/** The production defaults (issue 13): what a deployment and `npm start` keep unless raised explicitly. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  mailPerAddress: { limit: 3, windowSeconds: 15 * 60 },
  draftsPerIp: { limit: 20, windowSeconds: 3600 },
  statusPerIp: { limit: 30, windowSeconds: 10 * 60 },
  resumePerIp: { limit: 10, windowSeconds: 15 * 60 },
  resumePerDossier: { limit: 5, windowSeconds: 15 * 60 },
};

/** Defaults with some policies replaced (a stage, a test, a bench). */
export const withRateLimits = (overrides: Partial<RateLimits> = {}): RateLimits =>
  RateLimitsSchema.parse({ ...DEFAULT_RATE_LIMITS, ...overrides });

/** The environment variable's value (compact JSON) and back; a missing variable means the defaults. */
export const serializeRateLimits = (limits: RateLimits): string => JSON.stringify(limits);
export function parseRateLimits(value: string | undefined): RateLimits {
  if (!value) return DEFAULT_RATE_LIMITS;
  return withRateLimits(RateLimitsSchema.partial().parse(JSON.parse(value)));
}

/** What a counter is about: the scope names the item, the key is hashed (no address or IP in a key). */
export type RateScope =
  | 'resume-mail'
  | 'signin-mail'
  | 'drafts-ip'
  | 'status-ip'
  | 'resume-ip'
  | 'resume-dossier'
  // Supplement links, by the same policies as resume links (mailPerAddress, resumePerIp, resumePerDossier).
  | 'supplement-mail'
  | 'supplement-ip'
  | 'supplement-dossier'
  // A member's profile sign-in links (the directory), by mailPerAddress and resumePerIp.
  | 'profile-mail'
  | 'profile-ip'
  // A member's activity proposal links (issue 16), by mailPerAddress and resumePerIp.
  | 'activity-mail'
  | 'activity-ip';

/** Addresses are compared as people type them: case and surrounding spaces do not make a new address. */
export const normalizeRateKey = (key: string): string => key.trim().normalize('NFC').toLowerCase();

/** The fixed window an instant falls in. */
export function windowOf(policy: RatePolicy, now: Date): { id: number; start: Date; end: Date } {
  const ms = policy.windowSeconds * 1000;
  const id = Math.floor(now.getTime() / ms);
  return { id, start: new Date(id * ms), end: new Date((id + 1) * ms) };
}

/**
 * Which counter a hit goes to: `<scope>#<sha256 of the normalised key>` (the address never stored as it
 * is). The stored keys are the rate-counter entity's: this bucket, and the window id in the sort key.
 */
export const rateBucketOf = (scope: RateScope, key: string): string =>
  `${scope}#${createHash('sha256').update(normalizeRateKey(key), 'utf8').digest('hex')}`;

/** When to try again, as people read it: `HH:mm` today in Hanoi, `dd/MM/yyyy HH:mm` otherwise. */
export function retryTimeText(retryAt: Date, now: Date): string {
  return ictDay(retryAt) === ictDay(now) ? toIctLocal(retryAt).slice(11, 16) : formatIct(retryAt);
}

/** The refusal past a limit: 429 with `Retry-After`, saying when to try again in the page's language. */
export function rateLimitedError(retryAt: Date, now: Date): RateLimitedError {
  // Rounded up to the next minute, so the time shown is never earlier than the window's end.
  const at = new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000);
  const when = retryTimeText(at, now);
  return new RateLimitedError(
    textOf(HTTP_ERRORS.rateLimited, when),
    at,
    Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000)),
  );
}

/** Counts one hit in the current window if it is under the policy's limit; false when the limit is reached. */
export interface RateCounter {
  hit(scope: RateScope, key: string, policy: RatePolicy, now: Date): Promise<boolean>;
}

/** One check of a request: which policy counts it, in which scope, for which key. */
export interface RateCheck {
  readonly policy: RatePolicyName;
  readonly scope: RateScope;
  readonly key: string;
}

/** The limiter the use-cases call: the limits of this deployment over a counter. */
export function makeRateLimiter(counter: RateCounter, limits: RateLimits, clock: () => Date) {
  return {
    limits,
    /**
     * Counts each check in turn and throws RateLimitedError at the first one over its limit (the checks
     * before it stay counted; the refused one does not count). Call it before anything is written or sent.
     */
    async enforce(...checks: readonly RateCheck[]): Promise<void> {
      const now = clock();
      for (const c of checks) {
        const policy = limits[c.policy];
        if (!(await counter.hit(c.scope, c.key, policy, now)))
          throw rateLimitedError(windowOf(policy, now).end, now);
      }
    },
  };
}
export type RateLimiter = ReturnType<typeof makeRateLimiter>;
