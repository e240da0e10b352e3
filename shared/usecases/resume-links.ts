import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Links } from '../adapters/dynamodb/links.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import { deadlineOf } from '../domain/round.ts';
import type { Clock } from '../domain/time.ts';
import { resumeEmail } from '../mail/intake-emails.tsx';
import { countMetric } from '../observability.ts';

/**
 * The asynchronous half of a new draft (or of a request for a fresh link): the draft's resume link, issued
 * and emailed by the jobs function, so creating a draft does not wait on the email. Counted against the
 * address's limit by the request, before it is handed over.
 */
export interface ResumeLinkEvent {
  /** The draft's id. */
  readonly resumeLinkFor: string;
}
export const isResumeLinkEvent = (event: object): event is ResumeLinkEvent =>
  typeof (event as Partial<ResumeLinkEvent>).resumeLinkFor === 'string';

export interface ResumeLinkDeps {
  readonly rounds: Pick<Rounds, 'get'>;
  readonly dossiers: Pick<Dossiers, 'get'>;
  readonly links: Pick<Links, 'issue'>;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
}

/** Issues a draft's resume link (valid until the round's deadline) and emails it to its representative. */
export function makeResumeLinks(deps: ResumeLinkDeps) {
  async function send(d: Dossier): Promise<void> {
    const round = await deps.rounds.get(d.roundId);
    if (!round) return;
    const { linkId, secret } = await deps.links.issue({
      purpose: 'resume',
      dossierId: d.id,
      person: d.form.representative.email,
      expiresAt: Math.floor(deadlineOf(round).getTime() / 1000),
      createdAt: deps.clock().toISOString(),
    });
    // The secret travels in the fragment: link scanners that fetch the URL never send it to us.
    await deps.mailer.send(resumeEmail(d, round, `${deps.publicBaseUrl}/resume/${linkId}#${secret}`));
    countMetric('EmailSent');
  }

  return {
    send,
    /** The handed-over event: the draft read again (a draft deleted meanwhile gets nothing). */
    async deliver(event: ResumeLinkEvent): Promise<void> {
      const d = await deps.dossiers.get(event.resumeLinkFor);
      if (d) await send(d);
    },
  };
}
