import { defineMessages } from '../catalog.ts';

/** Messages our schemas name by key (`error: 'phone'`): the application's checks. */
export const VALIDATION = defineMessages({
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
export const TEXT_PROBLEMS = defineMessages({
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
export const ISSUES = defineMessages({
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
