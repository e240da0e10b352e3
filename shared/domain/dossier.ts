import { say } from '../i18n/catalog.ts';
import type { Text } from '../i18n/lang.ts';
import { CHECKLIST_PROBLEMS, DOSSIER_STATUS_LABELS } from '../i18n/messages/dossier.ts';
import type { DraftForm } from './application-schema.ts';
import type { Opinion } from './council.ts';
import { type DocumentSlot, type FileType, MIME_BY_TYPE, type Round } from './round.ts';
import { matchKey } from './text.ts';

export const DOSSIER_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'recommended',
  'supplement_requested',
  'approved',
  'rejected',
  'incomplete',
  'expired',
  'failed',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

// Words in the catalog (shared/i18n/messages/dossier.ts); typed here so a status without a label fails.
export const STATUS_LABELS: Record<DossierStatus, Text> = DOSSIER_STATUS_LABELS;

export interface StoredDocument {
  readonly fileId: string;
  readonly slot: string;
  /** Original file name, NFC; never part of an object key. */
  readonly name: string;
  readonly type: FileType;
  readonly declaredSize: number;
  readonly key: string;
  readonly addedAt: string;
  /** Set at submission once the object's size and magic bytes were checked. */
  readonly verifiedSize?: number;
  readonly archivedKey?: string;
}

export interface HistoryEntry {
  readonly at: string;
  readonly from: DossierStatus | null;
  readonly to: DossierStatus;
  readonly by: string;
  readonly note?: Text;
}

