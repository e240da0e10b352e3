import {
  checkLink,
  firstUse,
  type Link,
  type LinkCheck,
  type LinkPurpose,
  type LinkTerms,
  usedLink,
} from '../../domain/links.ts';
import { hashSecret, newLinkId, newSecret } from '../../domain/secrets.ts';
import { ConditionFailed, isLive, type Store } from './store.ts';

export type { Link, LinkCheck, LinkPurpose, LinkRefusal, LinkTerms } from '../../domain/links.ts';

const key = (linkId: string) => ({ pk: `LINK#${linkId}`, sk: 'LINK' });
const chunkKey = (bulkRun: string) => ({ pk: `BULKCHUNK#${bulkRun}`, sk: 'BULKCHUNK' });

/**
 * The one link service: issues every kind of emailed link and checks each presented one by the same rule
 * (`checkLink`), with the same outcomes. Also the bulk emails' once-only claims (`claimMany` and friends),
 * which are links too.
 */
export class Links {
  constructor(private readonly store: Store) {}

  async create(link: Link): Promise<void> {
    await this.store.put({ ...key(link.linkId), ...link }, { expression: 'attribute_not_exists(pk)' });
  }

  /** Issues a new link: a fresh id and secret, of which only the hash is stored. Returns both for the email. */
  async issue(link: LinkTerms): Promise<{ linkId: string; secret: string }> {
    const linkId = newLinkId();
    const secret = newSecret();
    await this.create({ ...link, linkId, secretHash: hashSecret(secret) });
    return { linkId, secret };
  }

  /**
   * The random salt the link ids of one bulk email (purpose + round) derive from: made by the first run,
   * read by every later one.
   */
  async saltFor(purpose: string, roundId: string): Promise<string> {
    const key = { pk: `LINKSALT#${purpose}#${roundId}`, sk: 'LINKSALT' };
    const existing = await this.store.get<typeof key & { salt: string }>(key.pk, key.sk);
    if (existing) return existing.salt;
    const salt = newSecret();
    try {
      await this.store.put({ ...key, salt }, { expression: 'attribute_not_exists(pk)' });
      return salt;
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
      return (await this.store.get<typeof key & { salt: string }>(key.pk, key.sk))!.salt;
    }
  }

