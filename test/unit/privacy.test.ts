import { describe, expect, it } from 'vitest';
import { deletionAt, RETENTION } from '../../shared/domain/retention.ts';
import { ROUND_2025 } from '../../shared/domain/round.ts';
import { renderHomePage } from '../../shared/pages/home-page.tsx';
import { centreContact } from '../../shared/pages/layout.tsx';
import { PRIVACY_PATH, renderPrivacyPage } from '../../shared/pages/privacy-page.tsx';

/** The page's visible text, tags dropped and spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, (e) => ({ '&amp;': '&', '&quot;': '"', '&#39;': "'" })[e] ?? e)
    .replace(/\s+/g, ' ');

describe('the privacy notice (Nghị định 13/2023/NĐ-CP)', () => {
  const vi = textOf(renderPrivacyPage({ lang: 'vi' }));
  const en = textOf(renderPrivacyPage({ lang: 'en' }));

  it('states the retention periods of RETENTION, in both languages', () => {
    expect(vi).toContain(`bị xoá ${RETENTION.expiredDraftDays} ngày sau đó`);
    expect(vi).toContain(`xoá ${RETENTION.uploadDays} ngày sau khi tải lên`);
    expect(vi).toContain(`chậm nhất ${RETENTION.notAcceptedDays} ngày sau quyết định`);
    expect(vi).toContain(`sau ${RETENTION.previousVersionDays} ngày`);
    expect(vi).toContain(`tối đa ${RETENTION.technicalLogDays} ngày`);
    expect(vi).toContain(`${RETENTION.accessLogDays} ngày`);
    expect(en).toContain(`deleted ${RETENTION.expiredDraftDays} days later`);
    expect(en).toContain(`deleted ${RETENTION.uploadDays} days after the upload`);
    expect(en).toContain(`at the latest ${RETENTION.notAcceptedDays} days after the decision`);
    expect(en).toContain(`erased after ${RETENTION.previousVersionDays} days`);
    expect(en).toContain(`at most ${RETENTION.technicalLogDays} days`);
  });

  it('names the controller, the purposes, the categories, the rights and the contact', () => {
    const c = centreContact();
    expect(vi).toContain(`${c.name.vi} (do Thành phố Hà Nội thành lập`);
    expect(en).toContain(`The ${c.name.en}`);
    for (const words of ['Xét hồ sơ đăng ký', 'Liên hệ với bạn về hồ sơ', 'Giấy chứng nhận thành viên'])
      expect(vi).toContain(words);
    for (const words of ['Considering the application', 'Contacting you', 'membership certificate'])
      expect(en).toContain(words);
    expect(vi).toContain('họ và tên, chức vụ, email, số điện thoại');
    expect(en).toContain('full name, position, email, phone number');
    for (const right of [
      'truy cập',
      'chỉnh sửa',
      'xoá dữ liệu',
      'rút lại sự đồng ý',
      'phản đối',
      'khiếu nại',
    ])
      expect(vi).toContain(right);
    for (const right of [
      'to access',
      'corrected',
      'deleted',
      'withdraw your consent',
      'to object',
      'complain',
    ])
      expect(en).toContain(right);
    for (const page of [vi, en]) {
      expect(page).toContain('13/2023');
      expect(page).toContain(c.email);
      expect(page).toContain(c.address);
      expect(page).toContain(c.phone);
    }
  });

  it('says what becomes public if approved: the name and address on /verify, never the representative', () => {
    expect(vi).toContain('/verify');
    expect(vi).toContain('tên và địa chỉ của không gian');
    expect(vi).toContain('không bao giờ được công khai');
    expect(en).toContain('/verify');
    expect(en).toContain('the space’s name and address');
    expect(en).toContain('never made public');
  });

  it('is linked from the form’s consent checkbox, in the page’s language', () => {
    const now = new Date(`${ROUND_2025.opensOn}T03:00:00Z`);
    const round = { ...ROUND_2025, status: 'open' as const };
    const viForm = renderHomePage({ lang: 'vi', round, now });
    const enForm = renderHomePage({ lang: 'en', round, now });
    const consent = (html: string) =>
      /<label class="check">[\s\S]*?name="consent"[\s\S]*?<\/label>/.exec(html)?.[0];
    expect(consent(viForm)).toContain(`href="${PRIVACY_PATH}"`);
    expect(consent(enForm)).toContain(`href="${PRIVACY_PATH}?lang=en"`);
  });
});

describe('deletionAt', () => {
  const at = '2025-06-10T08:00:00.000Z';
  const since = Date.parse(at) / 1000;
  const history = (to: string) => [
    { at: '2025-06-01T00:00:00.000Z', from: null, to: 'draft' as const, by: 'x' },
    { at, from: 'in_review' as const, to: to as 'rejected', by: 'r' },
  ];
  it('counts the stated days from when the dossier reached its status; nothing for a live dossier', () => {
    expect(deletionAt({ status: 'rejected', history: history('rejected'), updatedAt: at })).toBe(
      since + RETENTION.notAcceptedDays * 86400,
    );
    expect(deletionAt({ status: 'incomplete', history: history('incomplete'), updatedAt: at })).toBe(
      since + RETENTION.notAcceptedDays * 86400,
    );
    expect(deletionAt({ status: 'expired', history: history('expired'), updatedAt: at })).toBe(
      since + RETENTION.expiredDraftDays * 86400,
    );
    for (const status of ['draft', 'submitted', 'in_review', 'approved'] as const)
      expect(deletionAt({ status, history: history(status), updatedAt: at })).toBeUndefined();
  });
});
