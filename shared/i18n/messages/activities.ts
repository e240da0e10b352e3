import { defineMessages } from '../catalog.ts';

/** The public events calendar (`/su-kien`) and the member's sign-in form on it. */
export const EVENTS_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Lịch sự kiện', en: 'Events calendar' },
  intro: {
    vi: 'Các hoạt động của thành viên Mạng lưới tại Trung tâm Điều phối các hoạt động sáng tạo, Bảo tàng Hà Nội và các địa điểm khác đã được Trung tâm chấp thuận.',
    en: 'Activities of the network’s members at the Creative Activities Coordination Centre, the Hanoi Museum and other venues, approved by the Centre.',
  },
  month: { vi: (m: string) => `Tháng ${m}`, en: (m: string) => `Month ${m}` },
  previous: { vi: 'Tháng trước', en: 'Previous month' },
  next: { vi: 'Tháng sau', en: 'Next month' },
  none: { vi: 'Chưa có hoạt động nào trong tháng này.', en: 'No activities this month yet.' },
  more: { vi: 'Các hoạt động tiếp theo trong tháng', en: 'More activities this month' },
  date: { vi: 'Ngày', en: 'Date' },
  time: { vi: 'Thời gian', en: 'Time' },
  activity: { vi: 'Hoạt động', en: 'Activity' },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  member: { vi: 'Thành viên', en: 'Member' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  subscribe: { vi: 'Theo dõi lịch (iCalendar)', en: 'Subscribe to the calendar (iCalendar)' },
  subscribeHint: {
    vi: 'Thêm địa chỉ này vào Google Calendar, Outlook hoặc Apple Calendar để lịch tự cập nhật.',
    en: 'Add this address to Google Calendar, Outlook or Apple Calendar and it stays up to date.',
  },
  proposeTitle: { vi: 'Thành viên đăng ký hoạt động', en: 'Members: propose an activity' },
  proposeIntro: {
    vi: 'Nhập email người đại diện của không gian thành viên. Nếu không gian có giấy chứng nhận còn hiệu lực, chúng tôi gửi đường dẫn tới biểu mẫu đăng ký.',
    en: 'Enter the representative’s email of your member space. If the space holds a valid certificate, we email a link to the proposal form.',
  },
  email: { vi: 'Email người đại diện', en: 'Representative’s email' },
  send: { vi: 'Gửi đường dẫn', en: 'Send the link' },
  sentTitle: { vi: 'Kiểm tra email của bạn', en: 'Check your email' },
  sent: {
    vi: 'Nếu địa chỉ này thuộc một thành viên có giấy chứng nhận còn hiệu lực, đường dẫn đăng ký hoạt động đã được gửi tới đó. Đường dẫn dùng được một lần, trong 7 ngày.',
    en: 'If this address belongs to a member with a valid certificate, a link to propose an activity is on its way. The link works once, for 7 days.',
  },
  feedName: { vi: 'Lịch sự kiện Mạng lưới KGST Hà Nội', en: 'Hanoi Creative Space Network events' },
  hanoiTime: { vi: 'Giờ Hà Nội', en: 'Hanoi time' },
});

/** The proposal form (emailed link) and what it answers. */
export const PROPOSAL_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Đăng ký hoạt động', en: 'Propose an activity' },
  intro: {
    vi: (space: string) => `Đăng ký hoạt động của ${space}. Trung tâm xem xét và trả lời qua email.`,
    en: (space: string) => `Propose an activity of ${space}. The Centre reviews it and answers by email.`,
  },
  titleVi: { vi: 'Tên hoạt động (tiếng Việt)', en: 'Title (Vietnamese)' },
  titleEn: { vi: 'Tên hoạt động (tiếng Anh)', en: 'Title (English)' },
  description: { vi: 'Mô tả', en: 'Description' },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  capacity: { vi: (n: number) => `sức chứa ${n} người`, en: (n: number) => `capacity ${n}` },
  date: { vi: 'Ngày', en: 'Date' },
  from: { vi: 'Từ (giờ Hà Nội)', en: 'From (Hanoi time)' },
  to: { vi: 'Đến (giờ Hà Nội)', en: 'To (Hanoi time)' },
  timeHint: {
    vi: 'Theo từng nửa giờ (ví dụ 09:00, 09:30), trong giờ mở cửa của địa điểm.',
    en: 'In half hours (e.g. 09:00, 09:30), within the venue’s opening hours.',
  },
  attendance: { vi: 'Số người dự kiến', en: 'Expected attendance' },
  contactName: { vi: 'Người liên hệ', en: 'Contact person' },
  contactPhone: { vi: 'Điện thoại liên hệ', en: 'Contact phone' },
  needsPermit: {
    vi: 'Hoạt động cần giấy phép (tổ chức sự kiện hoặc quảng cáo)',
    en: 'The activity needs a permit (event or advertising)',
  },
  submit: { vi: 'Gửi đăng ký', en: 'Send the proposal' },
  hours: { vi: 'Giờ mở cửa', en: 'Opening hours' },
  closed: { vi: 'đóng cửa', en: 'closed' },
  errorsTitle: {
    vi: 'Chưa gửi được: vui lòng sửa các mục sau',
    en: 'Not sent: please correct the following',
  },
  sentTitle: { vi: 'Đã nhận đăng ký', en: 'Proposal received' },
  sent: {
    vi: (title: string) =>
      `Trung tâm đã nhận đăng ký “${title}”. Khung giờ này được giữ cho bạn trong lúc chờ quyết định; kết quả sẽ được gửi qua email.`,
    en: (title: string) =>
      `The Centre has received “${title}”. The time is held for you while it decides; the answer will come by email.`,
  },
  usedTitle: { vi: 'Đường dẫn đã được dùng', en: 'This link was used' },
  used: {
    vi: (at: string) =>
      `Đường dẫn này đã được dùng để gửi một đăng ký lúc ${at}. Bạn có thể xin đường dẫn mới tại trang Lịch sự kiện.`,
    en: (at: string) =>
      `This link was used to send a proposal at ${at}. You can ask for a new link on the events page.`,
  },
  invalidTitle: { vi: 'Đường dẫn không hợp lệ', en: 'Invalid link' },
  invalid: {
    vi: 'Đường dẫn không đúng hoặc đã hết hạn. Bạn có thể xin đường dẫn mới tại trang Lịch sự kiện.',
    en: 'The link is wrong or has expired. You can ask for a new link on the events page.',
  },
  weekdays: {
    vi: (i: number) =>
      ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ Nhật'][i] ?? `#${i}`,
    en: (i: number) =>
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][i] ?? `#${i}`,
  },
});

