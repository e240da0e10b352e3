import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Links, LinkTerms } from '../adapters/dynamodb/links.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Mailer, OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier, DossierStatus } from '../domain/dossier.ts';
import { deriveLinkId, newLinkId } from '../domain/secrets.ts';
import type { Clock } from '../domain/time.ts';
import { countMetric, logger } from '../observability.ts';

/** Every address that must be skipped (it bounced or complained), lower case, and why. */
export type SuppressionList = () => Promise<ReadonlyMap<string, string>>;

export interface BulkSendDeps {
  readonly links: Links;
  readonly clock: Clock;
  readonly mailer: Mailer;
  /** By default no address is skipped. */
  readonly suppressed?: SuppressionList;
  /** SES sending rate (emails per second); undefined or 0 = no limit. */
  readonly sendRatePerSecond?: number;
  /** Emails in flight at once. */
  readonly concurrency?: number;
}

/** What a use-case that emails a round's dossiers in bulk is given (see `bulkEmailDeps` in compose). */
export interface BulkEmailUseCaseDeps extends BulkSendDeps {
  readonly rounds: Rounds;
  readonly dossiers: Dossiers;
  readonly publicBaseUrl: string;
}

/** One bulk email: who gets it, the link it carries, and what it says. */
export interface BulkEmail {
  /** With the round: each recipient gets one email per purpose, however often the job runs. */
  readonly purpose: string;
  readonly roundId: string;
  /** The recipients, page by page. */
  readonly recipients: AsyncIterable<readonly Dossier[]> | Iterable<readonly Dossier[]>;
  /** The emailed link each recipient gets with the email (its id is derived, see `linkIdOf`). */
  readonly link: (d: Dossier) => LinkTerms;
  readonly compose: (d: Dossier, link: { linkId: string; secret: string }) => OutgoingEmail;
  /** Kept on the link, e.g. which version of the event the recipient got. */
  readonly extra?: Record<string, unknown>;
  /**
   * Epoch milliseconds after which no more recipients are claimed (the emails in hand still go; the first
   * chunk is always claimed, so runs make progress): the run then reports `complete: false` and another
   * run (a new invocation) sends the rest.
   */
  readonly until?: number;
}

export interface BulkResult {
  /**
   * False when the run stopped at its time limit with recipients left for another run (`stoppedAtLimit`),
   * or when claims are in doubt (`inDoubt` > 0): only true when every recipient is known to have been sent.
   */
  readonly complete: boolean;
  /** The run stopped claiming at its time limit: another run should start at once for the rest. */
  readonly stoppedAtLimit: boolean;
  readonly sent: number;
  /** Already sent by an earlier (or a concurrent) run: their chunk was recorded as sent. */
  readonly skipped: number;
  /**
   * Claimed by another run that may be dead (or still at work) whose chunk is not recorded as sent, too
   * recently to take over: their email may or may not have gone. A run after `retryAt` takes them over.
   */
  readonly inDoubt: number;
  /** When the claims in doubt can be taken over (ISO, the sender's clock); only when `inDoubt` > 0. */
  readonly retryAt?: string;
  /** Claimed by an earlier run that died before emailing them, and sent by this one. */
  readonly recovered: number;
  readonly suppressed: readonly { dossierId: string; email: string; reason: string }[];
  readonly failed: readonly { dossierId: string; email: string; error: string }[];
}

/** What a run that sent nothing reports. */
export const NOTHING_SENT: BulkResult = {
  complete: true,
  stoppedAtLimit: false,
  sent: 0,
  skipped: 0,
  inDoubt: 0,
  recovered: 0,
  suppressed: [],
  failed: [],
};

/** Spaces sends evenly: each caller waits for the next free slot of 1/rate seconds. */
export function makeRateLimiter(perSecond?: number): () => Promise<void> {
  if (!perSecond || perSecond <= 0) return async () => undefined;
  const interval = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + interval;
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  };
}

