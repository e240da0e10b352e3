import { hashSecret, newLinkId, newSecret } from '../../domain/secrets.ts';
import { ConditionFailed, isLive, type Store } from './store.ts';

export type LinkPurpose = 'resume' | 'review' | 'supplement' | 'rsvp' | 'signin';

/** An emailed link: short id + hash of its secret, bound to one dossier, one person and one purpose. */
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

const key = (linkId: string) => ({ pk: `LINK#${linkId}`, sk: 'LINK' });

export class Links {
  constructor(private readonly store: Store) {}

  async create(link: Link): Promise<void> {
    await this.store.put({ ...key(link.linkId), ...link }, { expression: 'attribute_not_exists(pk)' });
  }

  /** Issues a new link: a fresh id and secret, of which only the hash is stored. Returns both for the email. */
  async issue(link: Omit<Link, 'linkId' | 'secretHash'>): Promise<{ linkId: string; secret: string }> {
    const linkId = newLinkId();
    const secret = newSecret();
    await this.create({ ...link, linkId, secretHash: hashSecret(secret) });
    return { linkId, secret };
  }

  /** The link if it exists and has not expired (expired items count as absent even before TTL deletes them). */
  async get(linkId: string, now: Date): Promise<Link | undefined> {
    const item = await this.store.get<Link & { pk: string; sk: string }>(key(linkId).pk, key(linkId).sk);
    return isLive(item, now) ? item : undefined;
  }

  /** Marks a link used exactly once; returns false when someone used it first. */
  async consume(linkId: string, usedBy: string, outcome: string, at: string): Promise<boolean> {
    try {
      await this.store.update({
        Key: key(linkId),
        UpdateExpression: 'SET usedAt = :at, usedBy = :by, outcome = :o',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
        ExpressionAttributeValues: { ':at': at, ':by': usedBy, ':o': outcome },
      });
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }
}
