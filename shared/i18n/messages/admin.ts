import { defineMessages } from '../catalog.ts';

/** The coordinator's pages: sign-in, the dossier list, a dossier. */
export const ADMIN_PAGES = /* @__PURE__ */ defineMessages({
  dashboard: { vi: 'Trang điều phối', en: 'Coordinator dashboard' },
  signIn: { vi: 'Đăng nhập trang điều phối', en: 'Coordinator sign-in' },
  signInIntro: {
    vi: 'Nhập email điều phối viên; chúng tôi sẽ gửi một đường dẫn đăng nhập dùng một lần, có hiệu lực 15 phút.',
    en: 'Enter your coordinator email; we will send a one-time sign-in link that lasts 15 minutes.',
  },
  send: { vi: 'Gửi đường dẫn đăng nhập', en: 'Send the sign-in link' },
  sent: {
    vi: 'Nếu địa chỉ này là của một điều phối viên, đường dẫn đăng nhập đã được gửi tới đó. Hãy kiểm tra hộp thư.',
    en: 'If this address belongs to a coordinator, a sign-in link was sent to it. Check your inbox.',
  },
  linkIntro: {
    vi: 'Bấm nút dưới đây để đăng nhập. Đường dẫn chỉ dùng được một lần.',
    en: 'Press the button below to sign in. The link works once.',
  },
  go: { vi: 'Đăng nhập', en: 'Sign in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  openAgainIntro: {
    vi: 'Bạn mở trang này từ một trang khác (ví dụ hộp thư). Nếu bạn đã đăng nhập trên trình duyệt này:',
    en: 'You opened this page from another site (such as your webmail). If you are signed in on this browser:',
  },
  openAgain: { vi: 'mở lại trang', en: 'open the page again' },
  mustSignIn: { vi: 'Hãy đăng nhập', en: 'Please sign in' },
  all: { vi: 'Tất cả hồ sơ đã nộp', en: 'All submitted dossiers' },
  anyField: { vi: 'Mọi lĩnh vực', en: 'Any field' },
  anyWard: { vi: 'Mọi phường/xã', en: 'Any ward' },
  search: { vi: 'Tìm theo tên hoặc mã hồ sơ', en: 'Search by name or code' },
  filter: { vi: 'Lọc', en: 'Filter' },
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
  manageRound: { vi: 'Cài đặt và nhật ký của đợt này', en: 'This call’s settings and audit trail' },
  otherRounds: { vi: 'Các đợt khác', en: 'Other calls' },
  next: { vi: 'Trang tiếp', en: 'Next page' },
  none: { vi: 'Không có hồ sơ phù hợp trên trang này.', en: 'No matching dossiers on this page.' },
  code: { vi: 'Mã hồ sơ', en: 'Code' },
  space: { vi: 'Không gian', en: 'Space' },
  ward: { vi: 'Phường/xã', en: 'Ward' },
  status: { vi: 'Tình trạng', en: 'Status' },
  updated: { vi: 'Cập nhật', en: 'Updated' },
  documents: { vi: 'Tài liệu', en: 'Documents' },
  history: { vi: 'Lịch sử công khai', en: 'Public history' },
  audit: { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
  back: { vi: '← Về danh sách', en: '← Back to the list' },
  certificate: { vi: 'Giấy chứng nhận', en: 'Certificate' },
  certNumber: { vi: 'Số', en: 'Number' },
  certIssued: { vi: 'Ngày cấp', en: 'Issued' },
  certVerify: { vi: 'Trang xác minh', en: 'Verification page' },
  certValid: { vi: 'Còn hiệu lực', en: 'Valid' },
  certRevoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  revokeReason: { vi: 'Lý do thu hồi', en: 'Reason for revocation' },
  revokeHint: {
    vi: 'Trang xác minh sẽ hiện việc thu hồi ngay, và người được cấp nhận email báo lý do.',
    en: 'The verification page shows the revocation at once, and the holder is emailed the reason.',
  },
  revoke: { vi: 'Thu hồi giấy chứng nhận', en: 'Revoke the certificate' },
  rsvp: { vi: 'Xác nhận dự lễ trao chứng nhận', en: 'Ceremony RSVPs' },
  attending: { vi: 'Tham dự', en: 'Attending' },
  guests: { vi: 'Khách đi cùng', en: 'Guests' },
  declined: { vi: 'Không tham dự', en: 'Not attending' },
  downloadHint: {
    vi: 'Đường dẫn tải tài liệu có hiệu lực 5 phút; tải lại trang để lấy đường dẫn mới.',
    en: 'Download links last 5 minutes; reload the page for new ones.',
  },
  total: { vi: 'Tổng cộng', en: 'Total' },
  submittedAt: { vi: 'Nộp lúc', en: 'Submitted' },
  sameNameTitle: { vi: 'Cảnh báo: trùng tên không gian', en: 'Flag: same space name' },
  sameNameText: {
    vi: 'Hồ sơ khác trong đợt có tên không gian trùng (hoặc trông giống hệt) tên này, với email và số đăng ký khác. Hãy kiểm tra xem có phải cùng một không gian không:',
    en: 'Another dossier of this call has the same (or an identical-looking) space name, with another email and registration number. Check whether it is the same space:',
  },
});

/** The staff pages' menu. */
export const ADMIN_NAV = /* @__PURE__ */ defineMessages({
  dashboard: { vi: 'Hồ sơ', en: 'Dossiers' },
  rounds: { vi: 'Các đợt đăng ký', en: 'Calls' },
  staff: { vi: 'Cán bộ', en: 'Staff' },
  venues: { vi: 'Địa điểm', en: 'Venues' },
  permits: { vi: 'Giấy phép', en: 'Permits' },
  members: { vi: 'Thành viên bị ẩn', en: 'Hidden members' },
});

/** An audit trail's table. */
export const AUDIT_TRAIL = /* @__PURE__ */ defineMessages({
  title: { vi: 'Nhật ký thay đổi', en: 'Audit trail' },
  at: { vi: 'Lúc', en: 'At' },
  by: { vi: 'Người thực hiện', en: 'By' },
  change: { vi: 'Thay đổi', en: 'Change' },
});

/** The staff list (coordinators). */
export const STAFF_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Cán bộ', en: 'Staff' },
  intro: {
    vi: 'Người điều phối quản lý các đợt và danh sách cán bộ; cán bộ thẩm định nhận hồ sơ của các đợt có tên họ. Người bị xóa mất quyền ngay: phiên đăng nhập và đường dẫn thẩm định của họ không còn dùng được.',
    en: 'Coordinators run the calls and this list; reviewers get the dossiers of the calls that name them. A removed person loses access at once: their sessions and review links stop working.',
  },
  email: { vi: 'Email', en: 'Email' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  added: { vi: 'Thêm lúc', en: 'Added' },
  save: { vi: 'Thêm hoặc cập nhật', en: 'Add or update' },
  addTitle: { vi: 'Thêm cán bộ / đổi vai trò', en: 'Add a person / change roles' },
  remove: { vi: 'Xóa', en: 'Remove' },
  actions: { vi: 'Thao tác', en: 'Actions' },
});

