import { Ceremony, type StoredPass } from '../adapters/dynamodb/ceremony.ts';
import { Certificates } from '../adapters/dynamodb/certificates.ts';
import type { LinkTerms } from '../adapters/dynamodb/links.ts';
import type { Store } from '../adapters/dynamodb/store.ts';
import type { Dossier } from '../domain/dossier.ts';
import { ConflictError, DeadlinePassedError, invalidFields, NotFoundError } from '../domain/errors.ts';
import { invitationIcs } from '../domain/ics.ts';
import { checkPass, type LinkCheck } from '../domain/links.ts';
import type { Round } from '../domain/round.ts';
import { newSecret } from '../domain/secrets.ts';
import { formatIct, fromIctLocal } from '../domain/time.ts';
import { textOf } from '../i18n/catalog.ts';
import { CEREMONY_CALENDAR, CEREMONY_ERRORS, RSVP_ISSUES } from '../i18n/messages/ceremony.ts';
import { RSVP_PAGE } from '../i18n/messages/status.ts';
import { invitationTemplate } from '../mail/invitation-template.ts';
import { checkInPassEmail, programmeLines } from '../mail/round-emails.tsx';
import { countMetric, logger } from '../observability.ts';
import {
  type BulkEmail,
  type BulkEmailUseCaseDeps,
  type BulkResult,
  linkIdOf,
  makeBulkSender,
  makeRateLimiter,
  NOTHING_SENT,
  pagesOf,
  pool,
} from './bulk-send.ts';

/** Answers can change until three days before the ceremony. */
export const RSVP_CUTOFF_DAYS = 3;
export const MAX_GUESTS = 2;
const CEREMONY_MINUTES = 150;
const DAY_MS = 24 * 3600 * 1000;

export const rsvpCutoffOf = (round: Pick<Round, 'ceremony'>): Date =>
  new Date(fromIctLocal(round.ceremony.at).getTime() - RSVP_CUTOFF_DAYS * DAY_MS);

/** A member's answer to the invitation. */
export interface RsvpAnswer {
  readonly attending: boolean;
  readonly guests: readonly string[];
  readonly accessibility: string;
}

export interface Rsvp extends RsvpAnswer {
  readonly roundId: string;
  readonly dossierId: string;
  readonly answeredAt: string;
  readonly passId?: string;
}

/** A pass as stored, and what its holder's certificate says of it now. */
export interface CheckInPass extends StoredPass {
  /**
   * Set when the holder's membership certificate was revoked (read from the certificate each time, so a
   * revocation after the invitation voids the pass at once): the pass admits nobody.
   */
  readonly voidedAt?: string;
}

/** What the RSVP page and the check-in say of a revoked member. */
const REVOKED_TEXT = CEREMONY_ERRORS.revoked;
const voidedPassText = (at: string) => textOf(CEREMONY_ERRORS.passVoid, formatIct(at));

export interface RsvpView {
  readonly dossier: Dossier;
  readonly round: Round;
  readonly rsvp?: Rsvp;
  readonly cutoff: Date;
  readonly open: boolean;
}

export interface InvitationDeps extends BulkEmailUseCaseDeps {
  readonly store: Store;
  readonly organizer: { readonly name: string; readonly email: string };
}

/** The bulk email's purpose: one invitation per member and round. */
const INVITATION = 'invitation';

/**
 * Ceremony invitations, RSVP and check-in. Invitations go through the bulk sender: each member's RSVP link
 * is the claim of the email (stored once, given back if the send fails), so a failed or re-run job sends
 * each member exactly one.
 */
