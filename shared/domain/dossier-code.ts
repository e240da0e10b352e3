/**
 * Dossier codes (mã hồ sơ): `KGST-<round prefix>-<sequence, 4+ digits>`, e.g. KGST-2025-0042.
 * The sequence is a counter per round, advanced in the same transaction that submits the dossier (a
 * conditional write on the value read; the loser of a race reads again): codes within a round are
 * consecutive, with no gaps, even under concurrent submits.
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
