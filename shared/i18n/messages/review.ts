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
