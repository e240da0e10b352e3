import { defineMessages } from '../catalog.ts';

/** `/admin/permits`: approved activities to come that need a permit, and whether it was obtained (issue 16 item 5). */
export const PERMITS_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Giấy phép của các hoạt động', en: 'Permits of activities' },
  intro: {
    vi: 'Các hoạt động đã được chấp thuận trong 12 tháng tới cần giấy phép tổ chức sự kiện hoặc quảng cáo. Khi thành viên đã có giấy phép, hãy đánh dấu để lưu lại ai xác nhận và lúc nào.',
    en: 'Approved activities in the next 12 months that need an event or advertising permit. When the member has the permit, mark it: who confirmed it and when are kept.',
  },
  none: {
    vi: 'Không có hoạt động nào sắp tới cần giấy phép.',
    en: 'No upcoming activity needs a permit.',
  },
  when: { vi: 'Thời gian', en: 'When' },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  member: { vi: 'Thành viên', en: 'Member' },
  permit: { vi: 'Giấy phép', en: 'Permit' },
  pending: { vi: 'Chưa có', en: 'Not yet' },
  obtained: {
    vi: (at: string, by: string) => `Đã có — xác nhận lúc ${at} bởi ${by}`,
    en: (at: string, by: string) => `Obtained — confirmed at ${at} by ${by}`,
  },
  mark: { vi: 'Đánh dấu đã có giấy phép', en: 'Mark the permit obtained' },
  markFor: {
    vi: (title: string) => `Đánh dấu đã có giấy phép: ${title}`,
    en: (title: string) => `Mark the permit obtained: ${title}`,
  },
  contact: { vi: 'Liên hệ', en: 'Contact' },
  unknown: { vi: 'Không tìm thấy hoạt động này.', en: 'No such activity.' },
  notNeeded: {
    vi: 'Hoạt động này không được chấp thuận hoặc không cần giấy phép: không có gì để đánh dấu.',
    en: 'This activity is not approved or needs no permit: there is nothing to mark.',
  },
});

/** `/admin/members`: hidden profiles (with why), showing one again, and making the profiles that are missing. */
export const MEMBERS_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Trang thành viên bị ẩn', en: 'Hidden member pages' },
  intro: {
    vi: 'Các trang thành viên đã bị ẩn khỏi danh sách /thanh-vien, kèm lý do. Hiện lại một trang cần ghi lý do; việc này được ghi vào nhật ký hồ sơ.',
    en: 'Member pages hidden from the /thanh-vien directory, with the reason. Showing one again needs a reason too; it goes into the dossier’s audit trail.',
  },
  none: { vi: 'Không có trang thành viên nào bị ẩn.', en: 'No member page is hidden.' },
  member: { vi: 'Thành viên', en: 'Member' },
  hiddenAt: { vi: 'Ẩn lúc', en: 'Hidden at' },
  hiddenBy: { vi: 'Người ẩn', en: 'Hidden by' },
  reason: { vi: 'Lý do ẩn', en: 'Reason for hiding' },
  dossier: { vi: 'Hồ sơ', en: 'Dossier' },
  showReason: { vi: 'Lý do hiện lại', en: 'Reason for showing it again' },
  showFor: {
    vi: (name: string) => `Hiện lại trong danh sách: ${name}`,
    en: (name: string) => `Show in the directory again: ${name}`,
  },
  show: { vi: 'Hiện lại', en: 'Show again' },
  reasonRequired: {
    vi: 'Hãy ghi lý do (ít nhất 3 ký tự)',
    en: 'Give a reason (at least 3 characters)',
  },
  shownNote: {
    vi: (reason: string) => `Hiện lại trong danh sách thành viên. Lý do: ${reason}`,
    en: (reason: string) => `Shown in the member directory again. Reason: ${reason}`,
  },
  backfillTitle: { vi: 'Tạo trang còn thiếu', en: 'Make the missing pages' },
  backfillIntro: {
    vi: 'Thành viên được cấp chứng nhận trước khi có danh sách /thanh-vien chưa có trang thành viên. Nút này tạo trang cho mọi chứng nhận còn hiệu lực chưa có trang (từ hồ sơ đã duyệt, như khi cấp chứng nhận). Chạy lại không tạo trang trùng.',
    en: 'Members certified before the /thanh-vien directory existed have no member page. This makes one for every valid certificate without one (from the approved dossier, as issuing does). Running it again makes no duplicates.',
  },
  backfill: { vi: 'Tạo các trang còn thiếu', en: 'Make the missing pages' },
  backfillStarted: {
    vi: 'Đã bắt đầu tạo các trang còn thiếu. Các trang mới xuất hiện trong danh sách /thanh-vien sau ít phút.',
    en: 'Making the missing pages has started. The new pages appear in the /thanh-vien directory within minutes.',
  },
});
