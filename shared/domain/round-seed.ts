/**
 * The seed rounds: the 2025 call of the seed article and the local demo round, with the checklist, intro and
 * benefits a new round starts from.
 *
 * These words are round DATA, not catalog words: each round stores its own copy (name, intro, benefits,
 * checklist titles and hints, venue), the coordinator edits them on the round's settings form, and pages and
 * emails show the stored round's words. The catalog holds words the code says; a catalog entry here would
 * suggest that changing it changes what existing rounds show, and it would not. So they stay here, in one
 * file the catalog check lets through (test/unit/catalog.test.ts).
 */
import type { Text } from '../i18n/lang.ts';
import type { DocumentSlot, Round } from './round.ts';
import { addDays, ictDay } from './time.ts';

const MB = 1024 * 1024;

/** The checklist of the 2025 call: legal status, photos of the space, portfolio, plan for the coming year. */
export const STANDARD_CHECKLIST: readonly DocumentSlot[] = [
  {
    slot: 'legal',
    title: { vi: 'Giấy tờ pháp lý', en: 'Legal status document' },
    hint: {
      vi: 'Giấy chứng nhận đăng ký kinh doanh, quyết định thành lập hoặc giấy tờ tương đương (PDF hoặc ảnh chụp).',
      en: 'Business registration certificate, establishment decision or equivalent (PDF or photo).',
    },
    required: true,
    minFiles: 1,
    maxFiles: 2,
    types: ['pdf', 'jpeg', 'png'],
    maxBytes: 10 * MB,
  },
  {
    slot: 'photos',
    title: { vi: 'Hình ảnh không gian (ít nhất 3 ảnh)', en: 'Photos of the space (at least 3)' },
    hint: { vi: 'Ảnh JPEG hoặc PNG, mỗi ảnh tối đa 8 MB.', en: 'JPEG or PNG, up to 8 MB each.' },
    required: true,
    minFiles: 3,
    maxFiles: 10,
    types: ['jpeg', 'png'],
    maxBytes: 8 * MB,
  },
  {
    slot: 'portfolio',
    title: { vi: 'Hồ sơ năng lực / các hoạt động đã tổ chức', en: 'Activity portfolio' },
    hint: { vi: 'PDF hoặc DOCX, tối đa 20 MB.', en: 'PDF or DOCX, up to 20 MB.' },
    required: true,
    minFiles: 1,
    maxFiles: 3,
    types: ['pdf', 'docx'],
    maxBytes: 20 * MB,
  },
  {
    slot: 'plan',
    title: { vi: 'Kế hoạch hoạt động năm tới', en: 'Activity plan for the coming year' },
    hint: { vi: 'PDF hoặc DOCX, tối đa 10 MB.', en: 'PDF or DOCX, up to 10 MB.' },
    required: false,
    minFiles: 0,
    maxFiles: 2,
    types: ['pdf', 'docx'],
    maxBytes: 10 * MB,
  },
];

/** Benefits of membership, in the words of the Centre's director (seed article). */
export const MEMBER_BENEFITS: readonly Text[] = [
  {
    vi: 'Được đăng ký tổ chức các hoạt động tại Trung tâm Điều phối các hoạt động sáng tạo và tại Bảo tàng Hà Nội',
    en: 'Hold activities at the Creative Activities Coordination Centre and the Hanoi Museum',
  },
  { vi: 'Được hưởng các chính sách ưu đãi về thuế theo quy định', en: 'Tax incentives as provided by law' },
  {
    vi: 'Được hỗ trợ tuyên truyền, quảng bá trên các kênh thông tin chính thức của Hà Nội - thành phố sáng tạo',
    en: 'Promotion on the official channels of Hanoi – Creative City',
  },
  {
    vi: 'Được hướng dẫn, hỗ trợ thủ tục cấp phép tổ chức sự kiện và cấp phép quảng cáo',
    en: 'Guidance with event and advertising permits',
  },
  {
    vi: 'Được hỗ trợ địa điểm tại các tuyến phố đi bộ, thiết chế văn hóa, di tích lịch sử - văn hóa phù hợp',
    en: 'Venue support in pedestrian streets, cultural institutions and heritage sites',
  },
  {
    vi: 'Được giao lưu, học hỏi với các thành phố sáng tạo trên thế giới',
    en: 'Exchanges with creative cities around the world',
  },
];

export const INTRO: Text = {
  vi: 'Thành phố Hà Nội kêu gọi cộng đồng sáng tạo và các không gian sáng tạo — lớn và nhỏ, công lập và độc lập — tham gia Mạng lưới Không gian Sáng tạo thành phố Hà Nội.',
  en: 'The City of Hanoi invites creative communities and creative spaces — large and small, public and independent — to join the Hanoi Creative Space Network.',
};

/** The 2025 call of the seed article: applications until 30/05/2025, ceremony at the end of June. */
export const ROUND_2025: Round = {
  id: '2025',
  codePrefix: '2025',
  name: { vi: 'Đợt kết nạp thành viên năm 2025', en: '2025 membership call' },
  intro: INTRO,
  benefits: MEMBER_BENEFITS,
  opensOn: '2025-05-01',
  deadlineDate: '2025-05-30',
  reminderDaysBefore: 3,
  invitationsAt: '2025-06-16T09:00',
  ceremony: {
    at: '2025-06-27T15:00',
    venue: { vi: 'Bảo tàng Hà Nội, đường Phạm Hùng, Hà Nội', en: 'Hanoi Museum, Pham Hung Street, Hanoi' },
  },
  status: 'closed',
  checklist: STANDARD_CHECKLIST,
  reviewers: [],
};

/**
 * A local demo round whose dates are relative to the first start (seeded into an empty table only), so a
 * fresh system takes applications.
 */
export function demoRound(firstStart: Date): Round {
  const today = ictDay(firstStart);
  const deadlineDate = addDays(today, 30);
  return {
    ...ROUND_2025,
    id: 'demo',
    codePrefix: 'DEMO',
    name: { vi: 'Đợt kết nạp thử nghiệm (máy cục bộ)', en: 'Demo membership call (local machine)' },
    opensOn: today,
    deadlineDate,
    invitationsAt: `${addDays(deadlineDate, 10)}T09:00`,
    ceremony: { ...ROUND_2025.ceremony, at: `${addDays(deadlineDate, 20)}T15:00` },
    status: 'open',
  };
}
