import { stringify } from 'csv-stringify/sync';
import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Files } from '../adapters/s3/files.ts';
import {
  DOSSIER_STATUSES,
  type Dossier,
  type DossierStatus,
  type HistoryEntry,
  STATUS_LABELS,
} from '../domain/dossier.ts';
import { normalizeDossierCode } from '../domain/dossier-code.ts';
import { invalidFields, NotFoundError } from '../domain/errors.ts';
import { CREATIVE_FIELD_LABELS, SPACE_TYPE_LABELS } from '../domain/form-labels.ts';
import type { Round } from '../domain/round.ts';
import { fold, matchKey } from '../domain/text.ts';
import { formatIct } from '../domain/time.ts';
import { wardByCode } from '../domain/wards.ts';
import { ADMIN_ERRORS, ADMIN_ISSUE_FIELDS, ADMIN_ISSUES, CSV_COLUMNS } from '../i18n/messages/admin.ts';

/** Statuses the list shows by default: everything from submission on (drafts and expired drafts are not dossiers yet). */
export const LISTED_STATUSES: readonly DossierStatus[] = DOSSIER_STATUSES.filter(
  (s) => s !== 'draft' && s !== 'expired',
);

export const PAGE_SIZE = 50;
/** GSI reads one list request may make while filters discard items: keeps every page bounded. */
const MAX_READS_PER_PAGE = 5;
const DOWNLOAD_SECONDS = 5 * 60;

export interface ListFilter {
  /** The round to show (an earlier one, read-only); the current round when absent. */
  readonly round?: string;
  readonly status?: DossierStatus;
  readonly field?: string;
  readonly ward?: string;
  readonly q?: string;
  /** Opaque token from the previous page. */
  readonly next?: string;
}

export interface DossierPage {
  readonly round: Round;
  readonly counts: Readonly<Record<DossierStatus, number>>;
  readonly items: readonly Dossier[];
  readonly next?: string;
}

/** Where the listing stopped: the index in the status list and the GSI's LastEvaluatedKey in that partition. */
interface Cursor {
  readonly s: number;
  readonly k?: Record<string, unknown>;
}

const badToken = () =>
  invalidFields({ path: 'next', field: ADMIN_ISSUE_FIELDS.next, message: ADMIN_ISSUES.badPageToken });

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
function decodeCursor(token: string | undefined): Cursor {
  if (!token) return { s: 0 };
  try {
    const c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
    if (!Number.isInteger(c.s) || c.s < 0 || (c.k !== undefined && typeof c.k !== 'object')) throw badToken();
    return c;
  } catch {
    throw badToken();
  }
}

/** Does a dossier match the filters other than status (applied to the items of a GSI page)? */
function matches(d: Dossier, filter: ListFilter, query: string): boolean {
  if (filter.field && !(d.form.space.creativeFields ?? []).includes(filter.field as never)) return false;
  if (filter.ward && d.form.space.wardCode !== filter.ward) return false;
  if (query) {
    const haystack = fold(
      [
        d.code ?? '',
        d.form.space.nameVi,
        d.form.space.nameEn ?? '',
        d.form.representative.fullName ?? '',
      ].join(' '),
    );
    if (!haystack.includes(query)) return false;
  }
  return true;
}

