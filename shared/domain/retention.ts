import type { Dossier, DossierStatus } from './dossier.ts';

/**
 * How long personal data is kept (Nghị định 13/2023/NĐ-CP), stated once: the privacy notice
 * (`/quyen-rieng-tu`) prints these numbers, the document bucket's lifecycle rules and the table's TTLs
 * (`expiresAt`) are built from them, so what the notice promises is what is enforced.
 */
export const RETENTION = {
  /**
   * A file uploaded with the form stays under `uploads/` this long after its upload, then is deleted. A
   * submitted dossier's files are copied under `dossiers/` at submission; these copies are what an
   * unsubmitted draft leaves behind. Longer than a round is open (30 days, plus an extension).
   */
  uploadDays: 60,
  /** A draft not submitted by the deadline expires when the round closes; deleted this long after. */
  expiredDraftDays: 30,
  /**
   * A dossier not accepted (rejected, or closed because the supplement never came): its record and its
   * documents are deleted this long after the decision (time to ask about it or contest it).
   */
  notAcceptedDays: 180,
  /** Backup versions of a replaced or deleted file (the bucket is versioned) are erased this long after. */
  previousVersionDays: 90,
  /** The document bucket's access logs (requests with IP addresses). */
  accessLogDays: 365,
  /** The functions' and the workflow's technical logs are kept at most this long (CloudWatch retention). */
  technicalLogDays: 180,
} as const;

/** Deletion is automatic, by S3 lifecycle and DynamoDB TTL: both act within a few days of the date. */
export const DELETION_LAG_DAYS = 2;

/** The S3 object tag that marks the documents of a dossier not accepted (the lifecycle rule filters on it). */
export const NOT_ACCEPTED_TAG = { key: 'retention', value: 'not-accepted' } as const;

const DAY_SECONDS = 24 * 3600;

/** How long a dossier is kept once it has reached a final status that ends its purpose. */
const KEPT_AFTER: Partial<Record<DossierStatus, number>> = {
  expired: RETENTION.expiredDraftDays,
  rejected: RETENTION.notAcceptedDays,
  incomplete: RETENTION.notAcceptedDays,
};

/** A dossier whose documents are deleted by the not-accepted rule (tagged when it reaches the status). */
export const isNotAccepted = (status: DossierStatus): boolean =>
  status === 'rejected' || status === 'incomplete';

/**
 * When a dossier and its items are deleted (epoch seconds, the table's TTL attribute `expiresAt`), counted
 * from when it reached its status (its history), or undefined while it is kept (a draft, a dossier under
 * review, an approved member). The same answer on every run: a retried step sets the same date.
 */
export function deletionAt(d: Pick<Dossier, 'status' | 'history' | 'updatedAt'>): number | undefined {
  const days = KEPT_AFTER[d.status];
  if (days === undefined) return undefined;
  const since = d.history.findLast((h) => h.to === d.status)?.at ?? d.updatedAt;
  return Math.floor(Date.parse(since) / 1000) + days * DAY_SECONDS;
}
