import type { Text } from '../i18n/lang.ts';
import { ROUND_STATUS_LABELS as ROUND_STATUS_WORDS } from '../i18n/messages/rounds.ts';
import type { DecisionPolicy } from './council.ts';
import { endOfDayIct, ictDay } from './time.ts';

export const FILE_TYPES = ['pdf', 'jpeg', 'png', 'docx'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const MIME_BY_TYPE: Record<FileType, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** One item of the round's document checklist. */
export interface DocumentSlot {
  readonly slot: string;
  readonly title: Text;
  readonly hint: Text;
  readonly required: boolean;
  readonly minFiles: number;
  readonly maxFiles: number;
  readonly types: readonly FileType[];
  readonly maxBytes: number;
}

export interface Round {
  readonly id: string;
  /** Used in dossier codes, e.g. `2025` → KGST-2025-0042. */
  readonly codePrefix: string;
  readonly name: Text;
  readonly intro: Text;
  readonly benefits: readonly Text[];
  readonly opensOn: string;
  /** Last day to submit (yyyy-MM-dd); the round closes at 23:59:59 ICT that day. */
  readonly deadlineDate: string;
  readonly reminderDaysBefore: number;
  /** Hanoi wall-clock time of the invitations, yyyy-MM-ddTHH:mm. */
  readonly invitationsAt: string;
  /**
   * The ceremony. `sequence` counts changes of time or venue (0 or absent = as first announced): it is the
   * SEQUENCE of every calendar invitation sent for it, so an update replaces the attendee's event.
   */
  readonly ceremony: { readonly at: string; readonly venue: Text; readonly sequence?: number };
  /** draft: being prepared (editable, not public); open: takes applications until the deadline; closed. */
  readonly status: RoundStatus;
  readonly checklist: readonly DocumentSlot[];
  /** The round's reviewer pool (staff emails); review emails go to those of them still reviewers. */
  readonly reviewers?: readonly string[];
  /** How its dossiers are decided (one reviewer, or a council); absent: one reviewer. */
  readonly decision?: DecisionPolicy;
}

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

// Words in the catalog (shared/i18n/messages/rounds.ts).
export const ROUND_STATUS_LABELS: Record<RoundStatus, Text> = ROUND_STATUS_WORDS;

/** Round ids are part of every round-scoped key, schedule group and dossier code. */
export const ROUND_ID_PATTERN = /^[a-z0-9]{2,20}$/;

/** Dossier codes of a round: `KGST-<prefix>-0042`, the prefix from its id, so codes stay unique across rounds. */
export const codePrefixOf = (roundId: string): string => roundId.toUpperCase();

/** The instant the round stops taking writes. */
export const deadlineOf = (round: Pick<Round, 'deadlineDate'>): Date => endOfDayIct(round.deadlineDate);

/** Server-side rule for every write: open status and not past the end of the deadline day in Hanoi. */
export function isAcceptingApplications(
  round: Pick<Round, 'deadlineDate' | 'status' | 'opensOn'>,
  now: Date,
): boolean {
  return (
    round.status === 'open' && ictDay(now) >= round.opensOn && now.getTime() <= deadlineOf(round).getTime()
  );
}

// The seed rounds and the words a new round starts from are round data (see round-seed.ts).
export { demoRound, INTRO, MEMBER_BENEFITS, ROUND_2025, STANDARD_CHECKLIST } from './round-seed.ts';