/** Why a proposal's time, venue or size is refused: each names its field. */
export const PROPOSAL_ERRORS = /* @__PURE__ */ defineMessages({
  unknownVenue: { vi: 'Chọn một địa điểm trong danh sách', en: 'Choose a venue from the list' },
  'end-before-start': { vi: 'Giờ kết thúc phải sau giờ bắt đầu', en: 'The end must be after the start' },
  'not-on-slot': {
    vi: 'Giờ bắt đầu và kết thúc theo từng nửa giờ (ví dụ 09:00, 09:30)',
    en: 'Start and end on the half hour (e.g. 09:00, 09:30)',
  },
  'too-long': { vi: 'Một hoạt động dài tối đa 12 giờ', en: 'An activity lasts at most 12 hours' },
  'in-the-past': { vi: 'Thời gian này đã qua', en: 'This time has passed' },
  'closed-that-day': {
    vi: (venue: string, day: string) => `${venue} đóng cửa vào ${day}`,
    en: (venue: string, day: string) => `${venue} is closed on ${day}`,
  },
  'outside-hours': {
    vi: (venue: string, hours: string) => `Ngoài giờ mở cửa của ${venue} hôm đó (${hours})`,
    en: (venue: string, hours: string) => `Outside ${venue}’s opening hours that day (${hours})`,
  },
  taken: {
    vi: (venue: string, when: string) =>
      `${venue} đã có hoạt động khác trong khung giờ ${when}. Hãy chọn giờ hoặc địa điểm khác.`,
    en: (venue: string, when: string) =>
      `${venue} is already booked during ${when}. Choose another time or venue.`,
  },
  overCapacity: {
    vi: (venue: string, n: number) => `${venue} chứa tối đa ${n} người`,
    en: (venue: string, n: number) => `${venue} holds at most ${n} people`,
  },
  notMember: {
    vi: 'Không gian này không còn là thành viên có giấy chứng nhận hiệu lực',
    en: 'This space no longer holds a valid membership certificate',
  },
});

/** The Centre's decision page (emailed link to each coordinator). */
export const ACTIVITY_REVIEW_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Xét duyệt đăng ký hoạt động', en: 'Activity proposal' },
  member: { vi: 'Thành viên', en: 'Member' },
  when: { vi: 'Thời gian', en: 'When' },
  venue: { vi: 'Địa điểm', en: 'Venue' },
  attendance: { vi: 'Số người dự kiến', en: 'Expected attendance' },
  contact: { vi: 'Liên hệ', en: 'Contact' },
  permit: { vi: 'Cần giấy phép', en: 'Needs a permit' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  description: { vi: 'Mô tả', en: 'Description' },
  decision: { vi: 'Quyết định', en: 'Decision' },
  approve: { vi: 'Chấp thuận', en: 'Approve' },
  reject: { vi: 'Từ chối', en: 'Reject' },
  reason: { vi: 'Lý do (bắt buộc khi từ chối)', en: 'Reason (required to reject)' },
  submit: { vi: 'Gửi quyết định', en: 'Send the decision' },
  reasonRequired: { vi: 'Ghi lý do từ chối', en: 'Give the reason for rejecting' },
  decidedTitle: { vi: 'Đã có quyết định', en: 'Already decided' },
  decided: {
    vi: (outcome: string, by: string, at: string) => `Đăng ký này đã được ${outcome} bởi ${by} lúc ${at}.`,
    en: (outcome: string, by: string, at: string) => `This proposal was ${outcome} by ${by} at ${at}.`,
  },
  approved: { vi: 'chấp thuận', en: 'approved' },
  rejected: { vi: 'từ chối', en: 'rejected' },
  closedTitle: { vi: 'Đăng ký không còn chờ quyết định', en: 'No longer awaiting a decision' },
  closed: {
    vi: 'Đăng ký này đã hết hạn xét duyệt hoặc đã bị hủy.',
    en: 'This proposal has expired or was cancelled.',
  },
  doneTitle: { vi: 'Đã ghi nhận quyết định', en: 'Decision recorded' },
  done: {
    vi: 'Thành viên sẽ nhận được email thông báo.',
    en: 'The member will be told by email.',
  },
});

