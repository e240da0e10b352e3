import { describe, expect, it } from 'vitest';
import { assignPanel, type Opinion, opinionNote, tally } from '../../shared/domain/council.ts';

const at = '2026-12-03T08:00:00.000Z';
const said = (by: string, outcome: Opinion['outcome']): Opinion => ({ by, at, outcome, comment: '' });
const panel = { members: ['a@x.vn', 'b@x.vn', 'c@x.vn'], quorum: 2 };

describe('a review council (offline)', () => {
  it('decides on approval as soon as the quorum recommends it, before the last member answers', () => {
    expect(tally(panel, [said('a@x.vn', 'approved')])).toEqual({ decided: false });
    expect(tally(panel, [said('a@x.vn', 'approved'), said('b@x.vn', 'approved')])).toEqual({
      decided: true,
      outcome: 'approved',
      by: ['a@x.vn', 'b@x.vn'],
    });
  });

  it('waits on a split, and rejects once approval can no longer reach the quorum', () => {
    const split = [said('a@x.vn', 'approved'), said('b@x.vn', 'rejected')];
    expect(tally(panel, split)).toEqual({ decided: false });
    expect(tally(panel, [...split, said('c@x.vn', 'rejected')])).toEqual({
      decided: true,
      outcome: 'rejected',
      by: ['b@x.vn', 'c@x.vn'],
    });
    expect(tally(panel, [...split, said('c@x.vn', 'approved')])).toMatchObject({ outcome: 'approved' });
  });

  it('pauses for everyone when any member asks for a supplement, and ignores people not on the council', () => {
    expect(tally(panel, [said('a@x.vn', 'approved'), said('c@x.vn', 'supplement')])).toEqual({
      decided: true,
      outcome: 'supplement',
      by: ['c@x.vn'],
    });
    expect(tally(panel, [said('z@x.vn', 'approved'), said('y@x.vn', 'approved')])).toEqual({
      decided: false,
    });
  });

  it('seats the least-loaded members, never the same person twice, and spreads 30 councils evenly', () => {
    const pool = ['a@x.vn', 'b@x.vn', 'c@x.vn', 'd@x.vn', 'e@x.vn', 'a@x.vn'];
    const load: Record<string, number> = {};
    for (let i = 0; i < 30; i++) {
      const seat = assignPanel({ size: 3, quorum: 2 }, pool, load, `dossier-${i}`);
      expect(new Set(seat.members).size).toBe(3);
      for (const m of seat.members) load[m] = (load[m] ?? 0) + 1;
    }
    // 90 seats over 5 people: 18 each.
    expect(Object.values(load)).toEqual([18, 18, 18, 18, 18]);
    // A pool smaller than the council: everyone sits, and the quorum shrinks with it.
    expect(assignPanel({ size: 3, quorum: 3 }, ['a@x.vn', 'b@x.vn'], {}, 'd')).toEqual({
      members: expect.arrayContaining(['a@x.vn', 'b@x.vn']),
      quorum: 2,
    });
  });

  it('writes an opinion into the audit trail with its scores and comment, in both languages', () => {
    const note = opinionNote({
      ...said('a@x.vn', 'approved'),
      comment: 'Không gian tốt',
      scores: [{ criterion: { vi: 'Tính sáng tạo', en: 'Creativity' }, score: 4 }],
    });
    expect(note).toEqual({
      vi: 'Đề nghị công nhận · Tính sáng tạo: 4/5 · Không gian tốt',
      en: 'Recommends approval · Creativity: 4/5 · Không gian tốt',
    });
  });
});