/** Runs `work` over items with at most `limit` in flight. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let i = 0;
  const worker = async () => {
    while (i < items.length) await work(items[i++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Every dossier of one status partition of a round, page by page (GSI, never a Scan); the next page is
 * read while the caller works on this one.
 */
export async function* pagesOf(
  dossiers: Dossiers,
  roundId: string,
  status: DossierStatus,
): AsyncGenerator<Dossier[]> {
  let pending: ReturnType<Dossiers['listByStatus']> | undefined = dossiers.listByStatus(roundId, status, 100);
  while (pending) {
    const page: Awaited<ReturnType<Dossiers['listByStatus']>> = await pending;
    pending = page.next ? dossiers.listByStatus(roundId, status, 100, page.next) : undefined;
    // A consumer that stops early must not leave the read-ahead's failure unhandled.
    pending?.catch(() => undefined);
    yield page.items as Dossier[];
  }
}

/** The id of the link a recipient gets with a bulk email: the same on every run (see `deriveLinkId`). */
export const linkIdOf = (salt: string, purpose: string, roundId: string, dossierId: string) =>
  deriveLinkId(salt, purpose, roundId, dossierId);

/** A chunk of recipients whose links (the claims of their emails) this run stored. */
interface Claimed {
  /** `<run>#<chunk>`, kept on each link; recorded once the chunk's emails went (`chunkSent`). */
  readonly bulkRun: string;
  readonly recipients: readonly { d: Dossier; linkId: string; secret: string }[];
  /** When the chunk's record may go: when its links expire. */
  readonly expiresAt: number;
}

/**
 * A claim this old whose chunk was never recorded as sent belongs to a run that died between claiming
 * and emailing (no run outlives its Lambda timeout, 5 minutes at most): a later run sends those emails.
 */
export const IN_DOUBT_AFTER_MS = 15 * 60_000;

/** Recipients are claimed this many at a time (one transaction), a little ahead of their emails. */
const CHUNK = 25;

/**
 * Chunks a run holds claimed and not yet recorded as sent, at most: the sends never wait for a claim (the
 * next chunks are claimed while the earlier ones are emailed), and a run that dies leaves at most
 * `CHUNK` × this many claims in doubt.
 */
const CHUNKS_AHEAD = 4;

/** At most `n` holders at once; waiters are served in the order they came. */
function semaphore(n: number) {
  let free = n;
  const waiting: (() => void)[] = [];
  return {
    acquire: (): Promise<void> => {
      if (free > 0) {
        free--;
        return Promise.resolve();
      }
      return new Promise((r) => waiting.push(r));
    },
    release: (): void => {
      const next = waiting.shift();
      if (next) next();
      else free++;
    },
  };
}

/**
 * Bulk email that reaches each recipient once per purpose, even when the job fails half-way and runs
 * again, or two runs overlap. The claim is the recipient's link itself: its id is derived from the
 * purpose, round and recipient, so storing it (a conditional put) succeeds for one run only, and that
 * run sends the email. Recipients are claimed a chunk at a time in one transaction, the next chunks while
 * earlier ones are emailed, the emails of consecutive chunks going out without a pause between them; a
 * failed send deletes its link (the next run retries that recipient) and does not stop the others. Marked addresses are read once per run. Each chunk is recorded once its emails went;
 * if the process itself dies (not a send error) with chunks in hand, their claims stay unrecorded, and a
 * run after `IN_DOUBT_AFTER_MS` takes them over and sends them: nobody is left out, and only those of
 * that chunk whose email had gone before the crash get a second one. A run before then counts those
 * claims `inDoubt` and says `complete: false` with `retryAt`, when a follow-up run can take them over
 * (the jobs schedule one, see `runOrHandOver`). Duplicates are bounded: at most one extra email per
 * claim in doubt (only its first run may have sent it before dying), so at most `CHUNK` × `CHUNKS_AHEAD`
 * (100) per dead run (the chunks claimed and not yet recorded). So that a Lambda timeout is never such a crash,
 * a run with `until` stops claiming in time and reports itself incomplete (`stoppedAtLimit`); the
 * caller starts another run for the rest at once.
 */
