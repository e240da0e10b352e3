import { defineMessages } from '../catalog.ts';

/** Refusals of the ceremony's RSVP link and check-in pass; times come formatted (Hanoi). */
export const CEREMONY_ERRORS = /* @__PURE__ */ defineMessages({
  revoked: {
    vi: 'Giấy chứng nhận thành viên của không gian này đã bị thu hồi, nên lời mời dự lễ và thẻ check-in không còn hiệu lực.',
    en: "This space's membership certificate was revoked, so the ceremony invitation and check-in pass no longer hold.",
  },
  passVoid: {
    vi: (at: string) =>
      `Thẻ check-in đã bị huỷ: giấy chứng nhận thành viên đã bị thu hồi lúc ${at}. Không check-in bằng thẻ này.`,
    en: (at: string) =>
      `This check-in pass is void: the membership certificate was revoked at ${at} (Hanoi time). Do not admit with it.`,
  },
  rsvpLinkInvalid: {
    vi: 'Đường dẫn xác nhận tham dự không đúng hoặc đã hết hạn.',
    en: 'This RSVP link is not valid or has expired.',
  },
  noSuchPass: { vi: 'Không tìm thấy thẻ check-in.', en: 'No such check-in pass.' },
  answersClosed: {
    vi: (cutoff: string) =>
      `Đã hết hạn xác nhận tham dự (${cutoff}). Vui lòng liên hệ Ban tổ chức nếu cần thay đổi.`,
    en: (cutoff: string) =>
      `Answers closed at ${cutoff} (Hanoi time). Please contact the organisers to change yours.`,
  },
});

/**
 * The calendar invitation's title. A calendar event has one title whatever its reader's language, so it
 * says both: `<round name> – <vi> / <en>`.
 */
export const CEREMONY_CALENDAR = /* @__PURE__ */ defineMessages({
  event: { vi: 'Lễ trao giấy chứng nhận', en: 'Membership ceremony' },
});

/** What the RSVP form's check says (its fields named by RSVP_PAGE). */
export const RSVP_ISSUES = /* @__PURE__ */ defineMessages({
  tooManyGuests: { vi: (max: number) => `Tối đa ${max} khách`, en: (max: number) => `At most ${max} guests` },
});
