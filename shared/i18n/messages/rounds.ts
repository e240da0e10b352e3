import { defineMessages } from '../catalog.ts';

/** Labels of the round settings form's fields: the form shows them, and a 400 names fields by them. */
export const ROUND_SETTING_LABELS = /* @__PURE__ */ defineMessages({
  id: { vi: 'Mã đợt', en: 'Call id' },
  nameVi: { vi: 'Tên đợt (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên đợt (tiếng Anh)', en: 'Name (English)' },
  opensOn: { vi: 'Ngày bắt đầu nhận hồ sơ', en: 'First day of applications' },
  deadlineDate: {
    vi: 'Hạn nộp hồ sơ (hết 23:59 ngày này, giờ Hà Nội)',
    en: 'Deadline (until 23:59 that day, Hanoi time)',
  },
  reminderDaysBefore: { vi: 'Nhắc bản nháp trước hạn (số ngày)', en: 'Remind drafts this many days before' },
  invitationsAt: { vi: 'Gửi thư mời dự lễ lúc (giờ Hà Nội)', en: 'Send ceremony invitations at (Hanoi)' },
  ceremonyAt: { vi: 'Lễ trao chứng nhận lúc (giờ Hà Nội)', en: 'Ceremony at (Hanoi)' },
  venueVi: { vi: 'Địa điểm lễ (tiếng Việt)', en: 'Venue (Vietnamese)' },
  venueEn: { vi: 'Địa điểm lễ (tiếng Anh)', en: 'Venue (English)' },
  reviewers: { vi: 'Cán bộ thẩm định của đợt', en: 'The call’s reviewers' },
  decisionMode: { vi: 'Cách quyết định hồ sơ', en: 'How dossiers are decided' },
  councilSize: { vi: 'Số thành viên hội đồng cho mỗi hồ sơ', en: 'Council members per dossier' },
  quorum: { vi: 'Số ý kiến thống nhất để quyết định', en: 'Opinions in agreement that decide' },
  criteria: {
    vi: 'Tiêu chí chấm điểm 1–5 (mỗi dòng: tiếng Việt | tiếng Anh)',
    en: 'Criteria scored 1–5 (one per line: Vietnamese | English)',
  },
  checklist: { vi: 'Danh mục tài liệu', en: 'Document checklist' },
});

