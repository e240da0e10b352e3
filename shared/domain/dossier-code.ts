/**
 * Dossier codes (mã hồ sơ): `KGST-<round prefix>-<sequence, 4+ digits>`, e.g. KGST-2025-0042.
 * The sequence is an atomic counter per round, advanced only after a submission committed (intake's
 * `numberDossier`): refused, duplicate, double-clicked and concurrent submits take no number, so codes within
 * a round are consecutive. A number is lost only if the function dies between taking it and writing it on
 * the dossier (two consecutive single-item writes).
 */
export function formatDossierCode(roundPrefix: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Bad sequence ${sequence}`);
  return `KGST-${roundPrefix.toUpperCase()}-${String(sequence).padStart(4, '0')}`;
}

const CODE = /^KGST-[A-Z0-9]+-\d{4,}$/;

/** Accepts what people type: any case, spaces, a missing or different dash. */
export function normalizeDossierCode(input: string): string | undefined {
  const compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s_–—-]+/g, '-');
  return CODE.test(compact) ? compact : undefined;
}
