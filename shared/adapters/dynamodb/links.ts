import {
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
} from 'dynamodb-toolbox';
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

/** A number kept on a link and moved by `moveUp`/`moveBack`: the version of the event its email carried. */
type LinkNumber = 'sequence';

/**
 * The one link service: issues every kind of emailed link and checks each presented one by the same rule
 * (`checkLink`), with the same outcomes. Also the bulk emails' once-only claims (`claimMany` and friends),
 * which are links too.
 */
export class Links {
  constructor(private readonly store: Store) {}

  private get e() {
    return this.store.entities;
  }

  /** Stores a link under its id, only if that id is free (ConditionFailed otherwise). */
  async create(link: Link): Promise<void> {
    await this.store.conditionally(
      this.e.link
        .build(PutItemCommand)
        .item(link)
        .options({ condition: { attr: 'linkId', exists: false } }),
    );
  }

  /**
   * Issues a new link: a fresh id and secret, of which only the hash is stored. Returns both for the email.
   *
   * The terms stay one object with `expiresAt` (not the issue's `issue(purpose, subject, ttl)`): most
   * links end at a moment of the round or the dossier (the submission deadline, the supplement's due day,
   * the day after the ceremony), not a span after issuing. A ttl would make those callers subtract their
   * clock and this service add its own, and the bulk claims store the very same terms.
   */
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
    const key = `${purpose}#${roundId}`;
    const read = async () =>
      (await this.e.linkSalt.build(GetItemCommand).key({ key }).options({ consistent: true }).send()).Item;
    const existing = await read();
    if (existing) return existing.salt;
    const salt = newSecret();
    const made = await this.store.tryWrite(
      this.e.linkSalt
        .build(PutItemCommand)
        .item({ key, salt })
        .options({ condition: { attr: 'key', exists: false } }),
    );
    // Another run made it first: theirs is the salt.
    return made ? salt : (await read())!.salt;
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
          rest.map(({ linkId, link, takeOver }) =>
            this.e.link
              .build(PutTransaction)
              .item({ ...extra, ...link, linkId, secretHash: hashSecret(secrets.get(linkId)!) })
              .options({
                condition:
                  takeOver === undefined
                    ? { attr: 'linkId', exists: false }
                    : { attr: 'bulkRun', eq: takeOver },
              }),
          ),
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
    return this.store.getMany(
      this.e.link,
      linkIds.map((linkId) => ({ linkId })),
    );
  }

  /** Records that a bulk run emailed one chunk of its claims (`bulkRun`: `<run>#<chunk>`). */
  async chunkSent(bulkRun: string, at: string, expiresAt: number): Promise<void> {
    await this.e.bulkChunk.build(PutItemCommand).item({ bulkRun, at, expiresAt }).send();
  }

  /** Of these chunks, those whose emails went out (`chunkSent`). */
  async chunksSent(bulkRuns: readonly string[]): Promise<Set<string>> {
    const items = await this.store.getMany(
      this.e.bulkChunk,
      bulkRuns.map((bulkRun) => ({ bulkRun })),
    );
    return new Set(items.map((i) => i.bulkRun));
  }

  /**
   * Raises a number kept on a link (e.g. the version of the event its email carried) to `to`, only if the
   * link exists and holds a lower one: `{ previous }`, or why not.
   */
  async moveUp(
    linkId: string,
    field: LinkNumber,
    to: number,
    at: string,
  ): Promise<{ previous: number } | 'absent' | 'not-lower'> {
    try {
      const { Attributes: before } = await this.store.conditionally(
        this.e.link
          .build(UpdateItemCommand)
          .item({ linkId, [field]: to, updatedAt: at })
          .options({
            condition: {
              and: [
                { attr: 'linkId', exists: true },
                {
                  or: [
                    { attr: field, exists: false },
                    { attr: field, lt: to },
                  ],
                },
              ],
            },
            returnValues: 'ALL_OLD',
          }),
      );
      return { previous: before?.[field] ?? 0 };
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
      return (await this.read(linkId)) ? 'not-lower' : 'absent';
    }
  }

  /** Undoes `moveUp` (its email could not be sent), if nobody moved the number on since. */
  async moveBack(linkId: string, field: LinkNumber, from: number, to: number): Promise<void> {
    await this.store.conditionally(
      this.e.link
        .build(UpdateItemCommand)
        .item({ linkId, [field]: to })
        .options({ condition: { attr: field, eq: from } }),
    );
  }

  /** Gives a claimed link back (its email could not be sent), so that the next run claims it again. */
  async release(linkId: string): Promise<void> {
    await this.e.link.build(DeleteItemCommand).key({ linkId }).send();
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
    const { Item } = await this.e.link
      .build(GetItemCommand)
      .key({ linkId })
      .options({ consistent: true })
      .send();
    return Item;
  }

  /** Marks a link used exactly once; false when someone used it first. */
  private async consume(linkId: string, usedBy: string, outcome: string, at: string): Promise<boolean> {
    return this.store.tryWrite(
      this.e.link
        .build(UpdateItemCommand)
        .item({ linkId, usedAt: at, usedBy, outcome })
        .options({
          condition: {
            and: [
              { attr: 'linkId', exists: true },
              { attr: 'usedAt', exists: false },
            ],
          },
        }),
    );
  }
}