export function makeBulkSender(deps: BulkSendDeps) {
  const limit = makeRateLimiter(deps.sendRatePerSecond);
  const concurrency = deps.concurrency ?? 16;

  return async function send(email: BulkEmail): Promise<BulkResult> {
    const { purpose, roundId } = email;
    const [salt, skip] = await Promise.all([
      deps.links.saltFor(purpose, roundId),
      deps.suppressed?.() ?? new Map<string, string>(),
    ]);
    const runId = newLinkId();
    let chunks = 0;
    const records: Promise<void>[] = [];
    let sent = 0;
    let skipped = 0;
    let recovered = 0;
    let inDoubt = 0;
    // The latest time at which a claim in doubt can be taken over (epoch ms).
    let retryAt: number | undefined;
    const suppressed: { dossierId: string; email: string; reason: string }[] = [];
    const failed: { dossierId: string; email: string; error: string }[] = [];
    const address = (d: Dossier) => d.form.representative.email;

    /**
     * Of recipients whose links exist already, those whose claim another run holds unrecorded (its chunk
     * never recorded as sent): taken over by this run when the claim is old enough (that run died), else
     * counted in doubt. Returns the secrets of those taken over, by link id, and how many are in doubt.
     */
    async function takeOverInDoubt(
      refused: readonly { d: Dossier; linkId: string }[],
      extra: Record<string, unknown>,
      now: Date,
    ): Promise<{ taken: Map<string, string>; doubtful: number }> {
      const claimed = (await deps.links.getMany(refused.map((r) => r.linkId))).filter(
        (l) => l.bulkRun && l.claimedAt,
      );
      if (!claimed.length) return { taken: new Map(), doubtful: 0 };
      const done = await deps.links.chunksSent([...new Set(claimed.map((l) => l.bulkRun!))]);
      const unrecorded = claimed.filter((l) => !done.has(l.bulkRun!));
      const stale = unrecorded.filter((l) => now.getTime() - Date.parse(l.claimedAt!) > IN_DOUBT_AFTER_MS);
      let doubtful = 0;
      for (const l of unrecorded) {
        if (stale.includes(l)) continue;
        doubtful++;
        const at = Date.parse(l.claimedAt!) + IN_DOUBT_AFTER_MS;
        if (retryAt === undefined || at > retryAt) retryAt = at;
      }
      // Chunks are claimed concurrently (one ahead): counted here, not by differences of the run's total.
      inDoubt += doubtful;
      if (!stale.length) return { taken: new Map(), doubtful };
      const dossierOf = new Map(refused.map((r) => [r.linkId, r.d]));
      const taken = await deps.links.claimMany(
        stale.map((l) => ({
          linkId: l.linkId,
          link: email.link(dossierOf.get(l.linkId)!),
          takeOver: l.bulkRun,
        })),
        extra,
      );
      recovered += taken.size;
      logger.warn('Emails left unsent by a run that died are sent now', {
        purpose,
        roundId,
        count: taken.size,
      });
      return { taken, doubtful };
    }

    /** Stores the links of a chunk's recipients (skipping marked addresses): those this run now owns. */
    async function claim(chunk: readonly Dossier[]): Promise<Claimed> {
      const now = deps.clock();
      const bulkRun = `${runId}#${chunks++}`;
      const open: { d: Dossier; linkId: string; link: LinkTerms }[] = [];
      for (const d of chunk) {
        const reason = skip.get(address(d).trim().toLowerCase());
        if (reason) {
          suppressed.push({ dossierId: d.id, email: address(d), reason });
          logger.info('Email skipped: address suppressed', { purpose, dossierId: d.id, reason });
        } else open.push({ d, linkId: linkIdOf(salt, purpose, roundId, d.id), link: email.link(d) });
      }
      const extra = { ...email.extra, bulkRun, claimedAt: now.toISOString() };
      const secrets = await deps.links.claimMany(open, extra);
      const refused = open.filter((o) => !secrets.has(o.linkId));
      let doubtful = 0;
      if (refused.length) {
        const outcome = await takeOverInDoubt(refused, extra, now);
        for (const [id, secret] of outcome.taken) secrets.set(id, secret);
        doubtful = outcome.doubtful;
      }
      skipped += open.length - secrets.size - doubtful;
      return {
        bulkRun,
        recipients: open.flatMap(({ d, linkId }) => {
          const secret = secrets.get(linkId);
          return secret ? [{ d, linkId, secret }] : [];
        }),
        expiresAt: Math.max(0, ...open.map((o) => o.link.expiresAt)),
      };
    }

    const sending = semaphore(concurrency);
    const unrecorded = semaphore(CHUNKS_AHEAD);

    async function emailOne({ d, linkId, secret }: Claimed['recipients'][number]) {
      try {
        const message = email.compose(d, { linkId, secret });
        await limit();
        await deps.mailer.send(message);
        sent++;
      } catch (err) {
        // One bad address must not stop the rest; the claim goes back, so a re-run retries it.
        failed.push({ dossierId: d.id, email: address(d), error: String(err) });
        logger.warn('Email not sent', { purpose, dossierId: d.id, error: String(err) });
        await deps.links
          .release(linkId)
          .catch((e) => logger.error('Claim not given back', { dossierId: d.id, error: String(e) }));
      }
    }

    // Chunks hand their emails to the senders in the order they were claimed: a chunk starts once the one
    // before it has started all of its emails, so a chunk is done (and recorded) as early as it can be.
    let handedOut: Promise<unknown> = Promise.resolve();
    function emailChunk({ bulkRun, recipients, expiresAt }: Claimed): Promise<void> {
      const started = handedOut.then(async () => {
        const sends: Promise<void>[] = [];
        for (const r of recipients) {
          await sending.acquire();
          sends.push(emailOne(r).finally(sending.release));
        }
        return sends;
      });
      handedOut = started;
      return started
        .then((sends) => Promise.all(sends))
        .then(() => {
          // From here on, a later run knows these claims were emailed (not in doubt). The next chunk need
          // not wait for this write; the run waits for all of them before it ends.
          if (recipients.length) {
            const record = deps.links.chunkSent(bulkRun, deps.clock().toISOString(), expiresAt);
            record.catch(() => undefined);
            records.push(record);
          }
        })
        .finally(unrecorded.release);
    }

    const emailing: Promise<void>[] = [];
    let failure: unknown;
    let stoppedAtLimit = false;
    const outOfTime = () => email.until !== undefined && Date.now() >= email.until;
    try {
      pages: for await (const page of email.recipients) {
        for (let i = 0; i < page.length; i += CHUNK) {
          await unrecorded.acquire();
          // Every run claims at least one chunk, so a chain of runs always gets further.
          if (emailing.length && outOfTime()) {
            stoppedAtLimit = true;
            break pages;
          }
          emailing.push(emailChunk(await claim(page.slice(i, i + CHUNK))));
        }
      }
    } catch (err) {
      // A read or a claim failed (not a send): what was claimed is emailed (and recorded) before the run
      // stops, so it leaves no claim behind.
      failure = err;
    }
    // Sends do not throw (a failed one is counted): this waits for the emails in hand.
    await Promise.all(emailing);
    if (sent) countMetric('EmailSent', sent);
    if (failed.length) countMetric('EmailFailed', failed.length);
    if (failure !== undefined) {
      await Promise.allSettled(records);
      throw failure;
    }
    await Promise.all(records);
    if (inDoubt)
      logger.warn('Claims in doubt: another run holds them unrecorded; a later run takes them over', {
        purpose,
        roundId,
        inDoubt,
        retryAt: new Date(retryAt!).toISOString(),
      });
    return {
      complete: !stoppedAtLimit && inDoubt === 0,
      stoppedAtLimit,
      sent,
      skipped,
      inDoubt,
      ...(retryAt !== undefined ? { retryAt: new Date(retryAt).toISOString() } : {}),
      recovered,
      suppressed,
      failed,
    };
  };
}

export type BulkSender = ReturnType<typeof makeBulkSender>;
