import { defineMessages } from '../catalog.ts';

/** A dossier's status as people read it (status page, dashboard, emails, CSV). */
export const DOSSIER_STATUS_LABELS = /* @__PURE__ */ defineMessages({
  draft: { vi: 'Bản nháp (chưa nộp)', en: 'Draft (not submitted)' },
  submitted: { vi: 'Đã tiếp nhận', en: 'Received' },
  in_review: { vi: 'Đang thẩm định', en: 'Under review' },
  recommended: { vi: 'Chờ Giám đốc phê duyệt', en: "Awaiting the Director's sign-off" },
  supplement_requested: { vi: 'Cần bổ sung hồ sơ', en: 'Supplement requested' },
  approved: { vi: 'Được công nhận thành viên', en: 'Approved as a member' },
  rejected: { vi: 'Không được chấp thuận', en: 'Not approved' },
  incomplete: { vi: 'Đóng do chưa bổ sung đủ', en: 'Closed as incomplete' },
  expired: { vi: 'Hết hạn (không nộp)', en: 'Expired (never submitted)' },
  failed: { vi: 'Đang được xử lý lại', en: 'Being looked into' },
});

/** A checklist item short of files; its title comes in the same language (round data). */
export const CHECKLIST_PROBLEMS = /* @__PURE__ */ defineMessages({
  tooFew: {
    vi: (title: string, min: number, count: number) => `${title}: cần ít nhất ${min} tệp (hiện có ${count})`,
    en: (title: string, min: number, count: number) =>
      `${title}: at least ${min} file(s) needed (${count} attached)`,
  },
});

/** Notes the lifecycle writes into a dossier's history (stored with both languages, shown in one). */
export const HISTORY_NOTES = /* @__PURE__ */ defineMessages({
  resubmitted: { vi: 'Đã bổ sung hồ sơ', en: 'Supplement sent' },
  reminded: {
    vi: (attempt: number) => `Nhắc thẩm định lần ${attempt}`,
    en: (attempt: number) => `Review reminder ${attempt}`,
  },
  escalated: {
    vi: (reminders: number) => `Quá hạn thẩm định sau ${reminders} lần nhắc; đã báo điều phối viên`,
    en: (reminders: number) => `Review overdue after ${reminders} reminders; coordinator alerted`,
  },
  signOffReminded: {
    vi: (attempt: number) => `Nhắc Giám đốc phê duyệt lần ${attempt}; đã báo điều phối viên`,
    en: (attempt: number) => `Sign-off reminder ${attempt}; coordinator alerted`,
  },
  sentBack: {
    vi: (comment: string) => `Giám đốc trả lại để thẩm định lại: ${comment}`,
    en: (comment: string) => `Sent back to review by the Director: ${comment}`,
  },
  certificateRevoked: {
    vi: (number: string, reason: string) => `Đã thu hồi giấy chứng nhận số ${number}: ${reason}`,
    en: (number: string, reason: string) => `Certificate ${number} revoked: ${reason}`,
  },
  certificateIssued: {
    vi: (number: string) => `Đã cấp giấy chứng nhận số ${number}`,
    en: (number: string) => `Certificate ${number} issued`,
  },
});
