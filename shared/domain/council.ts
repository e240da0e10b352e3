import type { Text } from '../i18n/lang.ts';
import { COUNCIL_WORDS, OPINION_LABELS } from '../i18n/messages/council.ts';
import type { ReviewOutcome } from './workflow-contract.ts';

/**
 * How a round's dossiers are decided (issue: a review council and the Director's sign-off). `single`: the
 * round's reviewers each get a link and the first to decide decides, as before. `council`: `size` reviewers
 * are assigned to each dossier from the round's pool, and `quorum` matching opinions decide. Either way an
 * approval is only a recommendation until the Director signs it off.
 */
export interface DecisionPolicy {
  readonly mode: 'single' | 'council';
  readonly size: number;
  readonly quorum: number;
  /** What each reviewer scores 1–5 (none: no scores asked). */
  readonly criteria: readonly Criterion[];
}

export interface Criterion {
  readonly id: string;
  readonly name: Text;
}

export const SINGLE_REVIEWER: DecisionPolicy = { mode: 'single', size: 1, quorum: 1, criteria: [] };

export const MAX_COUNCIL_SIZE = 9;
export const SCORE_RANGE = { min: 1, max: 5 } as const;

/** One reviewer's opinion on a dossier in one review cycle. */
export interface Opinion {
  readonly by: string;
  readonly at: string;
  readonly outcome: ReviewOutcome;
  readonly comment: string;
  /** One 1–5 score per criterion of the round, named as the round named it when given. */
  readonly scores?: readonly { readonly criterion: Text; readonly score: number }[];
}

/** What the opinions so far decide: nothing yet, or an outcome and the people who made it. */
export type Tally =
  | { readonly decided: false }
  | { readonly decided: true; readonly outcome: ReviewOutcome; readonly by: readonly string[] };

/**
 * The council's rule. A supplement request from any member pauses the dossier for everyone. Approval needs
 * `quorum` recommendations; rejection is decided as soon as approval can no longer reach the quorum (more
 * than `members − quorum` recommend rejection). Otherwise the council waits for the others.
 */
export function tally(
  panel: { members: readonly string[]; quorum: number },
  opinions: readonly Opinion[],
): Tally {
  const counted = opinions.filter((o) => panel.members.includes(o.by));
  const supplement = counted.find((o) => o.outcome === 'supplement');
  if (supplement) return { decided: true, outcome: 'supplement', by: [supplement.by] };
  const approving = counted.filter((o) => o.outcome === 'approved').map((o) => o.by);
  if (approving.length >= panel.quorum) return { decided: true, outcome: 'approved', by: approving };
  const rejecting = counted.filter((o) => o.outcome === 'rejected').map((o) => o.by);
  if (rejecting.length > panel.members.length - panel.quorum)
    return { decided: true, outcome: 'rejected', by: rejecting };
  return { decided: false };
}

/** A stable pseudo-random order for ties, different for each dossier (FNV-1a of salt + email). */
function tieBreak(salt: string, email: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${salt}|${email}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The council of one dossier: the `size` distinct members of the pool who have sat on the fewest councils of
 * the round so far (`load`), ties broken per dossier so the same people do not always come first. A pool
 * smaller than `size` gives everyone, and the quorum shrinks with it.
 */
export function assignPanel(
  policy: Pick<DecisionPolicy, 'size' | 'quorum'>,
  pool: readonly string[],
  load: Readonly<Record<string, number>>,
  dossierId: string,
): { members: string[]; quorum: number } {
  const members = [...new Set(pool)]
    .sort((a, b) => (load[a] ?? 0) - (load[b] ?? 0) || tieBreak(dossierId, a) - tieBreak(dossierId, b))
    .slice(0, Math.max(1, policy.size));
  return { members, quorum: Math.min(policy.quorum, members.length) };
}

/** The audit trail's note of an opinion, in both languages. */
export function opinionNote(o: Opinion): Text {
  const words = (lang: 'vi' | 'en') => {
    const scores = (o.scores ?? [])
      .map((s) => COUNCIL_WORDS.score[lang](s.criterion[lang], s.score))
      .join(', ');
    return [OPINION_LABELS[o.outcome][lang], scores, o.comment].filter(Boolean).join(' · ');
  };
  return { vi: words('vi'), en: words('en') };
}

/** The round's policy, single reviewer when the round predates councils. */
export const policyOf = (round: { readonly decision?: DecisionPolicy } | undefined): DecisionPolicy =>
  round?.decision ?? SINGLE_REVIEWER;
