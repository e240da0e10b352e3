import { defineMessages } from '../catalog.ts';

/** Refusals of the staff's sign-in and sessions; times come formatted (Hanoi). */
export const SESSION_ERRORS = /* @__PURE__ */ defineMessages({
  signInRequired: {
    vi: 'Hãy đăng nhập để xem trang điều phối.',
    en: 'Sign in to see the coordinator dashboard.',
  },
  coordinatorsOnly: {
    vi: 'Trang này chỉ dành cho người điều phối.',
    en: 'This page is for coordinators only.',
  },
  linkUsed: {
    vi: (at: string) => `Đường dẫn đăng nhập này đã được dùng lúc ${at}. Hãy yêu cầu đường dẫn mới.`,
    en: (at: string) => `This sign-in link was already used at ${at}. Ask for a new one.`,
  },
  linkInvalid: {
    vi: 'Đường dẫn đăng nhập không hợp lệ hoặc đã hết hạn (mỗi đường dẫn dùng được 15 phút). Hãy yêu cầu đường dẫn mới.',
    en: 'This sign-in link is not valid or has expired (each link lasts 15 minutes). Ask for a new one.',
  },
});
