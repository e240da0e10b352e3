import type { Certificates } from '../adapters/dynamodb/certificates.ts';
import type { Dossiers, ListedDossier } from '../adapters/dynamodb/dossiers.ts';
import type { Members } from '../adapters/dynamodb/members.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import { logger } from '../observability.ts';

/** Approved dossiers read a page at a time; the page's profiles are made side by side. */
const PAGE = 100;

/** The jobs function's event for the backfill: a coordinator's action on `/admin/members`. */
export interface MemberBackfillEvent {
  readonly memberBackfillBy: string;
}

export const isMemberBackfillEvent = (event: object): event is MemberBackfillEvent =>
  typeof (event as Partial<MemberBackfillEvent>).memberBackfillBy === 'string';

/** What a run did: approved dossiers looked at, profiles made (their dossiers), and by whose action. */
export interface BackfillResult {
  readonly by: string;
  readonly checked: number;
  readonly created: readonly string[];
}

/**
 * Makes the directory profile of every member certified before the directory existed: every approved
 * dossier whose certificate is valid and which has no profile gets one, through the same code as the
 * approval (`ensureFor`: the dossier's pointer makes it once). Run again, it makes nothing twice.
 */
export function makeMemberBackfill(deps: {
  rounds: Rounds;
  dossiers: Dossiers;
  certificates: Certificates;
  members: Pick<Members, 'slugOfDossier'>;
  profiles: { ensureFor(d: ListedDossier, certificateId: string): Promise<string> };
}) {
  /** The dossier's profile made now (its dossier id), or undefined when it has one or is no member. */
  async function backfillOne(d: ListedDossier): Promise<string | undefined> {
    if (await deps.members.slugOfDossier(d.id)) return undefined;
    const certificate = await deps.certificates.findByDossier(d.id);
    if (certificate?.status !== 'valid') return undefined;
    await deps.profiles.ensureFor(d, certificate.id);
    return d.id;
  }

  return {
    async run(by: string): Promise<BackfillResult> {
      let checked = 0;
      const created: string[] = [];
      for (const round of await deps.rounds.list()) {
        let next: Record<string, unknown> | undefined;
        do {
          const page = await deps.dossiers.listByStatus(round.id, 'approved', PAGE, next);
          checked += page.items.length;
          const made = await Promise.all(page.items.map(backfillOne));
          created.push(...made.filter((id): id is string => id !== undefined));
          next = page.next;
        } while (next);
      }
      logger.info('Member profiles backfilled', { by, checked, created: created.length });
      return { by, checked, created };
    },
  };
}