export function makeInvitations(deps: InvitationDeps) {
  const { rounds, dossiers, links, mailer, clock } = deps;
  const ceremony = new Ceremony(deps.store);
  const certificates = new Certificates(deps.store);
  const limit = makeRateLimiter(deps.sendRatePerSecond);
  const concurrency = deps.concurrency ?? 16;
  const bulk = makeBulkSender({ ...deps, concurrency });

  const revokedAmong = (ids: readonly string[]) => certificates.revokedAmong(ids);
  const revokedAt = async (dossierId: string) => (await revokedAmong([dossierId])).get(dossierId);

  /**
   * Approved members page by page, without those whose certificate was revoked (no invitation, no update).
   * The next page and its certificates are read while the caller works on this one: the senders must not
   * wait for a page.
   */
  async function* membersOf(roundId: string): AsyncGenerator<Dossier[]> {
    const pages = pagesOf(dossiers, roundId, 'approved');
    const nextPage = async (): Promise<Dossier[] | undefined> => {
      const read = await pages.next();
      if (read.done) return undefined;
      const revoked = await revokedAmong(read.value.map((d) => d.id));
      if (revoked.size)
        logger.info('Revoked members left out of the ceremony emails', { roundId, count: revoked.size });
      return read.value.filter((d) => !revoked.has(d.id));
    };
    for (let pending = nextPage(); ; ) {
      const page = await pending;
      if (!page) return;
      pending = nextPage();
      // A consumer that stops early must not leave the read-ahead's failure unhandled.
      pending.catch(() => undefined);
      yield page;
    }
  }

  /** A member's RSVP link: live until the day after the ceremony, so a late click sees "answers closed". */
  const rsvpLink = (round: Round, d: Dossier, now: Date): LinkTerms => ({
    purpose: 'rsvp',
    dossierId: d.id,
    person: d.form.representative.email,
    expiresAt: Math.floor((fromIctLocal(round.ceremony.at).getTime() + DAY_MS) / 1000),
    createdAt: now.toISOString(),
    data: { roundId: round.id },
  });
  const rsvpUrl = (link: { linkId: string; secret: string }) =>
    `${deps.publicBaseUrl}/rsvp/${link.linkId}?s=${link.secret}`;

  /** A member's .ics: the same UID for a member and round, SEQUENCE as given. */
  function icsFor(round: Round, d: Dossier, url: string, sequence: number, now: Date) {
    const person = d.form.representative.email;
    return invitationIcs({
      uid: `ceremony-${round.id}-${d.id}@${new URL(deps.publicBaseUrl).hostname}`,
      sequence,
      start: round.ceremony.at,
      durationMinutes: CEREMONY_MINUTES,
      summary: `${round.name.vi} – ${CEREMONY_CALENDAR.event.vi} / ${CEREMONY_CALENDAR.event.en}`,
      location: `${round.ceremony.venue.vi} / ${round.ceremony.venue.en}`,
      description: `${programmeLines(round, 'vi').join('\n')}\n\nRSVP: ${url}`,
      url,
      organizer: deps.organizer,
      attendee: { name: d.form.representative.fullName ?? person, email: person },
      stamp: now,
    });
  }

  /**
   * The invitation of a run: rendered once (see `invitationTemplate`), each member's email filled in with
   * their words, RSVP link and .ics.
   */
  async function invitations(round: Round, sequence: number, now: Date) {
    const template = await invitationTemplate({
      round,
      rsvpUrlOf: rsvpUrl,
      rsvpCutoff: rsvpCutoffOf(round),
      sequence,
    });
    return (d: Dossier, link: { linkId: string; secret: string }) =>
      template.fill({ d, link, ics: icsFor(round, d, rsvpUrl(link), sequence, now) });
  }

  /** Invites members (pages of dossiers) once each; the link keeps the sequence they got. */
  async function invite(round: Round, recipients: BulkEmail['recipients'], until?: number) {
    const now = clock();
    // A member invited after a change of time or venue gets the current sequence straight away.
    const sequence = round.ceremony.sequence ?? 0;
    return bulk({
      until,
      purpose: INVITATION,
      roundId: round.id,
      recipients,
      link: (d) => rsvpLink(round, d, now),
      extra: { sequence },
      compose: await invitations(round, sequence, now),
    });
  }

  /**
   * Sends an invited member the update of the round's current sequence, once: the invitation's link holds
   * the sequence the member last got and is moved up to this one only if it is lower (and moved back if
   * the send fails). The update carries a new link, so the first one keeps working. 'not-invited' for a
   * member who never got the invitation (nothing to update).
   */
  async function updateOne(
    round: Round,
    d: Dossier,
    salt: string,
    compose: Awaited<ReturnType<typeof invitations>>,
  ): Promise<'sent' | 'skipped' | 'not-invited'> {
    const now = clock();
    const sequence = round.ceremony.sequence ?? 0;
    const invitationLink = linkIdOf(salt, INVITATION, round.id, d.id);
    const moved = await links.moveUp(invitationLink, 'sequence', sequence, now.toISOString());
    if (moved === 'absent') return 'not-invited';
    if (moved === 'not-lower') return 'skipped';
    const previous = moved.previous;
    let linkId: string | undefined;
    try {
      const issued = await links.issue(rsvpLink(round, d, now));
      linkId = issued.linkId;
      const email = compose(d, issued);
      await limit();
      await mailer.send(email);
      return 'sent';
    } catch (err) {
      // Back to the sequence the member has, so a re-run sends this update.
      await Promise.all([
        links.moveBack(invitationLink, 'sequence', sequence, previous).catch(() => undefined),
        linkId ? links.release(linkId) : undefined,
      ]);
      throw err;
    }
  }

  /** Sends the ceremony update to every invited member, page by page; one failure does not stop the rest. */
  async function updateAll(round: Round, until?: number): Promise<BulkResult> {
    let stoppedAtLimit = false;
    const [salt, skip] = await Promise.all([
      links.saltFor(INVITATION, round.id),
      deps.suppressed?.() ?? new Map<string, string>(),
    ]);
    let sent = 0;
    let skipped = 0;
    const failed: { dossierId: string; email: string; error: string }[] = [];
    const suppressed: { dossierId: string; email: string; reason: string }[] = [];
    const compose = await invitations(round, round.ceremony.sequence ?? 0, clock());
    for await (const page of membersOf(round.id)) {
      await pool(page, concurrency, async (d) => {
        // At the time limit the rest is left to another run (each member's update is claimed once).
        if (until !== undefined && Date.now() >= until) {
          stoppedAtLimit = true;
          return;
        }
        const email = d.form.representative.email;
        const reason = skip.get(email.trim().toLowerCase());
        if (reason) {
          suppressed.push({ dossierId: d.id, email, reason });
          return;
        }
        try {
          const outcome = await updateOne(round, d, salt, compose);
          if (outcome === 'sent') sent++;
          else if (outcome === 'skipped') skipped++;
        } catch (err) {
          failed.push({ dossierId: d.id, email, error: String(err) });
          logger.warn('Ceremony update not sent', { dossierId: d.id, error: String(err) });
        }
      });
    }
    if (sent) countMetric('EmailSent', sent);
    if (failed.length) countMetric('EmailFailed', failed.length);
    return {
      complete: !stoppedAtLimit,
      stoppedAtLimit,
      sent,
      skipped,
      inDoubt: 0,
      recovered: 0,
      failed,
      suppressed,
    };
  }

  async function view(linkId: string, secret: string | undefined) {
    const now = clock();
    // An RSVP link is never used up: answers may change until the cutoff, and it expires after the ceremony.
    const found = await links.inspect('rsvp', linkId, secret, now);
    if (found.kind !== 'ok') {
      throw new NotFoundError(CEREMONY_ERRORS.rsvpLinkInvalid);
    }
    const dossier = (await dossiers.get(found.link.dossierId))!;
    // A member whose certificate was revoked after the invitation: the link no longer answers or issues a pass.
    if ((await revokedAt(dossier.id)) !== undefined) throw new ConflictError(REVOKED_TEXT);
    const round = (await rounds.get(dossier.roundId))!;
    const rsvp: Rsvp | undefined = await ceremony.rsvp(round.id, dossier.id);
    const cutoff = rsvpCutoffOf(round);
    return { dossier, round, rsvp, cutoff, open: now.getTime() <= cutoff.getTime() } satisfies RsvpView;
  }

  const noSuchPass = () => new NotFoundError(CEREMONY_ERRORS.noSuchPass);

  /** A stored pass by the links' rule: absent is refused, scanned before is used (when, by whom). */
  async function findPass(passId: string) {
    return checkPass<CheckInPass>(await ceremony.pass(passId));
  }

  /** A check-in pass as it stands, void if the holder's certificate was revoked. */
  async function readPass(passId: string): Promise<CheckInPass> {
    const found = await findPass(passId);
    if (found.kind === 'refused') throw noSuchPass();
    const voidedAt = await revokedAt(found.link.dossierId);
    return { ...found.link, ...(voidedAt !== undefined ? { voidedAt } : {}) };
  }

  /** Marks a pass scanned, once (a conditional write): `ok`, or `used` by a concurrent scan that came first. */
  async function scan(passId: string, by: string): Promise<LinkCheck<CheckInPass>> {
    const scanned = await ceremony.checkIn(passId, clock().toISOString(), by);
    return scanned === 'not-first' ? findPass(passId) : { kind: 'ok', link: scanned };
  }

  async function sendPass(v: RsvpView, rsvp: Rsvp): Promise<string> {
    const passId = rsvp.passId ?? newSecret().slice(0, 22);
    await ceremony.savePass({
      passId,
      roundId: v.round.id,
      dossierId: v.dossier.id,
      // An approved dossier always has it (the form requires it to submit).
      holder: v.dossier.form.representative.fullName ?? '',
      spaceName: v.dossier.form.space.nameVi,
    });
    if (
      !(await dossiers.claimSend('check-in-pass', v.round.id, v.dossier.id, clock().toISOString(), {
        passId,
      }))
    )
      return passId;
    try {
      const checkInUrl = `${deps.publicBaseUrl}/admin/check-in/${passId}`;
      // The QR encoder and its PNG writer load with the first pass, not at every cold start of admin and rsvp.
      const { default: QRCode } = await import('qrcode');
      const qrPng = await QRCode.toBuffer(checkInUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2 });
      await mailer.send(
        checkInPassEmail({ d: v.dossier, round: v.round, checkInUrl, qrPng, guests: rsvp.guests }),
      );
    } catch (err) {
      await dossiers.releaseSend('check-in-pass', v.round.id, v.dossier.id);
      throw err;
    }
    return passId;
  }

  return {
    /** Invites every approved member of the round; safe to run again (each member gets one email). */
    async sendInvitations(roundId: string, until?: number) {
      const round = await rounds.get(roundId);
      if (!round) return { done: false, reason: 'unknown round', ...NOTHING_SENT };
      // Marks that invitations went out, so members approved later are invited on approval.
      await ceremony.markInvitationsSent(roundId, clock().toISOString());
      return { done: true, ...(await invite(round, membersOf(roundId), until)) };
    },

    /**
     * After a change of time or venue (the round's ceremony.sequence went up): every member already invited
     * gets the invitation again with the same UID and the new SEQUENCE, once per member and sequence.
     */
    async sendCeremonyUpdate(roundId: string, until?: number) {
      const round = await rounds.get(roundId);
      if (!round) return { done: false, reason: 'unknown round', ...NOTHING_SENT };
      if (!round.ceremony.sequence) return { done: true, ...NOTHING_SENT };
      return { done: true, ...(await updateAll(round, until)) };
    },

    /** For the approval step: invites a member approved after the invitations went out (no-op before). */
    async inviteIfAlreadySent(dossierId: string): Promise<{ invited: boolean }> {
      const d = await dossiers.get(dossierId);
      if (d?.status !== 'approved') return { invited: false };
      if ((await revokedAt(d.id)) !== undefined) return { invited: false };
      if (!(await ceremony.invitationsSent(d.roundId))) return { invited: false };
      const round = await rounds.get(d.roundId);
      if (!round) return { invited: false };
      const result = await invite(round, [[d]]);
      // A failure throws so the workflow's retry sends it later.
      if (result.failed.length) throw new Error(result.failed[0]!.error);
      return { invited: result.sent === 1 };
    },

    /** The RSVP page's data (GET: shows only). */
    open: view,

    /** Records (or changes) an answer until the cutoff; accepting sends the check-in pass once. */
    async answer(linkId: string, secret: string, answer: RsvpAnswer): Promise<RsvpView> {
      const v = await view(linkId, secret);
      if (!v.open) {
        throw new DeadlinePassedError(textOf(CEREMONY_ERRORS.answersClosed, formatIct(v.cutoff)));
      }
      const guests = answer.attending
        ? answer.guests.map((g) => g.trim().normalize('NFC')).filter(Boolean)
        : [];
      if (guests.length > MAX_GUESTS) {
        throw invalidFields({
          path: 'guests',
          field: RSVP_PAGE.guest,
          message: textOf(RSVP_ISSUES.tooManyGuests, MAX_GUESTS),
        });
      }
      let rsvp: Rsvp = {
        roundId: v.round.id,
        dossierId: v.dossier.id,
        attending: answer.attending,
        guests,
        accessibility: answer.accessibility.trim().normalize('NFC').slice(0, 1000),
        answeredAt: clock().toISOString(),
        ...(v.rsvp?.passId ? { passId: v.rsvp.passId } : {}),
      };
      if (rsvp.attending) rsvp = { ...rsvp, passId: await sendPass(v, rsvp) };
      await ceremony.saveRsvp(rsvp);
      return { ...v, rsvp };
    },

    /** A check-in pass as it stands (GET of the check-in page: shows only). */
    pass: readPass,

    /**
     * Marks a pass used once; a second scan returns when it was first used. A voided pass (the member's
     * certificate revoked) is refused (409, saying so) and stays unused.
     */
    async checkIn(passId: string, by: string): Promise<{ pass: CheckInPass; already: boolean }> {
      const current = await readPass(passId);
      if (current.voidedAt !== undefined) throw new ConflictError(voidedPassText(current.voidedAt));
      let found = checkPass(current);
      if (found.kind === 'ok') found = await scan(passId, by);
      // A second scan is an answer: the pass as its first scan left it (when, by whom).
      if (found.kind === 'ok' || found.kind === 'used')
        return { pass: found.link, already: found.kind === 'used' };
      throw noSuchPass();
    },

    /** RSVP counts of a round: accepted, declined, guests. */
    async rsvpCounts(roundId: string) {
      let attending = 0;
      let declined = 0;
      let guests = 0;
      for await (const page of ceremony.rsvpsOf(roundId)) {
        for (const r of page) {
          if (r.attending) {
            attending++;
            guests += r.guests.length;
          } else declined++;
        }
      }
      return { attending, declined, guests };
    },
  };
}

export type Invitations = ReturnType<typeof makeInvitations>;