/** Labels of one checklist item's fields. */
export const CHECKLIST_ITEM_LABELS = /* @__PURE__ */ defineMessages({
  slot: { vi: 'Mã mục', en: 'Key' },
  titleVi: { vi: 'Tên (tiếng Việt)', en: 'Title (Vietnamese)' },
  titleEn: { vi: 'Tên (tiếng Anh)', en: 'Title (English)' },
  hintVi: { vi: 'Hướng dẫn (tiếng Việt)', en: 'Hint (Vietnamese)' },
  hintEn: { vi: 'Hướng dẫn (tiếng Anh)', en: 'Hint (English)' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  minFiles: { vi: 'Số tệp tối thiểu', en: 'At least (files)' },
  maxFiles: { vi: 'Số tệp tối đa', en: 'At most (files)' },
  types: { vi: 'Loại tệp', en: 'File types' },
  maxMb: { vi: 'Dung lượng tối đa mỗi tệp (MB)', en: 'Largest file (MB)' },
});

/** A checklist item's field, named with its row (a 400 on the settings form). */
export const CHECKLIST_ROW = /* @__PURE__ */ defineMessages({
  field: {
    vi: (row: number, label: string) => `Tài liệu mục ${row} · ${label}`,
    en: (row: number, label: string) => `Document item ${row} · ${label}`,
  },
});

/** Messages of the settings' checks, by the key their zod issue carries. */
export const ROUND_SETTING_MESSAGES = /* @__PURE__ */ defineMessages({
  dateTime: { vi: 'Cần ngày và giờ (dd/mm/yyyy hh:mm)', en: 'A date and time are needed' },
  date: { vi: 'Cần một ngày hợp lệ', en: 'A valid date is needed' },
  slotKey: {
    vi: 'Mã mục: chữ thường không dấu, số và dấu gạch ngang, 2–30 ký tự (ví dụ: phap-ly)',
    en: 'Item key: lower-case letters, digits and hyphens, 2–30 characters (e.g. legal)',
  },
  roundId: {
    vi: 'Mã đợt: chữ thường không dấu và số, 2–20 ký tự (ví dụ: 2026)',
    en: 'Round id: lower-case letters and digits, 2–20 characters (e.g. 2026)',
  },
  maxBelowMin: { vi: 'Số tệp tối đa nhỏ hơn số tệp tối thiểu', en: 'At most is below at least' },
  requiredNeedsFile: {
    vi: 'Mục bắt buộc cần ít nhất 1 tệp',
    en: 'A required item needs at least 1 file',
  },
  deadlineBeforeOpening: {
    vi: 'Hạn nộp phải từ ngày mở trở đi',
    en: 'The deadline must not be before opening',
  },
  invitationsBeforeDeadline: {
    vi: 'Thư mời phải gửi sau hạn nộp hồ sơ',
    en: 'Invitations must go out after the deadline',
  },
  ceremonyBeforeInvitations: {
    vi: 'Lễ phải diễn ra sau khi gửi thư mời',
    en: 'The ceremony must come after the invitations',
  },
  slotTaken: { vi: 'Mã mục bị trùng với mục khác', en: 'Another item has this key' },
  checklistEmpty: { vi: 'Cần ít nhất một mục tài liệu', en: 'At least one document item is needed' },
  quorumAboveSize: {
    vi: 'Số ý kiến để quyết định không được lớn hơn số thành viên hội đồng',
    en: 'The quorum cannot be larger than the council',
  },
  councilAbovePool: {
    vi: 'Hội đồng cần ít nhất chừng ấy cán bộ thẩm định được chọn cho đợt',
    en: 'The council needs at least that many of the call’s reviewers',
  },
  criterion: {
    vi: 'Mỗi tiêu chí một dòng, dạng “Tính sáng tạo | Creativity”, tối đa 6 tiêu chí',
    en: 'One criterion a line, as “Tính sáng tạo | Creativity”, at most 6',
  },
});

export const ROUND_STATUS_LABELS = /* @__PURE__ */ defineMessages({
  draft: { vi: 'Bản nháp', en: 'Draft' },
  open: { vi: 'Đang mở', en: 'Open' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
});

/** The dashboard's forms that change an open round (deadline, ceremony, close) and their results. */
export const ROUND_CHANGE_PAGES = /* @__PURE__ */ defineMessages({
  deadline: { vi: 'Gia hạn nộp hồ sơ', en: 'Extend the deadline' },
  current: { vi: 'Hạn hiện tại', en: 'Current deadline' },
  newDate: { vi: 'Hạn nộp mới (hết ngày, giờ Hà Nội)', en: 'New deadline (end of day, Hanoi time)' },
  extend: { vi: 'Gia hạn', en: 'Extend' },
  ceremony: { vi: 'Thời gian và địa điểm lễ', en: 'Ceremony time and venue' },
  at: { vi: 'Thời gian (giờ Hà Nội)', en: 'Time (Hanoi)' },
  venueVi: { vi: 'Địa điểm (tiếng Việt)', en: 'Venue (Vietnamese)' },
  venueEn: { vi: 'Địa điểm (tiếng Anh)', en: 'Venue (English)' },
  change: { vi: 'Lưu và gửi cập nhật cho khách mời', en: 'Save and send the update to the invited members' },
  extended: { vi: 'Đã gia hạn nộp hồ sơ đến', en: 'The deadline is now' },
  changed: { vi: 'Đã cập nhật lễ trao chứng nhận', en: 'The ceremony was updated' },
  sent: { vi: 'Email đã gửi', en: 'Emails sent' },
  skipped: { vi: 'Đã gửi trước đó', en: 'Already sent before' },
  suppressed: { vi: 'Bỏ qua (địa chỉ bị trả lại/khiếu nại)', en: 'Skipped (bounced/complained address)' },
  failed: {
    vi: 'Gửi lỗi (gửi lại biểu mẫu để thử lại những email này)',
    en: 'Failed (submit the form again to retry these)',
  },
  inDoubt: {
    vi: 'Chưa chắc đã gửi (một lượt gửi trước có thể đã dừng giữa chừng; lượt gửi tiếp theo sẽ kiểm tra và gửi nốt, mỗi người tối đa thêm một email)',
    en: 'Not known to have gone (an earlier run may have stopped half-way; a follow-up run checks and sends them, at most one extra email each)',
  },
  back: { vi: '← Về trang của đợt', en: '← Back to the call' },
  closeTitle: { vi: 'Đóng đợt đăng ký', en: 'Close the call' },
  closedNow: {
    vi: 'Đợt đã đóng: không nhận thêm hồ sơ. Bản nháp chưa nộp hết hiệu lực; người điều phối nhận bản tổng kết.',
    en: 'The call is closed: no more applications. Unsubmitted drafts expire; the coordinators get the summary.',
  },
  unfinished: {
    vi: 'Chưa gửi hết email: hãy gửi lại biểu mẫu với cùng giá trị để tiếp tục (mỗi người vẫn chỉ nhận một lần).',
    en: 'Not every email went out: submit the form again with the same values to go on (nobody gets one twice).',
  },
  handedOver: {
    vi: 'Các email còn lại đang được tiếp tục gửi ở chế độ nền, mỗi người nhận một lần; không cần gửi lại biểu mẫu.',
    en: 'The remaining emails are being sent in the background, once per recipient; there is no need to submit the form again.',
  },
});

/** The rounds' pages: the list, the settings form, a round's page. */
export const ROUNDS_PAGES = /* @__PURE__ */ defineMessages({
  rounds: { vi: 'Các đợt đăng ký', en: 'Calls for applications' },
  create: { vi: 'Tạo đợt đăng ký mới', en: 'Create a call' },
  none: {
    vi: 'Chưa có đợt đăng ký nào. Hãy tạo đợt đầu tiên.',
    en: 'There is no call yet. Create the first one.',
  },
  idHint: {
    vi: 'Chữ thường không dấu và số, ví dụ 2026; dùng trong mã hồ sơ (KGST-2026-0001), không đổi được.',
    en: 'Lower-case letters and digits, e.g. 2026; part of every dossier code (KGST-2026-0001); cannot change.',
  },
  name: { vi: 'Tên đợt', en: 'Name' },
  status: { vi: 'Tình trạng', en: 'Status' },
  opensOn: { vi: 'Ngày mở', en: 'Opens' },
  deadline: { vi: 'Hạn nộp', en: 'Deadline' },
  dossiers: { vi: 'Hồ sơ', en: 'Dossiers' },
  settings: { vi: 'Cài đặt', en: 'Settings' },
  reviewersHint: {
    vi: 'Mỗi hồ sơ được gửi tới những người được chọn. Thêm người ở mục “Cán bộ”.',
    en: 'Each dossier is emailed to those chosen. Add people under “Staff”.',
  },
  noReviewers: {
    vi: 'Chưa có cán bộ thẩm định nào: hãy thêm ở mục “Cán bộ”.',
    en: 'There are no reviewers yet: add them under “Staff”.',
  },
  checklistHint: {
    vi: 'Để trống mã mục và tên của dòng không dùng.',
    en: 'Leave the key and title of unused rows empty.',
  },
  item: { vi: 'Mục', en: 'Item' },
  saveDraft: { vi: 'Lưu bản nháp', en: 'Save the draft' },
  open: { vi: 'Mở đợt đăng ký', en: 'Open the call' },
  openHint: {
    vi: 'Khi mở, đợt này hiện trên trang công khai, nhận hồ sơ từ ngày mở đến hết hạn, và các việc định kỳ (nhắc hạn, đóng đợt, thư mời) được lên lịch.',
    en: 'Once open, this call is shown on the public site, takes applications from its first day to the deadline, and its reminder, closing and invitations are scheduled.',
  },
  remove: { vi: 'Xóa bản nháp', en: 'Delete the draft' },
  close: { vi: 'Đóng đợt ngay', en: 'Close the call now' },
  closeHint: {
    vi: 'Không nhận thêm hồ sơ từ lúc này; bản nháp chưa nộp hết hiệu lực và người điều phối nhận bản tổng kết.',
    en: 'No more applications from now on; unsubmitted drafts expire and the coordinators get the summary.',
  },
  closed: { vi: 'Đợt đã đóng', en: 'The call is closed' },
  schedule: { vi: 'Lịch tự động', en: 'Automatic schedule' },
  view: { vi: 'Xem', en: 'View' },
  current: { vi: 'đang hiện trên trang công khai', en: 'shown on the public site' },
  ceremony: { vi: 'Lễ trao chứng nhận', en: 'Ceremony' },
});

/** A round's audit actions. */
export const ROUND_ACTIONS = /* @__PURE__ */ defineMessages({
  'create-round': { vi: 'Tạo đợt', en: 'Created' },
  'update-round': { vi: 'Sửa cài đặt', en: 'Settings changed' },
  'delete-round': { vi: 'Xóa bản nháp', en: 'Draft deleted' },
  'open-round': { vi: 'Mở đợt', en: 'Opened' },
  'close-round': { vi: 'Đóng đợt', en: 'Closed' },
  'extend-deadline': { vi: 'Gia hạn', en: 'Deadline extended' },
  'change-ceremony': { vi: 'Đổi lễ trao chứng nhận', en: 'Ceremony changed' },
});

/** A round's automatic jobs, as its page's schedule lists them. */
export const SCHEDULE_TITLES = /* @__PURE__ */ defineMessages({
  'deadline-reminder': {
    vi: 'Nhắc hạn nộp hồ sơ cho các bản nháp',
    en: 'Deadline reminder to unsubmitted drafts',
  },
  'close-round': { vi: 'Đóng đợt đăng ký khi hết hạn', en: 'Close the round at the deadline' },
  'send-invitations': { vi: 'Gửi thư mời dự lễ trao chứng nhận', en: 'Send ceremony invitations' },
});
