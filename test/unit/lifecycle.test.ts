import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DraftSchema } from '../../shared/domain/application-schema.ts';
import { DOSSIER_STATUSES, type Dossier, type DossierStatus } from '../../shared/domain/dossier.ts';
import {
  type DossierEvent,
  isAcceptingApplications,
  LIFECYCLE,
  openDraft,
  transition,
} from '../../shared/domain/lifecycle.ts';
import { ROUND_2025 } from '../../shared/domain/round.ts';
import { validForm } from '../support/client.ts';

const applicant = 'dai.dien.lifecycle@example.vn';
const form = DraftSchema.parse(validForm('lifecycle', applicant));
const reviewer = 'reviewer.a@kgst.test';
const T0 = new Date('2025-05-10T03:00:00.000Z');
const T1 = new Date('2025-05-12T08:30:00.000Z');

const draft = (): Dossier =>
  openDraft({ id: 'd-1', roundId: '2025', form: form, editTokenHash: 'h' }, applicant, T0).dossier;
const inStatus = (status: DossierStatus, extra: Partial<Dossier> = {}): Dossier => ({
  ...draft(),
  status,
  ...extra,
});
const supplement = {
  items: ['documents.photos'],
  comment: 'Cần thêm ảnh mặt tiền',
  requestedBy: reviewer,
  requestedAt: T0.toISOString(),
  dueAt: '2025-05-20T16:59:59.999Z',
  taskToken: 'token-1',
};

