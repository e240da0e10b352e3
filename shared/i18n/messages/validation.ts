import { defineMessages } from '../catalog.ts';

/** Messages our schemas name by key (`error: 'phone'`): the application's checks. */
export const VALIDATION = /* @__PURE__ */ defineMessages({
  required: { vi: 'Bắt buộc nhập', en: 'Required' },
  phone: {
    vi: 'Số điện thoại Việt Nam không hợp lệ (ví dụ 0912 345 678 hoặc +84 912 345 678)',
    en: 'Not a valid Vietnamese phone number (e.g. 0912 345 678 or +84 912 345 678)',
  },
  email: { vi: 'Địa chỉ email không hợp lệ', en: 'Not a valid email address' },
  url: {
    vi: 'Đường dẫn không hợp lệ (cần bắt đầu bằng https://)',
    en: 'Not a valid link (must start with https://)',
  },
  ward: {
    vi: 'Phường/xã không thuộc danh sách 126 phường, xã của Hà Nội',
    en: 'Not one of Hanoi’s 126 wards and communes',
  },
  consent: {
    vi: 'Cần đồng ý để chúng tôi xử lý dữ liệu của hồ sơ',
    en: 'Consent is needed to process the dossier',
  },
  registrationRequired: {
    vi: 'Cần số đăng ký kinh doanh / quyết định thành lập với loại hình sở hữu này',
    en: 'A business or establishment registration number is required for this ownership',
  },
  year: { vi: 'Năm thành lập không hợp lệ', en: 'Not a valid founding year' },
  fileType: { vi: 'Loại tệp không được chấp nhận cho mục này', en: 'This file type is not accepted here' },
  fileSize: { vi: 'Tệp quá lớn so với giới hạn của mục này', en: 'The file is larger than this item allows' },
  slot: { vi: 'Mục tài liệu không có trong danh sách của đợt', en: 'Not a document item of this round' },
  choice: { vi: 'Giá trị không nằm trong danh sách cho phép', en: 'Not one of the allowed values' },
  fullName: {
    vi: 'Họ và tên cần có ít nhất hai từ (họ trước, tên sau)',
    en: 'Full name needs at least two words (family name first)',
  },
});

/** The one text rule's refusals (shared/domain/text.ts), by the key its zod issue carries. */
export const TEXT_PROBLEMS = /* @__PURE__ */ defineMessages({
  controlChar: {
    vi: 'Có ký tự điều khiển không hiển thị (ví dụ ký tự NUL); hãy gõ lại nội dung này',
    en: 'Contains an invisible control character (such as NUL); type this value again',
  },
  bidiControl: {
    vi: 'Có ký tự đảo chiều văn bản (U+202A–202E, U+2066–2069), có thể làm nội dung hiển thị sai lệch; hãy xoá chúng',
    en: 'Contains a text-direction override (U+202A–202E, U+2066–2069), which can disguise what is shown; remove it',
  },
});

/** Readable messages for zod's own issues, where no check of ours named one. */
export const ISSUES = /* @__PURE__ */ defineMessages({
  wrongType: { vi: 'Kiểu dữ liệu không đúng', en: 'Wrong type of value' },
  minChars: { vi: (n: unknown) => `Cần ít nhất ${n} ký tự`, en: (n: unknown) => `At least ${n} characters` },
  minItems: { vi: (n: unknown) => `Chọn ít nhất ${n} mục`, en: (n: unknown) => `Choose at least ${n}` },
  minValue: { vi: (n: unknown) => `Phải từ ${n} trở lên`, en: (n: unknown) => `Must be at least ${n}` },
  maxChars: { vi: (n: unknown) => `Tối đa ${n} ký tự`, en: (n: unknown) => `At most ${n} characters` },
  maxItems: { vi: (n: unknown) => `Chọn tối đa ${n} mục`, en: (n: unknown) => `Choose at most ${n}` },
  maxValue: { vi: (n: unknown) => `Không được lớn hơn ${n}`, en: (n: unknown) => `Must be at most ${n}` },
  format: { vi: 'Định dạng không hợp lệ', en: 'Invalid format' },
  unknownFields: {
    vi: (keys: string) => `Trường không được chấp nhận: ${keys}`,
    en: (keys: string) => `Unknown fields: ${keys}`,
  },
  invalid: {
    vi: 'Thông tin chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
    en: 'Some fields are not valid.',
  },
});

/**
 * What to do about an application field left empty, naming the field: the page (before sending) and the
 * server (its 400) say the same words. Fields that may stay empty have none.
 */
