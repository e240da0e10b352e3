import { defineMessages } from '../catalog.ts';

/** Refusals of the HTTP layer itself, before or around any use-case (every function answers them). */
export const HTTP_ERRORS = /* @__PURE__ */ defineMessages({
  pageNotFound: { vi: 'Không tìm thấy trang.', en: 'Page not found.' },
  serverError: {
    vi: (requestId: string) => `Hệ thống đang gặp sự cố. Vui lòng thử lại sau (mã yêu cầu ${requestId}).`,
    en: (requestId: string) =>
      `Something went wrong on our side. Please try again later (request id ${requestId}).`,
  },
  tooLarge: {
    vi: (kb: number) => `Nội dung gửi lên quá lớn (tối đa ${kb} KB).`,
    en: (kb: number) => `The request body is too large (at most ${kb} KB).`,
  },
  notJson: { vi: 'Cần gửi dữ liệu dạng JSON.', en: 'Send the data as JSON.' },
  crossOrigin: {
    vi: (from: string) =>
      `Yêu cầu bị từ chối: nó được gửi từ một trang khác (${from}), không phải từ trang của Mạng lưới. Hãy mở lại trang của Mạng lưới và thử lại.`,
    en: (from: string) =>
      `Request refused: it was sent from another site (${from}), not from the Network's own pages. Open the Network's page again and retry.`,
  },
  csrfMissing: {
    vi: 'Yêu cầu bị từ chối: thiếu mã bảo vệ của biểu mẫu. Hãy tải lại trang rồi thử lại.',
    en: 'Request refused: the form’s security token is missing. Reload the page and try again.',
  },
  csrfMismatch: {
    vi: 'Yêu cầu bị từ chối: mã bảo vệ của biểu mẫu không đúng với phiên đăng nhập (có thể bạn đã đăng nhập lại). Hãy tải lại trang rồi thử lại.',
    en: 'Request refused: the form’s security token does not match your session (you may have signed in again). Reload the page and try again.',
  },
  rateLimited: {
    vi: (when: string) => `Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ${when} (giờ Hà Nội).`,
    en: (when: string) => `Too many requests. Please try again after ${when} (Hanoi time).`,
  },
});

/** A body that is not JSON at all, named as a 400 names a field. */
export const BODY_ISSUE = /* @__PURE__ */ defineMessages({
  field: { vi: 'Nội dung', en: 'Body' },
  notJson: { vi: 'Không đọc được JSON', en: 'Not valid JSON' },
});