describe('dossier lifecycle (offline)', () => {
  it('opens a draft with its first history entry by the applicant', () => {
    const { dossier, entry } = openDraft(
      { id: 'd-1', roundId: '2025', form: form, editTokenHash: 'h' },
      applicant,
      T0,
    );
    expect(dossier).toMatchObject({
      status: 'draft',
      version: 1,
      documents: {},
      createdAt: T0.toISOString(),
    });
    expect(entry).toEqual({ at: T0.toISOString(), from: null, to: 'draft', by: applicant });
    expect(dossier.history).toEqual([entry]);
  });

  it('submits a draft: the next dossier, its submission time and the history entry', () => {
    const d = draft();
    const out = transition(d, { type: 'submit' }, applicant, T1);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.dossier).toMatchObject({
      status: 'submitted',
      submittedAt: T1.toISOString(),
      updatedAt: T1.toISOString(),
    });
    expect(out.entry).toEqual({ at: T1.toISOString(), from: 'draft', to: 'submitted', by: applicant });
    expect(out.dossier.history).toEqual([...d.history, out.entry]);
    // The dossier given is left as it was.
    expect(d.status).toBe('draft');
  });

  it('records a recommendation by the reviewer, then the approval by the Director who signed it off', () => {
    const request = { taskToken: 'tok', since: T0.toISOString(), recommendedBy: reviewer, comment: 'Đạt' };
    const recommended = transition(inStatus('in_review'), { type: 'recommend', request }, reviewer, T0);
    expect(recommended.ok && recommended.dossier.status).toBe('recommended');
    expect(recommended.ok && recommended.dossier.signOff).toEqual(request);
    expect(recommended.ok && recommended.entry.by).toBe(reviewer);
    if (!recommended.ok) return;
    // A reviewer cannot approve: only a recommended dossier can be, by its sign-off.
    expect(transition(inStatus('in_review'), { type: 'approve' }, reviewer, T1)).toMatchObject({
      reason: 'not-allowed',
    });
    const director = 'giamdoc@kgst.example.vn';
    const out = transition(
      recommended.dossier,
      { type: 'approve', comment: 'Hồ sơ đầy đủ, hoạt động tốt' },
      director,
      T1,
    );
    expect(out.ok && out.entry).toEqual({
      at: T1.toISOString(),
      from: 'recommended',
      to: 'approved',
      by: director,
      note: { vi: 'Hồ sơ đầy đủ, hoạt động tốt', en: 'Hồ sơ đầy đủ, hoạt động tốt' },
    });
    expect(out.ok && out.dossier.signOff).toBeUndefined();
    const back = transition(recommended.dossier, { type: 'sendBack', comment: 'Xem lại ảnh' }, director, T1);
    expect(back.ok && back.dossier.status).toBe('in_review');
    expect(back.ok && back.entry.note?.vi).toContain('Xem lại ảnh');
  });

  it('requests a supplement, and the resubmission records the answer for the waiting workflow', () => {
    const asked = transition(
      inStatus('in_review'),
      { type: 'requestSupplement', request: supplement },
      reviewer,
      T0,
    );
    expect(asked.ok && asked.dossier.supplement).toEqual(supplement);
    expect(asked.ok && asked.entry.note?.vi).toBe('Cần thêm ảnh mặt tiền');
    if (!asked.ok) return;
    const sent = transition(asked.dossier, { type: 'resubmit' }, applicant, T1);
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.dossier.status).toBe('submitted');
    expect(sent.dossier.supplement).toBeUndefined();
    expect(sent.dossier.supplementAnswer).toEqual({
      taskToken: 'token-1',
      items: ['documents.photos'],
      at: T1.toISOString(),
      dueAt: supplement.dueAt,
    });
    expect(sent.entry).toMatchObject({ from: 'supplement_requested', to: 'submitted', by: applicant });
  });

  it('keeps the status on a remark, and reads the certificate as a remark on the approved dossier', () => {
    const reminded = transition(inStatus('in_review'), { type: 'remind', attempt: 1 }, 'system', T1);
    expect(reminded.ok && reminded.dossier.status).toBe('in_review');
    expect(reminded.ok && reminded.entry).toMatchObject({
      from: 'in_review',
      to: 'in_review',
      note: { vi: 'Nhắc thẩm định lần 1' },
    });
    const director = 'giamdoc@kgst.example.vn';
    const issued = transition(
      inStatus('recommended'),
      { type: 'issueCertificate', number: '0001/2025/GCN-KGST' },
      director,
      T1,
    );
    expect(issued.ok && issued.dossier.status).toBe('recommended');
    expect(issued.ok && issued.entry).toMatchObject({
      from: 'approved',
      to: 'approved',
      by: director,
      note: { vi: 'Đã cấp giấy chứng nhận số 0001/2025/GCN-KGST' },
    });
  });

  it('refuses what the status does not allow, and tells a repeated step apart', () => {
    const refused: [DossierStatus, DossierEvent][] = [
      ['draft', { type: 'approve' }],
      ['submitted', { type: 'approve' }],
      ['rejected', { type: 'approve' }],
      ['approved', { type: 'reject' }],
      ['in_review', { type: 'submit' }],
      ['submitted', { type: 'expire' }],
      ['draft', { type: 'fail' }],
      ['expired', { type: 'submit' }],
      ['rejected', { type: 'issueCertificate', number: '1' }],
      ['draft', { type: 'remind', attempt: 1 }],
      ['in_review', { type: 'approve' }],
      ['in_review', { type: 'issueCertificate', number: '1' }],
      ['recommended', { type: 'reject' }],
    ];
    for (const [status, event] of refused)
      expect(transition(inStatus(status), event, 'system', T1), `${event.type} from ${status}`).toEqual({
        ok: false,
        reason: 'not-allowed',
        status,
        event: event.type,
      });
    // A resubmission needs the open request it answers (its callback token).
    expect(transition(inStatus('supplement_requested'), { type: 'resubmit' }, applicant, T1)).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    expect(transition(inStatus('approved'), { type: 'approve' }, reviewer, T1)).toMatchObject({
      ok: false,
      reason: 'already',
    });
    expect(transition(inStatus('failed'), { type: 'fail' }, 'system', T1)).toMatchObject({
      ok: false,
      reason: 'already',
    });
  });

  it('is the table the README shows', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Dossier lifecycle'));
    const rows = new Map(
      [...section.matchAll(/^\| `(\w+)`\s*\|([^|]*)\|([^|]*)\|/gm)].map((m) => [
        m[1]!,
        { from: m[2]!, to: m[3]! },
      ]),
    );
    const statusesIn = (cell: string) =>
      [...cell.matchAll(/`(\w+)`/g)].map((m) => m[1]!).filter((s) => DOSSIER_STATUSES.includes(s as never));
    for (const [event, rule] of Object.entries(LIFECYCLE)) {
      const row = rows.get(event);
      expect(row, event).toBeDefined();
      if (event === 'fail') {
        expect([...rule.from].sort()).toEqual(
          DOSSIER_STATUSES.filter((s) => !['draft', 'expired', 'failed'].includes(s)).sort(),
        );
        continue;
      }
      expect(statusesIn(row!.from), event).toEqual(rule.from);
      expect(statusesIn(row!.to), event).toEqual(
        rule.to ? [rule.to] : 'remarkOn' in rule ? [rule.remarkOn] : [],
      );
    }
  });
});

describe('the round is open (offline)', () => {
  const open = { ...ROUND_2025, status: 'open' as const };
  it('from 00:00 Hanoi time on opensOn, not before', () => {
    expect(isAcceptingApplications(open, new Date('2025-04-30T16:59:59.999Z'))).toBe(false); // 23:59:59 ICT 30/04
    expect(isAcceptingApplications(open, new Date('2025-04-30T17:00:00.000Z'))).toBe(true); // 00:00 ICT 01/05
  });
  it('until 23:59:59 Hanoi time on the deadline day, not after', () => {
    expect(isAcceptingApplications(open, new Date('2025-05-30T16:59:59.999Z'))).toBe(true);
    expect(isAcceptingApplications(open, new Date('2025-05-30T17:00:00.000Z'))).toBe(false);
  });
  it('only while the round is open', () => {
    const during = new Date('2025-05-10T03:00:00Z');
    expect(isAcceptingApplications({ ...open, status: 'closed' }, during)).toBe(false);
    expect(isAcceptingApplications({ ...open, status: 'draft' }, during)).toBe(false);
    expect(isAcceptingApplications(open, during)).toBe(true);
  });
});
