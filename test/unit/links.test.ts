import { describe, expect, it } from 'vitest';
import { checkLink, checkPass, firstUse, type Link, usedLink } from '../../shared/domain/links.ts';
import { hashSecret, newLinkId, newSecret } from '../../shared/domain/secrets.ts';

const NOW = new Date('2025-10-01T03:00:00.000Z');
const secret = newSecret();

/** A resume link of one applicant, an hour from expiring. */
const link = (over: Partial<Link> = {}): Link => ({
  linkId: newLinkId(),
  secretHash: hashSecret(secret),
  purpose: 'resume',
  dossierId: 'dossier-1',
  person: 'chu.nhiem@example.vn',
  expiresAt: Math.floor(NOW.getTime() / 1000) + 3600,
  createdAt: '2025-09-30T03:00:00.000Z',
  ...over,
});

describe('emailed links: the one rule (offline)', () => {
  it('lets the right secret of an unused, live link through, with the link it found', () => {
    const stored = link();
    expect(checkLink(stored, 'resume', secret, NOW)).toEqual({ kind: 'ok', link: stored });
  });

  it('gives one answer for an unknown id, another purpose, a wrong secret and no secret', () => {
    const stored = link();
    expect(checkLink(undefined, 'resume', secret, NOW)).toEqual({ kind: 'refused' });
    // A review secret does not open a resume link, nor the other way round.
    expect(checkLink(stored, 'review', secret, NOW).kind).toBe('refused');
    expect(checkLink(stored, 'resume', newSecret(), NOW).kind).toBe('refused');
    expect(checkLink(stored, 'resume', undefined, NOW).kind).toBe('refused');
    expect(checkLink(stored, 'resume', '', NOW).kind).toBe('refused');
    // The secret's hash itself is no secret.
    expect(checkLink(stored, 'resume', stored.secretHash, NOW).kind).toBe('refused');
  });

  it('names the dossier a refused id points to (for the limits on guesses), and nothing more', () => {
    const refused = checkLink(link(), 'resume', newSecret(), NOW);
    expect(refused).toEqual({ kind: 'refused', subject: 'dossier-1' });
  });

  it('says a link is expired, and since when, from the moment its time is up — only with the right secret', () => {
    const stored = link({ expiresAt: Math.floor(NOW.getTime() / 1000) });
    expect(checkLink(stored, 'resume', secret, NOW)).toEqual({
      kind: 'expired',
      at: NOW.toISOString(),
      link: stored,
    });
    expect(checkLink(stored, 'resume', secret, new Date(NOW.getTime() - 1000)).kind).toBe('ok');
    expect(checkLink(stored, 'resume', newSecret(), NOW).kind).toBe('refused');
  });

  it('says when, by whom and how a used link was used — even once its time is over', () => {
    const stored = usedLink(link(), 'chu.nhiem@example.vn', 'resumed', NOW);
    const later = new Date(NOW.getTime() + 7 * 86_400_000);
    for (const at of [NOW, later])
      expect(checkLink(stored, 'resume', secret, at)).toEqual({
        kind: 'used',
        at: NOW.toISOString(),
        by: 'chu.nhiem@example.vn',
        outcome: 'resumed',
        link: stored,
      });
    // A wrong secret learns nothing of the use.
    expect(checkLink(stored, 'resume', newSecret(), NOW).kind).toBe('refused');
  });

  it('gives a use that lost the race the first use; a link gone meanwhile is refused', () => {
    const first = usedLink(
      link({ purpose: 'review' }),
      'reviewer.a@kgst.test',
      'approved',
      new Date('2025-10-01T02:59:59.000Z'),
    );
    expect(firstUse(first)).toMatchObject({
      kind: 'used',
      at: '2025-10-01T02:59:59.000Z',
      by: 'reviewer.a@kgst.test',
      outcome: 'approved',
    });
    expect(firstUse(undefined)).toEqual({ kind: 'refused' });
    expect(firstUse(link())).toEqual({ kind: 'refused' });
  });

  it('reads links stored before `usedBy` existed as used by their person', () => {
    const { usedBy: _by, outcome: _o, ...old } = usedLink(link(), 'x', 'opened', NOW);
    expect(checkLink(old, 'resume', secret, NOW)).toMatchObject({
      kind: 'used',
      by: 'chu.nhiem@example.vn',
      outcome: '',
    });
  });
});

describe('check-in passes: the same outcomes (offline)', () => {
  const pass: { passId: string; holder: string; checkedInAt?: string; checkedInBy?: string } = {
    passId: 'p1',
    holder: 'Nguyễn Văn A',
  };

  it('admits an unscanned pass, and tells when and by whom a scanned one was admitted', () => {
    expect(checkPass(pass)).toEqual({ kind: 'ok', link: pass });
    const scanned = { ...pass, checkedInAt: NOW.toISOString(), checkedInBy: 'le.tan@kgst.test' };
    expect(checkPass(scanned)).toEqual({
      kind: 'used',
      at: NOW.toISOString(),
      by: 'le.tan@kgst.test',
      outcome: 'checked-in',
      link: scanned,
    });
  });

  it('refuses a pass that does not exist', () => {
    expect(checkPass(undefined)).toEqual({ kind: 'refused' });
  });
});
