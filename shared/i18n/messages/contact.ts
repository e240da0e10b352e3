import { defineMessages } from '../catalog.ts';

/** The Centre's contact in every page's footer (the values come from `CENTRE_CONTACT`, not from here). */
export const CONTACT = /* @__PURE__ */ defineMessages({
  address: { vi: 'Địa chỉ', en: 'Address' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Email', en: 'Email' },
});

/** The way back from a wrong turn: the page for an address no route knows, and the titles of error pages. */
export const WAY_BACK = /* @__PURE__ */ defineMessages({
  /** An unknown path, named (a mistyped or outdated link): the 404 page and the JSON 404 say which. */
  noSuchPage: {
    vi: (path: string) => `Không có trang nào ở địa chỉ ${path}. Có thể đường dẫn bị gõ sai hoặc đã cũ.`,
    en: (path: string) => `There is no page at ${path}. The link may be mistyped or out of date.`,
  },
  tryInstead: {
    vi: 'Bạn có thể về trang chủ, tra cứu hồ sơ, hoặc liên hệ Trung tâm (ở cuối trang).',
    en: 'You can go back to the home page, look up a dossier, or contact the Centre (at the foot of the page).',
  },
  /** Error pages' titles: what happened, by HTTP status. */
  badRequest: { vi: 'Thông tin chưa hợp lệ', en: 'Some information is not valid' },
  forbidden: { vi: 'Không có quyền truy cập', en: 'Access refused' },
  notFound: { vi: 'Không tìm thấy trang', en: 'Page not found' },
  conflict: { vi: 'Không thực hiện được lúc này', en: 'Could not be done now' },
  tooLarge: { vi: 'Nội dung quá lớn', en: 'Too large' },
  tooMany: { vi: 'Quá nhiều yêu cầu', en: 'Too many requests' },
  serverError: { vi: 'Lỗi hệ thống', en: 'Server error' },
});
