import { readFileSync, statSync } from 'node:fs';
import type { Config } from './config.ts';
import { type Clock, systemClock } from './domain/time.ts';

/**
 * The wall clock, shifted by the local jobs page's offset when CLOCK_OFFSET_FILE is set (local only),
 * so a person can play the deadline without waiting. In AWS it is the system clock.
 */
export function makeClock(config: Pick<Config, 'clockOffsetFile'>): Clock {
  const file = config.clockOffsetFile;
  if (!file) return systemClock;
  let cached = { mtimeMs: -1, offsetMs: 0 };
  return () => {
    try {
      const { mtimeMs } = statSync(file);
      if (mtimeMs !== cached.mtimeMs) {
        cached = { mtimeMs, offsetMs: Number(JSON.parse(readFileSync(file, 'utf8')).offsetMs) || 0 };
      }
    } catch {
      cached = { mtimeMs: -1, offsetMs: 0 };
    }
    return new Date(Date.now() + cached.offsetMs);
  };
}
