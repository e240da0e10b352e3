import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Dossier } from '../domain/dossier.ts';
import { normalizeDossierCode } from '../domain/dossier-code.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Round } from '../domain/round.ts';
import { SITE } from '../i18n/messages/status.ts';

/** Read-only questions the public site answers: the current round, a dossier's status. */
export function makePublicQueries(deps: { rounds: Rounds; dossiers: Dossiers }) {
  return {
    async currentRound(): Promise<Round> {
      const round = await deps.rounds.current();
      if (!round) throw new NotFoundError(SITE.noCall);
      return round;
    },

    /** Status by code + email; a wrong code and a wrong email get the same answer (no enumeration). */
    async lookup(codeInput: string, email: string): Promise<Dossier> {
      const code = normalizeDossierCode(codeInput);
      const d = code ? await deps.dossiers.findByCode(code) : undefined;
      if (!d || d.form.representative.email.toLowerCase() !== email.trim().toLowerCase()) {
        throw new NotFoundError(SITE.noMatch);
      }
      return d;
    },
  };
}
