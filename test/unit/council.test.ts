import { describe, expect, it } from 'vitest';
import { assignPanel, type Opinion, opinionNote, tally } from '../../shared/domain/council.ts';
import { STANDARD_CHECKLIST } from '../../shared/domain/round.ts';
import {
  parseCriteria,
  RoundSettingsSchema,
  roundFromSettings,
  settingsOf,
} from '../../shared/domain/round-settings.ts';

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

  it('reads the criteria a coordinator types, one a line, and refuses what it cannot read', () => {
    expect(parseCriteria('Tính sáng tạo | Creativity\n\nGắn kết cộng đồng')).toEqual([
      { id: 'tinh-sang-tao', name: { vi: 'Tính sáng tạo', en: 'Creativity' } },
      { id: 'gan-ket-cong-dong', name: { vi: 'Gắn kết cộng đồng', en: 'Gắn kết cộng đồng' } },
    ]);
    expect(parseCriteria('A | B | C')).toBeUndefined();
    expect(parseCriteria('Tính sáng tạo\nTinh sang tao')).toBeUndefined();
    expect(parseCriteria(Array.from({ length: 7 }, (_, i) => `Tiêu chí ${i}`).join('\n'))).toBeUndefined();
  });

  it('keeps a council round through the settings form, and names a quorum above the council', () => {
    const base = settingsOf({
      id: 'r',
      codePrefix: 'R',
      name: { vi: 'Đợt', en: 'Call' },
      intro: { vi: '', en: '' },
      benefits: [],
      opensOn: '2026-01-01',
      deadlineDate: '2026-02-01',
      reminderDaysBefore: 3,
      invitationsAt: '2026-03-01T09:00',
      ceremony: { at: '2026-04-01T09:00', venue: { vi: 'Hà Nội', en: 'Hanoi' } },
      status: 'draft',
      checklist: STANDARD_CHECKLIST,
      reviewers: ['a@x.vn', 'b@x.vn', 'c@x.vn'],
    });
    const council = {
      ...base,
      decisionMode: 'council',
      councilSize: 3,
      quorum: 2,
      criteria: 'Tính sáng tạo | Creativity',
    };
    const parsed = RoundSettingsSchema.parse(council);
    const round = roundFromSettings('r', parsed);
    expect(round.decision).toEqual({
      mode: 'council',
      size: 3,
      quorum: 2,
      criteria: [{ id: 'tinh-sang-tao', name: { vi: 'Tính sáng tạo', en: 'Creativity' } }],
    });
    expect(settingsOf(round)).toMatchObject({
      decisionMode: 'council',
      quorum: 2,
      criteria: 'Tính sáng tạo | Creativity',
    });
    const wrong = RoundSettingsSchema.safeParse({ ...council, quorum: 4, councilSize: 4 });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([['councilSize', 'councilAbovePool']]),
    );
    const above = RoundSettingsSchema.safeParse({ ...council, quorum: 3, councilSize: 2 });
    expect(above.error?.issues.map((i) => i.message)).toContain('quorumAboveSize');
  });
});
