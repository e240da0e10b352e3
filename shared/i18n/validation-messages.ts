import { type core, locales } from 'zod';
import { ROUND_SETTING_MESSAGES } from '../domain/round-settings.ts';
import { TEXT_MESSAGES } from '../domain/text.ts';
import type { Lang, Text } from './lang.ts';

/** Messages our schemas name by key (`error: 'phone'`), in both languages. */
export const VALIDATION_MESSAGES: Record<string, Text> = {
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
  ...ROUND_SETTING_MESSAGES,
  ...TEXT_MESSAGES,
};

const viLocale = locales.vi().localeError;
const enLocale = locales.en().localeError;

/** One issue's message in the request's language: our keys first, then readable fallbacks, then zod's locale. */
export function issueMessage(issue: core.$ZodIssue, lang: Lang): string {
  const own = VALIDATION_MESSAGES[issue.message];
  if (own) return own[lang];
  const vi = lang === 'vi';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '')
        return VALIDATION_MESSAGES.required![lang];
      return vi ? 'Kiểu dữ liệu không đúng' : 'Wrong type of value';
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? VALIDATION_MESSAGES.required![lang]
          : vi
            ? `Cần ít nhất ${issue.minimum} ký tự`
            : `At least ${issue.minimum} characters`;
      if (issue.origin === 'array')
        return vi ? `Chọn ít nhất ${issue.minimum} mục` : `Choose at least ${issue.minimum}`;
      return vi ? `Phải từ ${issue.minimum} trở lên` : `Must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string')
        return vi ? `Tối đa ${issue.maximum} ký tự` : `At most ${issue.maximum} characters`;
      if (issue.origin === 'array')
        return vi ? `Chọn tối đa ${issue.maximum} mục` : `Choose at most ${issue.maximum}`;
      return vi ? `Không được lớn hơn ${issue.maximum}` : `Must be at most ${issue.maximum}`;
    case 'invalid_value':
      return VALIDATION_MESSAGES.choice![lang];
    case 'invalid_format':
      if (issue.format === 'email') return VALIDATION_MESSAGES.email![lang];
      if (issue.format === 'url') return VALIDATION_MESSAGES.url![lang];
      return vi ? 'Định dạng không hợp lệ' : 'Invalid format';
    case 'unrecognized_keys':
      return vi
        ? `Trường không được chấp nhận: ${issue.keys.join(', ')}`
        : `Unknown fields: ${issue.keys.join(', ')}`;
    default: {
      const res = (vi ? viLocale : enLocale)(issue as never);
      return typeof res === 'string' ? res : (res?.message ?? issue.message);
    }
  }
}