/** The staff list's audit actions. */
export const STAFF_ACTIONS = /* @__PURE__ */ defineMessages({
  'add-staff': { vi: 'Thêm', en: 'Added' },
  'change-staff': { vi: 'Đổi vai trò', en: 'Roles changed' },
  'remove-staff': { vi: 'Xóa', en: 'Removed' },
  bootstrap: { vi: 'Người điều phối đầu tiên (khi triển khai)', en: 'First coordinator (deployment)' },
});

/** A reviewer's page at /admin: the dossiers under review in their rounds. */
export const ASSIGNED_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Hồ sơ đang chờ thẩm định', en: 'Dossiers awaiting review' },
  intro: {
    vi: 'Đây là các hồ sơ đang thẩm định của những đợt có tên bạn. Hãy quyết định qua đường dẫn trong email của từng hồ sơ.',
    en: 'These are the dossiers under review in the calls that name you. Decide through the link in each dossier’s email.',
  },
  none: { vi: 'Không có hồ sơ nào đang chờ.', en: 'Nothing is waiting.' },
});

/** The admin function's form fields and query parameters, as a 400 names them. */
export const ADMIN_FIELDS = /* @__PURE__ */ defineMessages({
  email: { vi: 'Email', en: 'Email' },
  secret: { vi: 'Mã bí mật của đường dẫn', en: 'Link secret' },
  status: { vi: 'Tình trạng', en: 'Status' },
  field: { vi: 'Lĩnh vực sáng tạo', en: 'Creative field' },
  ward: { vi: 'Phường/xã', en: 'Ward' },
  q: { vi: 'Tìm kiếm', en: 'Search' },
  deadlineDate: { vi: 'Hạn nộp mới', en: 'New deadline' },
  at: { vi: 'Thời gian lễ', en: 'Ceremony time' },
  venueVi: { vi: 'Địa điểm (tiếng Việt)', en: 'Venue (Vietnamese)' },
  venueEn: { vi: 'Địa điểm (tiếng Anh)', en: 'Venue (English)' },
  next: { vi: 'Trang tiếp', en: 'Next page' },
  round: { vi: 'Đợt đăng ký', en: 'Call' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  roles: { vi: 'Vai trò', en: 'Roles' },
});

/**
 * The coordinator's refusals (rounds, staff, dashboard): use-cases do not know the request's language, so
 * they carry both and the answer picks one.
 */
export const ADMIN_ERRORS = /* @__PURE__ */ defineMessages({
  callNotFound: { vi: 'Không tìm thấy đợt đăng ký.', en: 'Call not found.' },
  noCallYet: {
    vi: 'Chưa có đợt đăng ký nào đang mở: hãy tạo một đợt ở mục “Các đợt đăng ký”.',
    en: 'No call has been opened yet: create one under “Calls”.',
  },
  dossierNotFound: { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  notYourRound: {
    vi: 'Hồ sơ này không thuộc đợt bạn thẩm định.',
    en: 'This dossier is not in a call you review.',
  },
  roundChangedMeanwhile: {
    vi: 'Đợt đăng ký vừa được người khác thay đổi. Hãy tải lại trang và thử lại.',
    en: 'Someone else just changed this call. Reload the page and try again.',
  },
  ceremonyChangedMeanwhile: {
    vi: 'Thông tin lễ vừa được người khác thay đổi. Hãy tải lại trang và thử lại.',
    en: 'Someone else just changed the ceremony. Reload the page and try again.',
  },
  deadlineChangedMeanwhile: {
    vi: 'Hạn nộp vừa được người khác thay đổi. Hãy tải lại trang và thử lại.',
    en: 'Someone else just changed the deadline. Reload the page and try again.',
  },
  notDraft: {
    vi: 'Chỉ sửa hoặc xóa được đợt đăng ký khi còn là bản nháp.',
    en: 'A call can only be edited or deleted while it is a draft.',
  },
  alreadyClosed: {
    vi: 'Đợt này đã đóng; muốn nhận thêm hồ sơ, hãy gia hạn.',
    en: 'This call is closed; extend it to take more applications.',
  },
  neverOpened: {
    vi: 'Đợt này chưa mở; có thể xóa bản nháp.',
    en: 'This call was never opened; the draft can be deleted.',
  },
  stillDraft: {
    vi: 'Đợt này còn là bản nháp: hãy sửa hạn trong phần cài đặt.',
    en: 'This call is still a draft: change the deadline in its settings.',
  },
  lastCoordinator: {
    vi: 'Không thể bỏ vai trò điều phối của người điều phối cuối cùng: hãy thêm một người điều phối khác trước.',
    en: 'The last coordinator cannot lose the coordinator role: add another coordinator first.',
  },
  noSuchStaff: { vi: 'Không có người này trong danh sách.', en: 'No such staff member.' },
});

/** Fields a use-case names in a 400, and what it says of them (both languages; the answer picks one). */
export const ADMIN_ISSUE_FIELDS = /* @__PURE__ */ defineMessages({
  roundId: { vi: 'Mã đợt', en: 'Round id' },
  reviewers: { vi: 'Cán bộ thẩm định', en: 'Reviewers' },
  newDeadline: { vi: 'Hạn nộp mới', en: 'New deadline' },
  time: { vi: 'Thời gian', en: 'Time' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  next: { vi: 'Trang tiếp', en: 'Next page' },
});

export const ADMIN_ISSUES = /* @__PURE__ */ defineMessages({
  idTaken: { vi: 'Mã này đã được dùng cho một đợt khác', en: 'This id is taken by another call' },
  deadlinePassed: {
    vi: 'Hạn nộp đã qua: hãy sửa hạn trước khi mở',
    en: 'The deadline has passed: edit it first',
  },
  chooseReviewer: { vi: 'Chọn ít nhất một người trước khi mở', en: 'Choose at least one before opening' },
  timePast: { vi: 'Thời gian này đã qua', en: 'This time is in the past' },
  dayPast: { vi: 'Ngày này đã qua', en: 'This day is in the past' },
  notLater: {
    vi: (current: string) => `Phải sau hạn hiện tại (${current})`,
    en: (current: string) => `Must be later than the current deadline (${current})`,
  },
  chooseRole: { vi: 'Chọn ít nhất một', en: 'Choose at least one' },
  badPageToken: { vi: 'Trang tiếp theo không hợp lệ', en: 'Not a valid page token' },
});

/** The columns of the dossiers' CSV export, in order. */
export const CSV_COLUMNS = /* @__PURE__ */ defineMessages({
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  status: { vi: 'Trạng thái', en: 'Status' },
  nameVi: { vi: 'Tên không gian', en: 'Space name' },
  nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
  spaceType: { vi: 'Loại hình', en: 'Type of space' },
  creativeFields: { vi: 'Lĩnh vực sáng tạo', en: 'Creative fields' },
  street: { vi: 'Địa chỉ', en: 'Address' },
  ward: { vi: 'Phường/xã', en: 'Ward' },
  representative: { vi: 'Người đại diện', en: 'Representative' },
  position: { vi: 'Chức vụ', en: 'Position' },
  email: { vi: 'Email', en: 'Email' },
  phone: { vi: 'Số điện thoại', en: 'Phone number' },
  foundedYear: { vi: 'Năm thành lập', en: 'Year founded' },
  floorArea: { vi: 'Diện tích (m²)', en: 'Floor area (m²)' },
  submittedAt: { vi: 'Ngày nộp', en: 'Submitted' },
  updatedAt: { vi: 'Cập nhật lần cuối', en: 'Last updated' },
  sameName: { vi: 'Trùng tên với hồ sơ', en: 'Same name as dossier' },
});