/** The coordinator's view of a round: counts, a filtered list, one dossier in full, and the CSV export. */
export function makeCoordinatorDashboard(deps: { rounds: Rounds; dossiers: Dossiers; files: Files }) {
  const { rounds, dossiers, files } = deps;

  /** The round asked for, or the current one (the round the public site shows). */
  async function currentRound(id?: string): Promise<Round> {
    const round = id ? await rounds.get(id) : await rounds.current();
    if (!round) throw new NotFoundError(id ? ADMIN_ERRORS.callNotFound : ADMIN_ERRORS.noCallYet);
    return round;
  }

  /** One read of the round's counts item (kept by Dossiers on every status change), not a query per status. */
  const counts = (roundId: string): Promise<Record<DossierStatus, number>> =>
    dossiers.countsByStatus(roundId);

  return {
    currentRound,

    /**
     * Counts by status and one page of the list. Status picks the GSI partition(s); creative field, ward and
     * the folded name/code search are applied to the items each GSI page returns, so a page may hold fewer
     * than PAGE_SIZE rows while `next` is still set. At most MAX_READS_PER_PAGE reads per request.
     */
    async overview(filter: ListFilter): Promise<DossierPage> {
      const round = await currentRound(filter.round);
      const query = fold(filter.q ?? '');
      const countsPromise = counts(round.id);

      // A full dossier code is a key lookup (gsi2), not a walk through the list.
      const code = filter.q ? normalizeDossierCode(filter.q) : undefined;
      if (code) {
        const d = await dossiers.findByCode(code);
        const items =
          d &&
          d.roundId === round.id &&
          (!filter.status || d.status === filter.status) &&
          matches(d, filter, '')
            ? [d]
            : [];
        return { round, counts: await countsPromise, items };
      }

      const statuses = filter.status ? [filter.status] : LISTED_STATUSES;
      let cursor: Cursor | undefined = decodeCursor(filter.next);
      const items: Dossier[] = [];
      for (let reads = 0; cursor && cursor.s < statuses.length && reads < MAX_READS_PER_PAGE; reads++) {
        const page = await dossiers.listByStatus(
          round.id,
          statuses[cursor.s]!,
          PAGE_SIZE - items.length,
          cursor.k,
        );
        for (const item of page.items) {
          const d = item as unknown as Dossier;
          if (matches(d, filter, query)) items.push(d);
        }
        cursor = page.next ? { s: cursor.s, k: page.next } : { s: cursor.s + 1 };
        if (items.length >= PAGE_SIZE) break;
      }
      const more = cursor && cursor.s < statuses.length;
      return {
        round,
        counts: await countsPromise,
        items,
        ...(more ? { next: encodeCursor(cursor!) } : {}),
      };
    },

    /**
     * What a reviewer signed in to `/admin` sees: the dossiers under review in the rounds whose pool has
     * them (they decide through the link each dossier's email carries).
     */
    async assignedTo(email: string): Promise<{ round: Round; items: Dossier[] }[]> {
      const mine = (await rounds.list()).filter((r) => r.status !== 'draft' && r.reviewers?.includes(email));
      return Promise.all(
        mine.map(async (round) => ({
          round,
          items: (await dossiers.listByStatus(round.id, 'in_review', 100)).items as unknown as Dossier[],
        })),
      );
    },

    /** May this reviewer read this dossier? Only one of a round whose pool has them. */
    async reviewerMayRead(email: string, roundId: string): Promise<boolean> {
      return !!(await rounds.get(roundId))?.reviewers?.includes(email);
    },

    /**
     * One dossier in full: fields, documents with short-lived download links, history, the audit trail,
     * and the name-only matches (same space name, let through by the guards).
     */
    async dossier(id: string) {
      const d = await dossiers.get(id);
      if (!d) throw new NotFoundError(ADMIN_ERRORS.dossierNotFound);
      const [round, audit, sameName, documents] = await Promise.all([
        rounds.get(d.roundId),
        dossiers.auditTrail(id),
        // Other submitted dossiers of the round whose space name has the same key: a flag for staff.
        d.code ? dossiers.sameName(d) : Promise.resolve([]),
        Promise.all(
          Object.values(d.documents)
            .sort((a, b) => a.slot.localeCompare(b.slot) || a.name.localeCompare(b.name))
            .map(async (doc) => ({
              ...doc,
              url: await files.downloadUrl(doc.archivedKey ?? doc.key, doc.name, DOWNLOAD_SECONDS),
            })),
        ),
      ]);
      return { dossier: d, round, audit, documents, sameName };
    },

    /** Every dossier of a round (all statuses, or one) as CSV rows, walking each GSI partition. */
    async exportRows(status?: DossierStatus, roundId?: string): Promise<{ round: Round; csv: string }> {
      const round = await currentRound(roundId);
      const all: Dossier[] = [];
      for (const s of status ? [status] : DOSSIER_STATUSES) {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await dossiers.listByStatus(round.id, s, 500, start);
          for (const item of page.items) all.push(item as unknown as Dossier);
          start = page.next;
        } while (start);
      }
      const sameName = sameNameCodes(all);
      return { round, csv: toCsv([CSV_HEADER, ...all.map((d) => csvRow(d, sameName.get(d.id) ?? []))]) };
    },
  };
}

