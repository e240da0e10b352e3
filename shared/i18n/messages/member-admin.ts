import { defineMessages } from '../catalog.ts';

/** `/admin/members`: hidden profiles (with why), showing one again, and making the profiles that are missing. */
export const MEMBERS_PAGE = defineMessages({
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
});