/** The venues page of `/admin` and the permit guidance setting. */
export const VENUES_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Địa điểm và hướng dẫn cấp phép', en: 'Venues and permit guidance' },
  intro: {
    vi: 'Các địa điểm thành viên đăng ký hoạt động: sức chứa và giờ mở cửa từng ngày (để trống là đóng cửa).',
    en: 'The venues members book: capacity and opening hours per weekday (leave empty for closed).',
  },
  name: { vi: 'Tên', en: 'Name' },
  nameVi: { vi: 'Tên (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên (tiếng Anh)', en: 'Name (English)' },
  hostVi: { vi: 'Đơn vị quản lý (tiếng Việt)', en: 'Host (Vietnamese)' },
  hostEn: { vi: 'Đơn vị quản lý (tiếng Anh)', en: 'Host (English)' },
  capacity: { vi: 'Sức chứa (người)', en: 'Capacity (people)' },
  open: { vi: 'Mở', en: 'Opens' },
  close: { vi: 'Đóng', en: 'Closes' },
  save: { vi: 'Lưu', en: 'Save' },
  add: { vi: 'Thêm địa điểm', en: 'Add a venue' },
  edit: { vi: 'Sửa', en: 'Edit' },
  permitTitle: { vi: 'Hướng dẫn cấp phép', en: 'Permit guidance' },
  permitIntro: {
    vi: 'Gửi kèm email chấp thuận của mọi hoạt động cần giấy phép tổ chức sự kiện hoặc quảng cáo.',
    en: 'Sent with the approval of every activity that needs an event or advertising permit.',
  },
  permitVi: { vi: 'Hướng dẫn (tiếng Việt)', en: 'Guidance (Vietnamese)' },
  permitEn: { vi: 'Hướng dẫn (tiếng Anh)', en: 'Guidance (English)' },
  hoursInvalid: {
    vi: 'Giờ theo dạng HH:mm, giờ đóng sau giờ mở (hoặc để trống cả hai)',
    en: 'Times as HH:mm, closing after opening (or both empty)',
  },
});

/**
 * The permit guidance used until a coordinator edits it on `/admin/venues`: the documents and steps for an
 * event permit and an advertising permit in Hanoi, as the Centre explains them to members.
 */
export const DEFAULT_PERMIT_GUIDANCE = /* @__PURE__ */ defineMessages({
  text: {
    vi: [
      'Giấy phép tổ chức sự kiện (biểu diễn nghệ thuật, lễ hội, triển lãm có bán vé):',
      '1. Văn bản đề nghị tổ chức (theo mẫu), nêu nội dung, thời gian, địa điểm, số người dự kiến.',
      '2. Kịch bản, danh sách chương trình và người biểu diễn; văn bản đồng ý của đơn vị quản lý địa điểm.',
      '3. Nộp tại Sở Văn hóa và Thể thao Hà Nội chậm nhất 05 ngày làm việc trước ngày tổ chức (trực tiếp hoặc qua Cổng dịch vụ công).',
      'Giấy phép quảng cáo (băng rôn, biển, màn hình ngoài trời):',
      '1. Văn bản thông báo sản phẩm quảng cáo kèm ma-két (bản vẽ, màu sắc, kích thước) và vị trí treo đặt.',
      '2. Giấy tờ chứng minh quyền sử dụng vị trí quảng cáo.',
      '3. Nộp chậm nhất 15 ngày trước ngày thực hiện quảng cáo.',
      'Trung tâm Điều phối các hoạt động sáng tạo hỗ trợ hướng dẫn hồ sơ: liên hệ qua địa chỉ ở cuối trang.',
    ].join('\n'),
    en: [
      'Event permit (performances, festivals, ticketed exhibitions):',
      '1. A request letter (on the form) with the programme, time, venue and expected attendance.',
      '2. The script, the programme and performers; the venue manager’s written consent.',
      '3. File with the Hanoi Department of Culture and Sports at least 5 working days before the event (in person or on the public services portal).',
      'Advertising permit (banners, signs, outdoor screens):',
      '1. A notice of the advertisement with its mock-up (drawing, colours, size) and where it will hang.',
      '2. Proof of the right to use that place.',
      '3. File at least 15 days before the advertising starts.',
      'The Creative Activities Coordination Centre helps with the paperwork: see the contact at the foot of the page.',
    ].join('\n'),
  },
});