/**
 * Name-only matches among the exported dossiers: for each submitted dossier, the codes of the others whose
 * space name has the same key (the guards let them through: another email and registration number).
 */
function sameNameCodes(all: readonly Dossier[]): Map<string, string[]> {
  const byName = new Map<string, Dossier[]>();
  for (const d of all) {
    if (!d.code) continue;
    const key = matchKey(d.form.space.nameVi);
    byName.set(key, [...(byName.get(key) ?? []), d]);
  }
  const out = new Map<string, string[]>();
  for (const group of byName.values())
    if (group.length > 1)
      for (const d of group)
        out.set(
          d.id,
          group.filter((o) => o.id !== d.id).map((o) => o.code!),
        );
  return out;
}

export type CoordinatorDashboard = ReturnType<typeof makeCoordinatorDashboard>;

// The export is read in Vietnamese (a spreadsheet for the centre), like the status and option labels in it.
const CSV_HEADER = Object.values(CSV_COLUMNS).map((c) => c.vi);

function csvRow(d: Dossier, sameName: readonly string[]): string[] {
  const s = d.form.space;
  const r = d.form.representative;
  return [
    d.code ?? '',
    STATUS_LABELS[d.status].vi,
    s.nameVi,
    s.nameEn ?? '',
    s.spaceType ? SPACE_TYPE_LABELS[s.spaceType].vi : '',
    (s.creativeFields ?? []).map((f) => CREATIVE_FIELD_LABELS[f].vi).join('; '),
    s.street ?? '',
    s.wardCode ? (wardByCode(s.wardCode)?.name ?? s.wardCode) : '',
    r.fullName ?? '',
    r.position ?? '',
    r.email,
    r.phone ?? '',
    s.foundedYear === undefined ? '' : String(s.foundedYear),
    s.floorAreaM2 === undefined ? '' : String(s.floorAreaM2),
    d.submittedAt ? formatIct(d.submittedAt) : '',
    formatIct(d.updatedAt),
    sameName.join(', '),
  ];
}

/**
 * A value a spreadsheet would run as a formula gets an apostrophe before the trigger (= + - @, tab, CR),
 * which Excel and LibreOffice show as text: at the start of the cell, and after a separator-like character
 * inside it (`;` `,` tab or a line break, spaces allowed between). Quoting keeps such a value in one cell
 * for a reader that splits on the file's comma; a reader that splits on something else (vi-VN Excel uses
 * `;`, the import wizard may use tab, a naive reader ignores quotes) would start a cell there, and that
 * cell then starts with the apostrophe, not the trigger.
 */
export const neutraliseFormula = (value: string): string =>
  value.replace(/^(?=[=+\-@\t\r])/, "'").replace(/([;,\t\r\n][ \t]*)(?=[=+\-@])/g, "$1'");

/**
 * The export (RFC 4180 through csv-stringify), for Excel: UTF-8 BOM, CR LF, and every cell quoted, so a
 * `;` or `,` inside a value never starts a new cell whichever list separator the reader's locale uses
 * (vi-VN Excel splits on `;`); each cell is neutralised, so no cell starts with a formula trigger.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((r) => r.map(neutraliseFormula)),
    { bom: true, quoted: true, quoted_empty: true, record_delimiter: '\r\n' },
  );
}

/** The audit trail in the order it happened, for pages. */
export const auditLines = (audit: readonly HistoryEntry[]) =>
  [...audit].sort((a, b) => a.at.localeCompare(b.at));
