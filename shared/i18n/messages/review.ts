import { defineMessages } from '../catalog.ts';

/** A reviewer's decisions, as the review page's buttons and its "already decided" notice name them. */
export const OUTCOME_LABELS = defineMessages({
  approved: { vi: 'Công nhận thành viên', en: 'Approve' },
  supplement: { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' },
  rejected: { vi: 'Không chấp thuận', en: 'Reject' },
});

/** The reviewer's page behind an emailed review link. */
export const REVIEW_PAGE = defineMessages({
  review: { vi: 'Thẩm định', en: 'Review' },
  heading: { vi: 'Thẩm định hồ sơ', en: 'Review dossier' },
  status: { vi: 'Tình trạng: ', en: 'Status: ' },
  documents: { vi: 'Tài liệu', en: 'Documents' },
  history: { vi: 'Lịch sử', en: 'History' },
  decided: {
    vi: (outcome: string, by: string, at: string) =>
      `Hồ sơ đã được quyết định (${outcome}) bởi ${by} lúc ${at}.`,
    en: (outcome: string, by: string, at: string) => `Already decided (${outcome}) by ${by} at ${at}.`,
  },
  comment: {
    vi: 'Ý kiến (bắt buộc khi yêu cầu bổ sung hoặc không chấp thuận)',
    en: 'Comment (required to request a supplement or reject)',
  },
  supplementItems: {
    vi: 'Nếu yêu cầu bổ sung: nội dung cần bổ sung',
    en: 'For a supplement: what to supplement',
  },
  dueDate: {
    vi: (days: number) => `Hạn bổ sung (tối đa ${days} ngày)`,
    en: (days: number) => `Due date (at most ${days} days)`,
  },
});

/** The review form's fields, as a 400 names them. */
export const REVIEW_FIELDS = defineMessages({
  comment: { vi: 'Ý kiến', en: 'Comment' },
  outcome: { vi: 'Quyết định', en: 'Decision' },
  s: { vi: 'Mã bí mật của đường dẫn', en: 'Link secret' },
  items: { vi: 'Nội dung cần bổ sung', en: 'Items to supplement' },
  dueDate: { vi: 'Hạn bổ sung', en: 'Supplement due date' },
});

/** The review link's refusals: use-cases carry both languages and the answer picks one. */
export const REVIEW_ERRORS = defineMessages({
  invalidLink: {
    vi: 'Đường dẫn thẩm định không hợp lệ hoặc đã hết hạn.',
    en: 'This review link is not valid or has expired.',
  },
  timeOver: {
    vi: 'Thời hạn của đường dẫn này đã hết; một đường dẫn thẩm định mới đã được gửi qua email.',
    en: 'This link’s review time is over; a new review link has been emailed.',
  },
  deliveryPending: {
    vi: 'Quyết định đã được ghi nhận nhưng chưa chuyển được tới quy trình phê duyệt do lỗi tạm thời. Vui lòng gửi lại sau ít phút (hệ thống cũng tự chuyển lại trong vòng 15 phút).',
    en: 'Your decision is recorded but could not be passed to the approval workflow because of a temporary error. Please send it again in a few minutes (the system also retries within 15 minutes).',
  },
  notReviewer: {
    vi: 'Bạn không còn trong danh sách cán bộ thẩm định, nên đường dẫn này không còn dùng được. Nếu đây là nhầm lẫn, hãy liên hệ người điều phối.',
    en: 'You are no longer on the reviewers’ list, so this link no longer works. If this is a mistake, contact a coordinator.',
  },
});

/** What a supplement request lacks (its fields named by REVIEW_FIELDS). */
export const SUPPLEMENT_TERMS = defineMessages({
  chooseItem: { vi: 'Chọn ít nhất một mục', en: 'Choose at least one item' },
  dueRange: {
    vi: (days: number) => `Từ ngày mai đến tối đa ${days} ngày`,
    en: (days: number) => `From tomorrow up to ${days} days`,
  },
  required: { vi: 'Bắt buộc', en: 'Required' },
});
