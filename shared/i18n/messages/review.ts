import { defineMessages } from '../catalog.ts';

/** A reviewer's decisions, as the review page's buttons and its "already decided" notice name them. */
export const OUTCOME_LABELS = /* @__PURE__ */ defineMessages({
  approved: { vi: 'Công nhận thành viên', en: 'Approve' },
  supplement: { vi: 'Yêu cầu bổ sung', en: 'Request a supplement' },
  rejected: { vi: 'Không chấp thuận', en: 'Reject' },
});

/** The reviewer's page behind an emailed review link. */
export const REVIEW_PAGE = /* @__PURE__ */ defineMessages({
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
  otherDocuments: { vi: 'Tài liệu khác', en: 'Other documents' },
  noDocument: { vi: 'Không có tài liệu cho mục này.', en: 'No document for this item.' },
  download: {
    vi: (name: string, size: string) => `Tải xuống ${name} (${size})`,
    en: (name: string, size: string) => `Download ${name} (${size})`,
  },
  kilobytes: {
    vi: (n: number) => `${n.toLocaleString('vi-VN')} KB`,
    en: (n: number) => `${n.toLocaleString('en-GB')} KB`,
  },
  megabytes: {
    vi: (n: number) =>
      `${n.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`,
    en: (n: number) =>
      `${n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`,
  },
  decision: { vi: 'Quyết định', en: 'Decision' },
  decisionHint: {
    vi: 'Bạn sẽ được xem lại quyết định trước khi gửi.',
    en: 'You will see your decision again before it is sent.',
  },
  commentHint: { vi: 'Người nộp hồ sơ sẽ đọc ý kiến này.', en: 'The applicant will read this comment.' },
  problems: {
    vi: (count: number) => `Chưa gửi được: còn ${count} mục cần sửa.`,
    en: (count: number) => `Not sent: ${count} item(s) to fix.`,
  },
  confirmTitle: { vi: 'Xác nhận quyết định', en: 'Confirm your decision' },
  confirmLead: {
    vi: (decision: string, code: string) => `Bạn sắp ${decision} hồ sơ ${code}.`,
    en: (decision: string, code: string) => `You are about to ${decision} dossier ${code}.`,
  },
  confirmFinal: {
    vi: 'Sau khi xác nhận, quyết định được gửi đi và không thể thay đổi.',
    en: 'Once confirmed, the decision is sent and cannot be changed.',
  },
  noComment: { vi: '(không có ý kiến)', en: '(no comment)' },
  confirm: { vi: 'Xác nhận và gửi', en: 'Confirm and send' },
  scores: { vi: 'Chấm điểm (1 thấp nhất, 5 cao nhất)', en: 'Scores (1 lowest, 5 highest)' },
  yourOpinion: { vi: 'Ý kiến của bạn', en: 'Your opinion' },
  othersOpinions: { vi: 'Ý kiến của các thành viên khác', en: 'The other members’ opinions' },
  noOtherOpinion: {
    vi: 'Chưa có thành viên nào khác cho ý kiến.',
    en: 'No other member has given an opinion yet.',
  },
  back: { vi: 'Quay lại sửa', en: 'Go back and edit' },
});

/** The decision as the confirmation restates it ("Bạn sắp … hồ sơ …"). */
export const OUTCOME_VERBS = /* @__PURE__ */ defineMessages({
  approved: { vi: 'chấp thuận', en: 'approve' },
  supplement: { vi: 'yêu cầu bổ sung', en: 'request a supplement to' },
  rejected: { vi: 'không chấp thuận', en: 'reject' },
});

/** The review form's fields, as a 400 names them. */
export const REVIEW_FIELDS = /* @__PURE__ */ defineMessages({
  comment: { vi: 'Ý kiến', en: 'Comment' },
  outcome: { vi: 'Quyết định', en: 'Decision' },
  s: { vi: 'Mã bí mật của đường dẫn', en: 'Link secret' },
  items: { vi: 'Nội dung cần bổ sung', en: 'Items to supplement' },
  dueDate: { vi: 'Hạn bổ sung', en: 'Supplement due date' },
});

/** The review link's refusals: use-cases carry both languages and the answer picks one. */
export const REVIEW_ERRORS = /* @__PURE__ */ defineMessages({
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
export const SUPPLEMENT_TERMS = /* @__PURE__ */ defineMessages({
  chooseItem: { vi: 'Chọn ít nhất một mục', en: 'Choose at least one item' },
  dueRange: {
    vi: (days: number) => `Từ ngày mai đến tối đa ${days} ngày`,
    en: (days: number) => `From tomorrow up to ${days} days`,
  },
  required: { vi: 'Bắt buộc', en: 'Required' },
});
