import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A secret of 256 bits, URL-safe; only its hash is ever stored. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A short random id for a link (not secret on its own: the secret travels beside it). */
export const newLinkId = (): string => randomBytes(9).toString('base64url');

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
