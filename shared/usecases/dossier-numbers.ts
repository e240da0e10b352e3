import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import { ConditionFailed } from '../adapters/dynamodb/store.ts';
import type { Dossier } from '../domain/dossier.ts';
import { formatDossierCode } from '../domain/dossier-code.ts';
import type { Round } from '../domain/round.ts';

/**
 * The code (mã hồ sơ) of a dossier that has just been submitted: the round's next number (an atomic
 * counter), taken only after the submission committed, so refused, duplicate, double-clicked and
 * concurrent submits take no number and leave no gap. A number is lost only if the function dies
 * between taking it and writing it (two consecutive single-item writes). Used by the submit and by the
 * reconciler, which numbers a dossier whose submit died between its state change and its number.
 */
export function makeDossierNumbering(deps: { dossiers: Dossiers; rounds: Pick<Rounds, 'get'> }) {
  return async function numberDossier(d: Dossier, round?: Round): Promise<Dossier> {
    const prefix = (round ?? (await deps.rounds.get(d.roundId)))?.codePrefix ?? d.roundId.toUpperCase();
    const code = formatDossierCode(prefix, await deps.dossiers.nextSequence(`DOSSIER#${d.roundId}`));
    try {
      return await deps.dossiers.assignCode(d.id, code);
    } catch (err) {
      // Another writer numbered it first: theirs stands.
      const again = err instanceof ConditionFailed ? await deps.dossiers.get(d.id) : undefined;
      if (again?.code) return again;
      throw err;
    }
  };
}