export interface Dossier {
  readonly id: string;
  readonly roundId: string;
  readonly status: DossierStatus;
  readonly code?: string;
  readonly form: DraftForm;
  readonly documents: Record<string, StoredDocument>;
  readonly history: readonly HistoryEntry[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt?: string;
  readonly receiptSentAt?: string;
  readonly editTokenHash: string;
  readonly version: number;
  /** The open supplement request (bổ sung hồ sơ), while the status is supplement_requested. */
  readonly supplement?: SupplementRequest;
  /**
   * The applicant's answer to the last supplement request, kept for delivery to the waiting workflow
   * (SendTaskSuccess): a retry of the resubmit or the reconciler delivers it while the status is submitted.
   */
  readonly supplementAnswer?: SupplementAnswer;
  /** The Director's sign-off, while the status is recommended: the AwaitSignOff task waiting for it. */
  readonly signOff?: SignOffRequest;
}

/** An approval recommended by the reviewer or the council, waiting for the Director (phê duyệt). */
export interface SignOffRequest {
  readonly taskToken: string;
  readonly since: string;
  /** Who recommended it (the reviewer, or the council members who made the quorum) and their comment. */
  readonly recommendedBy: string;
  readonly comment?: string;
  /** A council's opinions and scores, for the Director's page. */
  readonly opinions?: readonly Opinion[];
}

/** What resumes AwaitSupplement: recorded with the resubmission, then delivered (the outbox). */
export interface SupplementAnswer {
  readonly taskToken: string;
  readonly items: readonly string[];
  readonly at: string;
  readonly dueAt: string;
}

/**
 * What a reviewer asked the applicant to supplement: items are checklist slots (`documents.<slot>`)
 * and form fields (`space.description`, `representative.phone`…).
 */
export interface SupplementRequest {
  readonly items: readonly string[];
  readonly comment: string;
  readonly requestedBy: string;
  readonly requestedAt: string;
  /** End of the due day in Hanoi; the workflow closes the dossier as incomplete after it. */
  readonly dueAt: string;
  readonly taskToken?: string;
}

/** Every form field of a dossier, by its path in the form, in the order staff read them. */
export const DOSSIER_FIELDS = [
  'space.nameVi',
  'space.nameEn',
  'space.ownership',
  'space.spaceType',
  'space.creativeFields',
  'space.street',
  'space.wardCode',
  'space.foundedYear',
  'space.floorAreaM2',
  'space.website',
  'space.socialLinks',
  'space.description',
  'space.registrationNumber',
  'representative.fullName',
  'representative.position',
  'representative.email',
  'representative.phone',
] as const;

/**
 * Form fields a reviewer may ask to correct: all but the representative's email, which the dossier's links
 * and emails are bound to.
 */
export const SUPPLEMENT_FIELDS = DOSSIER_FIELDS.filter((f) => f !== 'representative.email');

/** Applies the applicant's corrections to the requested fields only; everything else stays as submitted. */
export function applySupplementFields<T extends { space: object; representative: object }>(
  stored: T,
  incoming: T,
  items: readonly string[],
): T {
  const next = { space: { ...stored.space }, representative: { ...stored.representative } } as Record<
    string,
    Record<string, unknown>
  >;
  for (const item of items) {
    const [group, field] = item.split('.') as [string, string];
    if (group !== 'space' && group !== 'representative') continue;
    next[group]![field] = (incoming as unknown as Record<string, Record<string, unknown>>)[group]?.[field];
  }
  return { ...stored, ...next } as T;
}

/** The checklist slots a supplement request opens for upload. */
export const requestedSlots = (items: readonly string[]): string[] =>
  items.filter((i) => i.startsWith('documents.')).map((i) => i.slice('documents.'.length));

/**
 * Uniqueness guards of a dossier within its round: one per registration number and one per email + space
 * name. Names and numbers are compared by `matchKey` (NFKC, ignorables removed, look-alike letters of other
 * scripts mapped to Latin, folded), so full-width letters, Cyrillic homoglyphs or a ZWJ do not make a
 * second dossier for the same space. For plain Latin/Vietnamese text the key is what it was before.
 * These are the matching rule only: the stored key (`GUARD#<this>`) is the guard entity's.
 */
export function guardKeys(roundId: string, form: Pick<DraftForm, 'space' | 'representative'>): string[] {
  const keys = [`${roundId}#SPACE#${form.representative.email.toLowerCase()}#${matchKey(form.space.nameVi)}`];
  const reg = form.space.registrationNumber;
  if (reg) keys.push(`${roundId}#REG#${matchKey(reg).replace(/ /g, '')}`);
  return keys;
}

/**
 * What makes two space names "the same name" (`matchKey`): the submitted dossiers of a round are listed
 * under it (the same-name entity), not as a guard (two spaces may share a name), but staff see a name
 * shared by dossiers that the guards let through (another email and registration number), as a flag on
 * the dossier page and in the CSV.
 */
export const sameNameKey = (nameVi: string) => matchKey(nameVi);

/** The type a declared MIME type stands for, if it is one the round can accept. */
export function fileTypeOf(contentType: string): FileType | undefined {
  return (Object.entries(MIME_BY_TYPE) as [FileType, string][]).find(([, mime]) => mime === contentType)?.[0];
}

/** Does the start of a file really look like the declared type? (s3rver checks nothing, AWS checks only the policy.) */
export function magicBytesMatch(type: FileType, head: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  switch (type) {
    case 'pdf':
      return starts(0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
    case 'jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'docx':
      return starts(0x50, 0x4b, 0x03, 0x04); // a ZIP container, as every .docx is
  }
}

export interface ChecklistProblem {
  readonly slot: string;
  readonly message: Text;
}

/** Which checklist items are not satisfied by the documents attached so far. */
export function checklistProblems(
  round: Pick<Round, 'checklist'>,
  documents: readonly StoredDocument[],
): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  for (const slot of round.checklist) {
    const count = documents.filter((d) => d.slot === slot.slot).length;
    if (count < slot.minFiles) {
      problems.push({
        slot: slot.slot,
        message: {
          vi: say(CHECKLIST_PROBLEMS.tooFew, 'vi', slot.title.vi, slot.minFiles, count),
          en: say(CHECKLIST_PROBLEMS.tooFew, 'en', slot.title.en, slot.minFiles, count),
        },
      });
    }
  }
  return problems;
}

export const slotOf = (round: Pick<Round, 'checklist'>, slot: string): DocumentSlot | undefined =>
  round.checklist.find((s) => s.slot === slot);
