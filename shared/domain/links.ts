import { secretMatches } from './secrets.ts';

/**
 * Emailed links (DESIGN §7): a short id and a secret of which only the hash is stored, bound to one
 * dossier, one person and one purpose, expiring. Every kind of link is checked by the one rule below,
 * and every use-case answers from the same four outcomes.
 */
export type LinkPurpose =
  | 'resume'
  | 'review'
  | 'supplement'
  | 'rsvp'
  | 'signin'
  | 'signoff'
  // A member's proposal of an activity, and the Centre's decision on it (issue 16).
  | 'activity'
  | 'activity-review'
  // A member's sign-in to edit their directory profile (issue 16).
  | 'profile';

/** An emailed link as stored: short id + hash of its secret, bound to one dossier, one person and one purpose. */
export interface Link {
  readonly linkId: string;
  readonly secretHash: string;
  readonly purpose: LinkPurpose;
  readonly dossierId: string;
  readonly person: string;
  /** Epoch seconds (also the table's TTL attribute). */
  readonly expiresAt: number;
  readonly createdAt: string;
  readonly usedAt?: string;
  readonly usedBy?: string;
  readonly outcome?: string;
  /** Purpose-specific data, e.g. the stored task token of a review. */
  readonly data?: Record<string, unknown>;
}

/** What is stored when a link is issued (its id and the hash of its secret are made by the issuer). */
export type LinkTerms = Omit<Link, 'linkId' | 'secretHash'>;

/**
 * What presenting a link finds:
 * - `ok`: the link is good (and, after a use, was used by this request);
 * - `used`: someone used it first, at `at`, as `by`, with `outcome` (a page says so, never an error page);
 * - `expired`: the right secret, past its time;
 * - `refused`: unknown id, another purpose, or a wrong or missing secret (one answer for all, so a guess
 *   learns nothing). `subject` is the dossier the id names, if any, for rate limits on guesses; never shown.
 */
export type LinkCheck<L = Link> =
  | { readonly kind: 'ok'; readonly link: L }
  | {
      readonly kind: 'used';
      readonly at: string;
      readonly by: string;
      readonly outcome: string;
      readonly link: L;
    }
  | { readonly kind: 'expired'; readonly at: string; readonly link: L }
  | { readonly kind: 'refused'; readonly subject?: string };

/** Every outcome but `ok`: what a use-case turns into its own page or message. */
export type LinkRefusal<L = Link> = Exclude<LinkCheck<L>, { kind: 'ok' }>;

/**
 * The one rule for a presented link: the secret and purpose first (anything else is `refused`), then
 * whether it was used (a used link stays used, even once its time is over: the page says by whom and
 * when), then its time.
 */
export function checkLink(
  stored: Link | undefined,
  purpose: LinkPurpose,
  secret: string | undefined,
  now: Date,
): LinkCheck {
  if (!stored || stored.purpose !== purpose || !secret || !secretMatches(secret, stored.secretHash))
    return stored ? { kind: 'refused', subject: stored.dossierId } : { kind: 'refused' };
  if (stored.usedAt !== undefined) return firstUse(stored);
  if (stored.expiresAt * 1000 <= now.getTime())
    return { kind: 'expired', at: new Date(stored.expiresAt * 1000).toISOString(), link: stored };
  return { kind: 'ok', link: stored };
}

/**
 * What a use finds that lost the race for a link (its conditional write failed): the first use, with when
 * and by whom; `refused` if the link is gone meanwhile (its TTL), like an unknown one.
 */
export function firstUse(stored: Link | undefined): LinkCheck {
  if (stored?.usedAt === undefined) return { kind: 'refused' };
  return {
    kind: 'used',
    at: stored.usedAt,
    by: stored.usedBy ?? stored.person,
    outcome: stored.outcome ?? '',
    link: stored,
  };
}

/** The link as this request's use leaves it. */
export const usedLink = (link: Link, by: string, outcome: string, at: Date): Link => ({
  ...link,
  usedAt: at.toISOString(),
  usedBy: by,
  outcome,
});

/**
 * A ceremony check-in pass by the same outcomes. A pass is not an emailed link: its id is itself the
 * bearer secret, printed as a QR code that door staff (signed in) scan, so there is no secret beside it
 * to check and no time of its own. Absent: `refused`; scanned before: `used` (when, by whom).
 */
export function checkPass<P extends { readonly checkedInAt?: string; readonly checkedInBy?: string }>(
  pass: P | undefined,
): LinkCheck<P> {
  if (!pass) return { kind: 'refused' };
  if (pass.checkedInAt !== undefined)
    return {
      kind: 'used',
      at: pass.checkedInAt,
      by: pass.checkedInBy ?? '',
      outcome: 'checked-in',
      link: pass,
    };
  return { kind: 'ok', link: pass };
}
