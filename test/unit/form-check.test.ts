import { describe, expect, it } from 'vitest';
import { type FormBody, formCheck } from '../../shared/browser/form-check.ts';
import { ApplicationSchema, FIELD_LABELS } from '../../shared/domain/application-schema.ts';
import { normalizeText, toValidationError } from '../../shared/http/request.ts';
import type { Lang } from '../../shared/i18n/lang.ts';
import { formChecks } from '../../shared/pages/home-page.tsx';
import { validForm } from '../support/client.ts';

/** What the server's submit check says of a form: each field once, with its message. */
function serverSays(body: FormBody, lang: Lang) {
  const input = normalizeText(body);
  const parsed = ApplicationSchema.safeParse(input);
  if (parsed.success) return [];
  const issues = toValidationError(parsed.error, lang, FIELD_LABELS, input).issues.map((i) => ({
    path: i.path.replace(/\.\d+$/, ''),
    message: i.message,
  }));
  return issues.filter((i, n) => issues.findIndex((j) => j.path === i.path) === n);
}
const browserSays = (body: FormBody, lang: Lang) =>
  formCheck(formChecks(lang), body).map(({ path, message }) => ({ path, message }));
const sorted = <T extends { path: string }>(xs: T[]) => [...xs].sort((a, b) => a.path.localeCompare(b.path));

/** The form as the page collects it when nothing is filled in. */
const BLANK: FormBody = { space: { nameVi: '' }, representative: { email: '' }, consent: false };

const valid = () => validForm('1234') as unknown as FormBody & { space: Record<string, unknown> };
const withSpace = (space: Record<string, unknown>, rep: Record<string, unknown> = {}): FormBody => {
  const f = valid();
  return { ...f, space: { ...f.space, ...space }, representative: { ...f.representative, ...rep } };
};

describe('the browser checks the application with the server’s rules and words', () => {
  it('names every required field of a blank form at once, saying what to do, as the server does', () => {
    // Act
    const browser = browserSays(BLANK, 'vi');
    const server = serverSays(BLANK, 'vi');

    // Assess: one wave, every required field, in words people use
    expect(sorted(browser)).toEqual(sorted(server));
    expect(browser.map((p) => p.path)).toEqual([
      'space.nameVi',
      'space.ownership',
      'space.spaceType',
      'space.creativeFields',
      'space.street',
      'space.wardCode',
      'space.foundedYear',
      'space.floorAreaM2',
      'space.description',
      'representative.fullName',
      'representative.position',
      'representative.email',
      'representative.phone',
      'consent',
    ]);
    expect(browser).toContainEqual({ path: 'space.ownership', message: 'Vui lòng chọn hình thức sở hữu' });
    expect(JSON.stringify(browser)).not.toContain('Giá trị không nằm trong danh sách cho phép');
    expect(JSON.stringify(browser)).not.toContain('Bắt buộc nhập');
  });

  it.each<[string, FormBody]>([
    ['a valid form', valid()],
    ['a 2-digit year', withSpace({ foundedYear: 15 })],
    ['a year in the future', withSpace({ foundedYear: new Date().getUTCFullYear() + 5 })],
    ['a company without its registration number', withSpace({ registrationNumber: undefined })],
    [
      'a group without a registration number',
      withSpace({ ownership: 'individual_group', registrationNumber: undefined }),
    ],
    ['a one-word name and a short phone', withSpace({}, { fullName: 'Quyên', phone: '0912' })],
    [
      'a bad email, website and social link',
      withSpace({ website: 'uudam.vn', socialLinks: ['ftp://x.vn'] }, { email: 'quyen@' }),
    ],
    [
      'six social links',
      withSpace({ socialLinks: Array.from({ length: 6 }, (_, i) => `https://x.vn/${i}`) }),
    ],
    ['a short description and street', withSpace({ description: 'Ngắn quá', street: 'ab' })],
    ['a zero floor area and an unknown ownership', withSpace({ floorAreaM2: 0, ownership: 'royal' })],
    ['a phone with +84 and dots', withSpace({}, { phone: '+84 912.345.678' })],
    ['a landline', withSpace({}, { phone: '024 3825 1234' })],
    ['no consent', { ...valid(), consent: false }],
  ])('agrees with the server on %s, in both languages', (_, body) => {
    for (const lang of ['vi', 'en'] as const)
      expect(sorted(browserSays(body, lang))).toEqual(sorted(serverSays(body, lang)));
  });

  it('says what to do about a wrong value, naming the field', () => {
    const [year] = browserSays(withSpace({ foundedYear: 15 }), 'vi');
    expect(year?.message).toBe('Năm thành lập: nhập năm có 4 chữ số, ví dụ 2015');
    const [en] = browserSays(withSpace({ foundedYear: 15 }), 'en');
    expect(en?.message).toBe('Year founded: enter a 4-digit year, e.g. 2015');
  });
});
