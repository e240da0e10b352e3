import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATE_LIMITS,
  makeRateLimiter,
  parseRateLimits,
  type RateCounter,
  rateBucketOf,
  rateLimitedError,
  retryTimeText,
  serializeRateLimits,
  windowOf,
} from '../../shared/domain/rate-limits.ts';

describe('rate limits: the pure rule', () => {
  it('fixed windows aligned to their length; the counter key hashes the normalised address, window in the sort key', () => {
    const w = windowOf({ limit: 3, windowSeconds: 900 }, new Date('2026-12-03T03:07:30Z'));
    expect(w.start.toISOString()).toBe('2026-12-03T03:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-12-03T03:15:00.000Z');
    const a = rateBucketOf('resume-mail', ' Nguoi.Dung@Example.VN ');
    expect(a).toEqual(rateBucketOf('resume-mail', 'nguoi.dung@example.vn'));
    expect(a).toMatch(/^resume-mail#[0-9a-f]{64}$/);
    expect(a).not.toContain('example');
    // Stored as `RATE#<bucket>` / `W#<window id>` (see the rate counter in entities.test.ts).
  });

  it('says when to retry in Hanoi time: HH:mm today, dd/MM/yyyy HH:mm another day; Retry-After in seconds', () => {
    const now = new Date('2026-12-03T06:50:10Z'); // 13:50 in Hanoi
    expect(retryTimeText(new Date('2026-12-03T07:05:00Z'), now)).toBe('14:05');
    expect(retryTimeText(new Date('2026-12-03T17:15:00Z'), now)).toBe('04/12/2026 00:15');
    const err = rateLimitedError(new Date('2026-12-03T07:05:00Z'), now);
    expect(err.kind).toBe('rate-limited');
    expect(err.text.vi).toContain('Vui lòng thử lại sau 14:05');
    expect(err.text.en).toContain('Please try again after 14:05');
    expect(err.retryAfterSeconds).toBe(890);
  });

  it('the limiter refuses at the first check over its limit, after counting the ones before', async () => {
    const counts = new Map<string, number>();
    const counter: RateCounter = {
      hit: async (scope, key, policy) => {
        const k = `${scope}:${key}`;
        const n = counts.get(k) ?? 0;
        if (n >= policy.limit) return false;
        counts.set(k, n + 1);
        return true;
      },
    };
    const limiter = makeRateLimiter(counter, DEFAULT_RATE_LIMITS, () => new Date('2026-12-03T03:07:30Z'));
    const checks = [
      { policy: 'draftsPerIp', scope: 'drafts-ip', key: '203.0.113.9' },
      { policy: 'mailPerAddress', scope: 'resume-mail', key: 'a@b.vn' },
    ] as const;
    for (let i = 0; i < 3; i++) await limiter.enforce(...checks);
    await expect(limiter.enforce(...checks)).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(counts.get('drafts-ip:203.0.113.9')).toBe(4);
    expect(counts.get('resume-mail:a@b.vn')).toBe(3);
  });

  it('reads the limits from the environment, merged over the defaults; a bad limit fails at start', () => {
    expect(parseRateLimits(undefined)).toEqual(DEFAULT_RATE_LIMITS);
    expect(parseRateLimits(serializeRateLimits(DEFAULT_RATE_LIMITS))).toEqual(DEFAULT_RATE_LIMITS);
    const raised = parseRateLimits('{"draftsPerIp":{"limit":500,"windowSeconds":3600}}');
    expect(raised.draftsPerIp.limit).toBe(500);
    expect(raised.statusPerIp).toEqual(DEFAULT_RATE_LIMITS.statusPerIp);
    expect(() => parseRateLimits('{"statusPerIp":{"limit":0,"windowSeconds":600}}')).toThrow();
  });
});