export const FIELD_MISSING = /* @__PURE__ */ defineMessages({
  'space.nameVi': {
    vi: 'Vui lòng nhập tên không gian (tiếng Việt)',
    en: 'Enter the space’s name in Vietnamese',
  },
  'space.ownership': { vi: 'Vui lòng chọn hình thức sở hữu', en: 'Choose the ownership' },
  'space.spaceType': { vi: 'Vui lòng chọn loại hình không gian', en: 'Choose the type of space' },
  'space.creativeFields': {
    vi: 'Vui lòng chọn ít nhất một lĩnh vực sáng tạo',
    en: 'Choose at least one creative field',
  },
  'space.street': { vi: 'Vui lòng nhập số nhà, đường phố', en: 'Enter the street address' },
  'space.wardCode': {
    vi: 'Vui lòng chọn phường/xã trong danh sách gợi ý',
    en: 'Choose the ward or commune from the list',
  },
  'space.foundedYear': {
    vi: 'Vui lòng nhập năm thành lập, ví dụ 2015',
    en: 'Enter the year founded, e.g. 2015',
  },
  'space.floorAreaM2': {
    vi: 'Vui lòng nhập diện tích sàn (m²), ví dụ 120',
    en: 'Enter the floor area in m², e.g. 120',
  },
  'space.description': {
    vi: 'Vui lòng mô tả hoạt động của không gian (ít nhất 50 ký tự)',
    en: 'Describe the space’s activities (50 characters or more)',
  },
  'space.registrationNumber': {
    vi: 'Vui lòng nhập số đăng ký kinh doanh / quyết định thành lập (bắt buộc với hình thức sở hữu đã chọn)',
    en: 'Enter the business registration or establishment number (required for the chosen ownership)',
  },
  'representative.fullName': {
    vi: 'Vui lòng nhập họ và tên người đại diện',
    en: 'Enter the representative’s full name',
  },
  'representative.position': {
    vi: 'Vui lòng nhập chức vụ của người đại diện',
    en: 'Enter the representative’s position',
  },
  'representative.email': {
    vi: 'Vui lòng nhập email của người đại diện',
    en: 'Enter the representative’s email',
  },
  'representative.phone': {
    vi: 'Vui lòng nhập số điện thoại của người đại diện',
    en: 'Enter the representative’s phone number',
  },
  consent: {
    vi: 'Vui lòng đánh dấu ô đồng ý xử lý dữ liệu để nộp hồ sơ',
    en: 'Tick the consent box to submit the application',
  },
});

/** What to do about an application field filled in wrongly, naming the field (page and server alike). */
export const FIELD_INVALID = /* @__PURE__ */ defineMessages({
  'space.nameVi': {
    vi: 'Tên không gian (tiếng Việt): nhập từ 2 đến 200 ký tự',
    en: 'Space name (Vietnamese): 2 to 200 characters',
  },
  'space.nameEn': {
    vi: 'Tên không gian (tiếng Anh): nhập tối đa 200 ký tự',
    en: 'Space name (English): at most 200 characters',
  },
  'space.ownership': {
    vi: 'Vui lòng chọn hình thức sở hữu trong danh sách',
    en: 'Choose the ownership from the list',
  },
  'space.spaceType': {
    vi: 'Vui lòng chọn loại hình không gian trong danh sách',
    en: 'Choose the type of space from the list',
  },
  'space.creativeFields': {
    vi: 'Lĩnh vực sáng tạo: chọn ít nhất một mục trong danh sách',
    en: 'Creative fields: choose at least one from the list',
  },
  'space.street': {
    vi: 'Số nhà, đường phố: nhập từ 3 đến 200 ký tự, ví dụ 12 Phố Văn Miếu',
    en: 'Street address: 3 to 200 characters, e.g. 12 Phố Văn Miếu',
  },
  'space.wardCode': {
    vi: 'Phường/xã: gõ tên rồi chọn một trong 126 phường, xã của Hà Nội trong danh sách gợi ý',
    en: 'Ward or commune: type its name and pick one of Hanoi’s 126 wards and communes from the list',
  },
  'space.foundedYear': {
    vi: 'Năm thành lập: nhập năm có 4 chữ số, ví dụ 2015',
    en: 'Year founded: enter a 4-digit year, e.g. 2015',
  },
  'space.floorAreaM2': {
    vi: 'Diện tích sàn: nhập một số lớn hơn 0 (m²), ví dụ 120',
    en: 'Floor area: enter a number above 0 (m²), e.g. 120',
  },
  'space.website': {
    vi: 'Trang web: nhập đường dẫn bắt đầu bằng https://, ví dụ https://example.vn',
    en: 'Website: enter a link starting with https://, e.g. https://example.vn',
  },
  'space.socialLinks': {
    vi: 'Mạng xã hội: tối đa 5 đường dẫn, mỗi dòng một đường dẫn bắt đầu bằng https://',
    en: 'Social links: at most 5, one link per line, each starting with https://',
  },
  'space.description': {
    vi: 'Mô tả hoạt động: viết từ 50 đến 5000 ký tự',
    en: 'Description of activities: 50 to 5000 characters',
  },
  'space.registrationNumber': {
    vi: 'Số đăng ký kinh doanh / quyết định thành lập: nhập tối đa 50 ký tự',
    en: 'Registration number: at most 50 characters',
  },
  'representative.fullName': {
    vi: 'Họ và tên: nhập ít nhất hai từ, họ trước tên sau, ví dụ Nguyễn Thị Lan',
    en: 'Full name: at least two words, family name first, e.g. Nguyễn Thị Lan',
  },
  'representative.position': {
    vi: 'Chức vụ: nhập từ 2 đến 120 ký tự, ví dụ Giám đốc',
    en: 'Position: 2 to 120 characters, e.g. Director',
  },
  'representative.email': {
    vi: 'Email: nhập địa chỉ email đầy đủ, ví dụ lan@example.vn',
    en: 'Email: enter a full email address, e.g. lan@example.vn',
  },
  'representative.phone': {
    vi: 'Số điện thoại: nhập số Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678',
    en: 'Phone number: enter a Vietnamese number, e.g. 0912 345 678 or +84 912 345 678',
  },
  consent: {
    vi: 'Vui lòng đánh dấu ô đồng ý xử lý dữ liệu để nộp hồ sơ',
    en: 'Tick the consent box to submit the application',
  },
});