  /**
   * Stores links whose ids are derived from their recipients (`deriveLinkId`), with fresh secrets: the
   * once-only claims of the emails that carry them. Each is stored only if it does not exist yet, or, with
   * `takeOver`, only if it is still the claim of that earlier run (`bulkRun`), which crashed before its
   * emails went. Up to 100 go in one transaction; one that fails its condition (another run has it)
   * cancels the transaction, which is tried again without it. Returns the secrets of the links stored.
   */
  async claimMany(
    claims: readonly { linkId: string; link: LinkTerms; takeOver?: string }[],
    extra: Record<string, unknown> = {},
  ): Promise<Map<string, string>> {
    const secrets = new Map(claims.map((c) => [c.linkId, newSecret()]));
    let rest = [...new Map(claims.map((c) => [c.linkId, c])).values()];
    for (let attempt = 0; rest.length; attempt++) {
      try {
        await this.store.transact(
          rest.map(({ linkId, link, takeOver }) => ({
            Put: {
              Item: {
                ...key(linkId),
                ...extra,
                ...link,
                linkId,
                secretHash: hashSecret(secrets.get(linkId)!),
              },
              ...(takeOver === undefined
                ? { ConditionExpression: 'attribute_not_exists(pk)' }
                : { ConditionExpression: 'bulkRun = :run', ExpressionAttributeValues: { ':run': takeOver } }),
            },
          })),
        );
        return new Map(rest.map((c) => [c.linkId, secrets.get(c.linkId)!]));
      } catch (err) {
        // Claims that fail their condition drop out; a conflict with a concurrent transaction is tried again.
        if (!(err instanceof ConditionFailed) || attempt >= 10) throw err;
        rest = rest.filter((_, i) => err.reasons[i] !== 'ConditionalCheckFailed');
        await new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** Math.min(attempt, 5)));
      }
    }
    return new Map();
  }

  /** The stored links of these ids (live or not), for a run that found them claimed already. */
  async getMany(linkIds: readonly string[]) {
    return this.store.batchGet<Link & { pk: string; sk: string; bulkRun?: string; claimedAt?: string }>(
      linkIds.map(key),
    );
  }

  /** Records that a bulk run emailed one chunk of its claims (`bulkRun`: `<run>#<chunk>`). */
  async chunkSent(bulkRun: string, at: string, expiresAt: number): Promise<void> {
    await this.store.put({ ...chunkKey(bulkRun), at, expiresAt });
  }

  /** Of these chunks, those whose emails went out (`chunkSent`). */
  async chunksSent(bulkRuns: readonly string[]): Promise<Set<string>> {
    const items = await this.store.batchGet<{ pk: string; sk: string }>(bulkRuns.map(chunkKey));
    return new Set(items.map((i) => i.pk.slice('BULKCHUNK#'.length)));
  }

  /**
   * Raises a number kept on a link (e.g. the version of the event its email carried) to `to`, only if the
   * link exists and holds a lower one: `{ previous }`, or why not.
   */
  async moveUp(
    linkId: string,
    field: string,
    to: number,
    at: string,
  ): Promise<{ previous: number } | 'absent' | 'not-lower'> {
    try {
      const before = await this.store.update<Record<string, unknown> & { pk: string; sk: string }>({
        Key: key(linkId),
        UpdateExpression: 'SET #f = :to, updatedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#f) OR #f < :to)',
        ExpressionAttributeNames: { '#f': field },
        ExpressionAttributeValues: { ':to': to, ':at': at },
        ReturnValues: 'ALL_OLD',
      });
      return { previous: typeof before[field] === 'number' ? (before[field] as number) : 0 };
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
      return (await this.store.get(key(linkId).pk, key(linkId).sk)) ? 'not-lower' : 'absent';
    }
  }

  /** Undoes `moveUp` (its email could not be sent), if nobody moved the number on since. */
  async moveBack(linkId: string, field: string, from: number, to: number): Promise<void> {
    await this.store.update({
      Key: key(linkId),
      UpdateExpression: 'SET #f = :to',
      ConditionExpression: '#f = :from',
      ExpressionAttributeNames: { '#f': field },
      ExpressionAttributeValues: { ':to': to, ':from': from },
    });
  }

  /** Gives a claimed link back (its email could not be sent), so that the next run claims it again. */
  async release(linkId: string): Promise<void> {
    await this.store.delete(key(linkId).pk, key(linkId).sk);
  }

  /** The link if it exists and has not expired (expired items count as absent even before TTL deletes them). */
  async get(linkId: string, now: Date): Promise<Link | undefined> {
    const item = await this.read(linkId);
    return isLive(item, now) ? item : undefined;
  }

  /** Checks a presented link without using it: the GET of a link's page, or before a use-case's own checks. */
  async inspect(
    purpose: LinkPurpose,
    linkId: string,
    secret: string | undefined,
    now: Date,
  ): Promise<LinkCheck> {
    return checkLink(await this.read(linkId), purpose, secret, now);
  }

  /**
   * Uses a link that checked out `ok`, exactly once (a conditional write): `ok` for this request, or `used`
   * with when and by whom for every other, concurrent ones included.
   */
  async use(link: Link, outcome: string, now: Date, by: string = link.person): Promise<LinkCheck> {
    if (await this.consume(link.linkId, by, outcome, now.toISOString()))
      return { kind: 'ok', link: usedLink(link, by, outcome, now) };
    return firstUse(await this.read(link.linkId));
  }

  /**
   * Checks a presented link and uses it once (`inspect` then `use`). `first` runs once the link checks out
   * and before it is used: what it throws (the use-case's own refusal) leaves the link unused.
   */
  async redeem(
    purpose: LinkPurpose,
    linkId: string,
    secret: string | undefined,
    use: { outcome: string; now: Date; by?: string; first?: (link: Link) => Promise<void> },
  ): Promise<LinkCheck> {
    const found = await this.inspect(purpose, linkId, secret, use.now);
    if (found.kind !== 'ok') return found;
    await use.first?.(found.link);
    return this.use(found.link, use.outcome, use.now, use.by);
  }

  private async read(linkId: string): Promise<Link | undefined> {
    const item = await this.store.get<Link & { pk: string; sk: string }>(key(linkId).pk, key(linkId).sk);
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...link } = item;
    return link;
  }

  /** Marks a link used exactly once; false when someone used it first. */
  private async consume(linkId: string, usedBy: string, outcome: string, at: string): Promise<boolean> {
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
