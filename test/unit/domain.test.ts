import { describe, expect, it } from 'vitest';
import {
  ApplicationSchema,
  DraftSchema,
  normalizeVietnamesePhone,
} from '../../shared/domain/application-schema.ts';
import { checklistProblems, magicBytesMatch } from '../../shared/domain/dossier.ts';
import { formatDossierCode, normalizeDossierCode } from '../../shared/domain/dossier-code.ts';
import { isAcceptingApplications, ROUND_2025, STANDARD_CHECKLIST } from '../../shared/domain/round.ts';
import { scheduleTimes } from '../../shared/domain/round-schedule.ts';
import { fold } from '../../shared/domain/text.ts';
import { endOfDayIct, formatIct } from '../../shared/domain/time.ts';
import { searchWards } from '../../shared/domain/ward-search.ts';
import { WARDS } from '../../shared/domain/wards.ts';

describe('deadline (offline)', () => {
  const open = { ...ROUND_2025, status: 'open' as const };
  it('accepts until 23:59:59 ICT on the deadline day and refuses from 00:00:00 ICT the next day', () => {
    expect(isAcceptingApplications(open, new Date('2025-05-30T16:59:59.000Z'))).toBe(true); // 23:59:59 ICT
    expect(isAcceptingApplications(open, new Date('2025-05-30T17:00:00.000Z'))).toBe(false); // 00:00:00 ICT 31/05
    expect(endOfDayIct('2025-05-30').toISOString()).toBe('2025-05-30T16:59:59.999Z');
  });
  it('refuses before the round opens and after it is closed', () => {
    expect(isAcceptingApplications(open, new Date('2025-04-30T16:59:59Z'))).toBe(false);
    expect(isAcceptingApplications({ ...open, status: 'closed' }, new Date('2025-05-10T00:00:00Z'))).toBe(
      false,
    );
  });
  it('shows dates as dd/MM/yyyy HH:mm in Hanoi time', () => {
    expect(formatIct('2025-05-30T16:59:59Z')).toBe('30/05/2025 23:59');
    expect(formatIct('2025-05-30T17:00:00Z')).toBe('31/05/2025 00:00');
  });
  it('derives the schedules in Hanoi wall-clock time', () => {
    expect(scheduleTimes(ROUND_2025)).toEqual({
      'deadline-reminder': '2025-05-27T09:00:00',
      'close-round': '2025-05-31T00:00:00',
      'send-invitations': '2025-06-16T09:00:00',
    });
  });
});

describe('dossier codes and text (offline)', () => {
  it('formats sequential codes and reads back what people type', () => {
    expect(formatDossierCode('2025', 42)).toBe('KGST-2025-0042');
    expect(formatDossierCode('demo', 12345)).toBe('KGST-DEMO-12345');
    expect(normalizeDossierCode(' kgst 2025 0042 ')).toBe('KGST-2025-0042');
    expect(normalizeDossierCode('KGST–2025–0042')).toBe('KGST-2025-0042');
    expect(normalizeDossierCode('hello')).toBeUndefined();
    expect(() => formatDossierCode('2025', 0)).toThrow();
  });
  it('folds diacritics and đ for search keys', () => {
    expect(fold('Phường Văn Miếu - Quốc Tử Giám')).toBe('phuong van mieu quoc tu giam');
    expect(fold('Đống Đa')).toBe('dong da');
    expect(fold('Hợp tác xã Vụn Art'.normalize('NFD'))).toBe('hop tac xa vun art');
  });
  it('finds wards typed without diacritics among the 126 of Hanoi', () => {
    expect(WARDS).toHaveLength(126);
    expect(searchWards('van mieu')[0]?.name).toMatch(/^Phường Văn Miếu/);
    expect(searchWards('hoan kiem').map((w) => w.name)).toContain('Phường Hoàn Kiếm');
    expect(searchWards('')).toEqual([]);
  });
  it('accepts Vietnamese phone numbers in the ways people write them', () => {
    expect(normalizeVietnamesePhone('0912 345 678')).toBe('0912345678');
    expect(normalizeVietnamesePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalizeVietnamesePhone('024 3825 1234')).toBe('02438251234');
    expect(normalizeVietnamesePhone('12345')).toBeUndefined();
  });
});

describe('application rules (offline)', () => {
  const form = {
    space: {
      nameVi: 'Am  Càkê',
      ownership: 'private_company',
      spaceType: 'performance',
      creativeFields: ['performing_arts'],
      street: 'đường Lạc Long Quân',
      wardCode: WARDS[7]!.code,
      foundedYear: 2019,
      floorAreaM2: 120,
      description: 'x'.repeat(60),
      registrationNumber: '0108123456',
    },
    representative: {
      fullName: 'Nguyễn Thị Ngọc Hòa',
      position: 'Chủ nhiệm',
      email: 'Hoa@Example.VN',
      phone: '0987654321',
    },
    consent: true,
  };
  it('cleans text and lower-cases the email', () => {
    const parsed = ApplicationSchema.parse(form);
    expect(parsed.space.nameVi).toBe('Am Càkê');
    expect(parsed.representative.email).toBe('hoa@example.vn');
  });
  it('requires a registration number for companies but not for independent groups', () => {
    const { registrationNumber: _r, ...space } = form.space;
    const company = ApplicationSchema.safeParse({ ...form, space });
    expect(company.success).toBe(false);
    expect(company.error?.issues.map((i) => i.path.join('.'))).toContain('space.registrationNumber');
    expect(
      ApplicationSchema.safeParse({ ...form, space: { ...space, ownership: 'individual_group' } }).success,
    ).toBe(true);
  });
  it('refuses a ward outside Hanoi and missing consent; a draft needs only the name and email', () => {
    const bad = ApplicationSchema.safeParse({
      ...form,
      space: { ...form.space, wardCode: '99999' },
      consent: false,
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['ward', 'consent']));
    expect(
      DraftSchema.safeParse({ space: { nameVi: 'Không gian A' }, representative: { email: 'a@b.vn' } })
        .success,
    ).toBe(true);
  });
  it('checks magic bytes and the checklist', () => {
    expect(magicBytesMatch('pdf', Buffer.from('%PDF-1.7'))).toBe(true);
    expect(magicBytesMatch('pdf', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toBe(false);
    expect(magicBytesMatch('docx', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    const problems = checklistProblems({ checklist: STANDARD_CHECKLIST }, []);
    expect(problems.map((p) => p.slot)).toEqual(['legal', 'photos', 'portfolio']);
  });
});
