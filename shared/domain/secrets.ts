import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A secret of 256 bits, URL-safe; only its hash is ever stored. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A short random id for a link (not secret on its own: the secret travels beside it). */
export const newLinkId = (): string => randomBytes(9).toString('base64url');

/**
 * The id of the one link a recipient gets with one bulk email: an HMAC of what the email is for and who
 * gets it, keyed by a random salt of that email (kept in the table). The same 12 characters as
 * `newLinkId` and as unguessable without the salt, but the same on every run, so storing the link can
 * only succeed once: the link itself is the claim that the email goes out once.
 */
export const deriveLinkId = (salt: string, ...parts: readonly string[]): string =>
  createHmac('sha256', salt).update(parts.join('\u0000')).digest().subarray(0, 9).toString('base64url');

export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
