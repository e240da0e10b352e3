import { defineMessages } from '../catalog.ts';

/**
 * The application's fields, one entry each: the form, the dossier views, the supplement request and every
 * message that names a field (validation issues, emails) read these.
 */
export const FIELDS = /* @__PURE__ */ defineMessages({
  'space.nameVi': { vi: 'Tên không gian (tiếng Việt)', en: 'Space name (Vietnamese)' },
  'space.nameEn': { vi: 'Tên không gian (tiếng Anh)', en: 'Space name (English)' },
  'space.ownership': { vi: 'Hình thức sở hữu', en: 'Ownership' },
  'space.spaceType': { vi: 'Loại hình không gian', en: 'Type of space' },
  'space.creativeFields': { vi: 'Lĩnh vực sáng tạo', en: 'Creative fields' },
  'space.street': { vi: 'Số nhà, đường phố', en: 'Street address' },
  'space.wardCode': { vi: 'Phường/xã', en: 'Ward or commune' },
  'space.foundedYear': { vi: 'Năm thành lập', en: 'Year founded' },
  'space.floorAreaM2': { vi: 'Diện tích sàn (m²)', en: 'Floor area (m²)' },
  'space.website': { vi: 'Trang web', en: 'Website' },
  'space.socialLinks': { vi: 'Mạng xã hội', en: 'Social links' },
  'space.description': { vi: 'Mô tả hoạt động', en: 'Description of activities' },
  'space.registrationNumber': {
    vi: 'Số đăng ký kinh doanh / quyết định thành lập',
    en: 'Registration number',
  },
  'representative.fullName': { vi: 'Họ và tên người đại diện', en: 'Representative’s full name' },
  'representative.position': { vi: 'Chức vụ', en: 'Position' },
  'representative.email': { vi: 'Email', en: 'Email' },
  'representative.phone': { vi: 'Số điện thoại', en: 'Phone number' },
  consent: { vi: 'Đồng ý xử lý dữ liệu', en: 'Consent to data processing' },
  slot: { vi: 'Mục tài liệu', en: 'Document item' },
  fileName: { vi: 'Tên tệp', en: 'File name' },
  contentType: { vi: 'Loại tệp', en: 'File type' },
  size: { vi: 'Dung lượng tệp', en: 'File size' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  email: { vi: 'Email', en: 'Email' },
});
export type FieldPath = keyof typeof FIELDS;

/**
 * How the application form labels a field where it says more than the field's name: what is optional,
 * how to fill it in. The other fields are labelled with their name (`FIELDS`).
 */
export const FORM_LABELS = /* @__PURE__ */ defineMessages({
  'space.nameEn': { vi: 'Tên không gian (tiếng Anh, không bắt buộc)', en: 'Space name (English, optional)' },
  'space.creativeFields': {
    vi: 'Lĩnh vực sáng tạo (chọn ít nhất một)',
    en: 'Creative fields (at least one)',
  },
  'space.website': { vi: 'Trang web (không bắt buộc)', en: 'Website (optional)' },
  'space.socialLinks': { vi: 'Mạng xã hội (mỗi dòng một đường dẫn)', en: 'Social links (one per line)' },
  'space.description': {
    vi: 'Mô tả hoạt động (ít nhất 50 ký tự)',
    en: 'Description of activities (50 characters or more)',
  },
  'space.registrationNumber': {
    vi: 'Số đăng ký kinh doanh / quyết định thành lập',
    en: 'Business registration or establishment number',
  },
  'representative.fullName': { vi: 'Họ và tên', en: 'Full name' },
});

/** Hints under the form's fields. */
export const FIELD_HINTS = /* @__PURE__ */ defineMessages({
  'space.wardCode': {
    vi: 'Gõ tên phường/xã, tên mới hoặc tên cũ trước 1/7/2025 (có thể không dấu), rồi chọn trong danh sách.',
    en: 'Type the ward’s name, new or as it was before 1 July 2025 (diacritics optional), and pick it from the list.',
  },
  'space.registrationNumber': {
    vi: 'Bắt buộc với công lập, doanh nghiệp và tổ chức nước ngoài.',
    en: 'Required for public institutions, companies and foreign organisations.',
  },
  'representative.fullName': {
    vi: 'Họ trước, tên sau, ví dụ: Nguyễn Thị Lan.',
    en: 'Family name first, e.g. Nguyễn Thị Lan.',
  },
  'space.socialLinks': { vi: 'Mỗi dòng một đường dẫn.', en: 'One link per line.' },
  'space.description': { vi: 'Ít nhất 50 ký tự.', en: '50 characters or more.' },
});

export const OWNERSHIP_LABELS = /* @__PURE__ */ defineMessages({
  public: { vi: 'Công lập', en: 'Public institution' },
  private_company: { vi: 'Doanh nghiệp tư nhân', en: 'Private company' },
  individual_group: { vi: 'Cá nhân, nhóm độc lập', en: 'Individual or independent group' },
  foreign_org: { vi: 'Tổ chức nước ngoài', en: 'Foreign organisation' },
  other: { vi: 'Khác', en: 'Other' },
});

export const SPACE_TYPE_LABELS = /* @__PURE__ */ defineMessages({
  gallery: { vi: 'Phòng trưng bày, triển lãm', en: 'Gallery' },
  craft_studio: { vi: 'Xưởng thủ công, mỹ nghệ', en: 'Craft studio' },
  music_venue: { vi: 'Không gian âm nhạc', en: 'Music venue' },
  heritage_museum: { vi: 'Di sản, bảo tàng', en: 'Heritage or museum space' },
  coworking_design: { vi: 'Không gian làm việc chung, studio thiết kế', en: 'Co-working or design studio' },
  performance: { vi: 'Không gian nghệ thuật trình diễn', en: 'Performing arts space' },
  multi: { vi: 'Tổ hợp nhiều loại hình', en: 'Multi-purpose complex' },
  other: { vi: 'Khác', en: 'Other' },
});

export const CREATIVE_FIELD_LABELS = /* @__PURE__ */ defineMessages({
  design: { vi: 'Thiết kế', en: 'Design' },
  visual_arts: { vi: 'Mỹ thuật', en: 'Visual arts' },
  architecture: { vi: 'Kiến trúc', en: 'Architecture' },
  music: { vi: 'Âm nhạc', en: 'Music' },
  performing_arts: { vi: 'Nghệ thuật trình diễn', en: 'Performing arts' },
  crafts_folk_art: { vi: 'Thủ công mỹ nghệ và nghệ thuật dân gian', en: 'Crafts and folk art' },
  film: { vi: 'Điện ảnh', en: 'Film' },
  photography: { vi: 'Nhiếp ảnh', en: 'Photography' },
  publishing: { vi: 'Xuất bản', en: 'Publishing' },
  media_arts: { vi: 'Nghệ thuật truyền thông', en: 'Media arts' },
  gastronomy: { vi: 'Ẩm thực', en: 'Gastronomy' },
  other: { vi: 'Khác', en: 'Other' },
});

/** The home page: the call, its checklist and the application form. */
export const HOME = /* @__PURE__ */ defineMessages({
  benefits: { vi: 'Quyền lợi của thành viên', en: 'Membership benefits' },
  deadline: { vi: 'Hạn nộp hồ sơ: ', en: 'Deadline: ' },
  ict: { vi: ' (giờ Hà Nội, UTC+7)', en: ' (Hanoi time, UTC+7)' },
  checklist: { vi: 'Tài liệu cần chuẩn bị', en: 'Documents to prepare' },
  required: { vi: 'bắt buộc', en: 'required' },
  optional: { vi: 'không bắt buộc', en: 'optional' },
  closedTitle: { vi: 'Đợt đăng ký đã đóng', en: 'The call is closed' },
  closed: {
    vi: 'Đợt đăng ký này không còn nhận hồ sơ. Bạn vẫn có thể tra cứu hồ sơ đã nộp.',
    en: 'This call no longer takes applications. Submitted dossiers can still be looked up.',
  },
  formTitle: { vi: 'Đăng ký tham gia Mạng lưới', en: 'Apply to join the network' },
  requiredNote: { vi: 'Các mục có dấu * là bắt buộc.', en: 'Fields marked * are required.' },
  spaceSection: { vi: 'Thông tin không gian', en: 'About the space' },
  repSection: { vi: 'Người đại diện', en: 'Representative' },
  docsSection: { vi: 'Tài liệu đính kèm', en: 'Documents' },
  consent: {
    vi: 'Tôi đồng ý để Trung tâm xử lý dữ liệu cá nhân trong hồ sơ này cho mục đích xét kết nạp thành viên.',
    en: 'I agree that the Centre processes the personal data in this application to consider the membership.',
  },
  needDraftFirst: {
    vi: 'Tệp được tải lên ngay khi chọn; hãy điền tên không gian và email trước.',
    en: 'Files upload as soon as you pick them; fill in the space name and email first.',
  },
  save: { vi: 'Lưu nháp', en: 'Save draft' },
  submit: { vi: 'Nộp hồ sơ', en: 'Submit' },
  done: { vi: 'Đã nộp hồ sơ thành công', en: 'Your application was submitted' },
  codeLabel: { vi: 'Mã hồ sơ của bạn', en: 'Your dossier code' },
  doneHint: {
    vi: 'Giấy tiếp nhận đã được gửi tới email của người đại diện. Hãy giữ mã hồ sơ để tra cứu.',
    en: 'A receipt was emailed to the representative. Keep the code to check the status.',
  },
  countdownLabel: { vi: 'Thời gian còn lại: ', en: 'Time left: ' },
  cta: { vi: 'Điền hồ sơ đăng ký', en: 'Fill in the application' },
  noCallTitle: { vi: 'Hiện chưa có đợt đăng ký nào đang mở', en: 'No call for applications is open now' },
  noCallBody: {
    vi: 'Mạng lưới Không gian Sáng tạo Hà Nội kết nạp thành viên theo từng đợt. Đợt tiếp theo sẽ được công bố tại đây.',
    en: 'The Hanoi Creative Space Network admits members in calls. The next call will be announced here.',
  },
});

/** What a checklist item takes, under its file picker. */
export const DOCUMENT_SLOT = /* @__PURE__ */ defineMessages({
  accepts: { vi: 'Chấp nhận', en: 'Accepted' },
  upTo: { vi: 'tối đa', en: 'up to' },
  files: { vi: 'tệp', en: 'files' },
});

/** The supplement page (bổ sung hồ sơ). */
export const SUPPLEMENT = /* @__PURE__ */ defineMessages({
  title: { vi: 'Bổ sung hồ sơ', en: 'Supplement your dossier' },
  intro: {
    vi: 'Cán bộ thẩm định đề nghị bạn bổ sung một số nội dung của hồ sơ. Bấm nút dưới đây để mở yêu cầu; bạn chỉ sửa được những nội dung được yêu cầu. Đường dẫn trong email mở lại được nhiều lần cho tới hạn bổ sung.',
    en: 'The reviewer asked you to supplement parts of your dossier. Press the button below to open the request; only the requested items can be changed. The emailed link opens again until the due date.',
  },
  open: { vi: 'Mở yêu cầu bổ sung', en: 'Open the supplement request' },
  requestTitle: { vi: 'Yêu cầu của cán bộ thẩm định', en: 'What the reviewer asked for' },
  code: { vi: 'Mã hồ sơ: ', en: 'Dossier code: ' },
  comment: { vi: 'Ý kiến: ', en: 'Comment: ' },
  due: { vi: 'Hạn bổ sung: ', en: 'Due by: ' },
  ict: { vi: ' (giờ Hà Nội)', en: ' (Hanoi time)' },
  items: { vi: 'Nội dung cần bổ sung:', en: 'Items to supplement:' },
  formTitle: { vi: 'Nội dung bổ sung', en: 'Your supplement' },
  send: { vi: 'Gửi bổ sung', en: 'Send the supplement' },
  done: { vi: 'Đã gửi bổ sung', en: 'Supplement sent' },
  doneHint: {
    vi: 'Hồ sơ đã được chuyển lại cho cán bộ thẩm định. Kết quả sẽ được gửi qua email của người đại diện.',
    en: 'The dossier is back with the reviewer. The outcome will be emailed to the representative.',
  },
});
