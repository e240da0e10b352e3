import { defineMessages } from '../catalog.ts';

/**
 * The applicant's refusals (drafts, uploads, submission, resume and supplement links). Use-cases do not know
 * the request's language, so they carry both (`textOf`) and the answer picks one; times come formatted.
 */
export const INTAKE_ERRORS = /* @__PURE__ */ defineMessages({
  closed: {
    vi: (deadline: string) =>
      `Đợt đăng ký đã đóng lúc ${deadline} (giờ Hà Nội); hồ sơ không thể thay đổi hay nộp thêm. Bạn vẫn có thể tra cứu hồ sơ đã nộp.`,
    en: (deadline: string) =>
      `The call closed at ${deadline} (Hanoi time); applications can no longer be changed or submitted. Submitted dossiers can still be looked up.`,
  },
  callNotFound: { vi: 'Không tìm thấy đợt đăng ký.', en: 'Call not found.' },
  draftExists: {
    vi: 'Không gian này đã có một hồ sơ nháp trong đợt. Chúng tôi vừa gửi lại đường dẫn tiếp tục hồ sơ đó tới email của người đại diện.',
    en: 'This space already has a draft in this call. We have just emailed its continue link to the representative again.',
  },
  alreadyApplied: {
    vi: (code: string, lookupUrl: string) =>
      `Không gian này đã nộp hồ sơ trong đợt (mã hồ sơ ${code}). Mỗi không gian chỉ nộp một hồ sơ; hãy tra cứu hồ sơ đó tại ${lookupUrl}.`,
    en: (code: string, lookupUrl: string) =>
      `This space has already applied in this call (dossier ${code}). One dossier per space; look it up at ${lookupUrl}?lang=en.`,
  },
  cannotOpen: {
    vi: 'Không mở được hồ sơ này. Hãy dùng đường dẫn tiếp tục trong email của bạn.',
    en: 'This dossier cannot be opened. Use the continue link from your email.',
  },
  notRequested: {
    vi: 'Mục tài liệu này không nằm trong yêu cầu bổ sung.',
    en: 'This document item is not part of the supplement request.',
  },
  alreadySubmitted: {
    vi: (code: string) => `Hồ sơ ${code} đã nộp, không thể sửa.`,
    en: (code: string) => `Dossier ${code} is already submitted and cannot be changed.`,
  },
  notReady: {
    vi: 'Hồ sơ chưa đủ điều kiện nộp, vui lòng xem các mục được nêu.',
    en: 'The dossier cannot be submitted yet; see the items listed.',
  },
  fileNotFound: { vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  dossierNotFound: { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  supplementLinkUsed: {
    vi: (at: string) =>
      `Đường dẫn này đã được dùng lúc ${at}. Hồ sơ vẫn đang chờ bổ sung: bấm “Gửi lại đường dẫn mới” để nhận đường dẫn mới qua email.`,
    en: (at: string) =>
      `This link was already used at ${at}. The dossier is still waiting for its supplement: press “Email me a new link” to get a new one.`,
  },
  supplementLinkExpired: {
    vi: (at: string) =>
      `Đường dẫn này đã hết hạn lúc ${at}. Bấm “Gửi lại đường dẫn mới” để nhận đường dẫn mới qua email nếu hồ sơ còn chờ bổ sung.`,
    en: (at: string) =>
      `This link expired at ${at}. Press “Email me a new link” to get a new one if the dossier is still waiting for its supplement.`,
  },
  supplementLinkEarlier: {
    vi: 'Đường dẫn này thuộc một yêu cầu bổ sung trước. Hồ sơ đang có yêu cầu bổ sung mới: bấm “Gửi lại đường dẫn mới” để nhận đường dẫn của yêu cầu này qua email.',
    en: 'This link belongs to an earlier supplement request. The dossier has a new one: press “Email me a new link” to get its link by email.',
  },
  supplementLinkInvalid: {
    vi: 'Đường dẫn bổ sung không hợp lệ hoặc đã hết hạn.',
    en: 'This supplement link is not valid or has expired.',
  },
  supplementClosed: {
    vi: 'Yêu cầu bổ sung này đã được trả lời hoặc đã đóng.',
    en: 'This supplement request was already answered or is closed.',
  },
  resumeLinkInvalid: {
    vi: 'Đường dẫn không hợp lệ hoặc đã hết hạn.',
    en: 'This link is not valid or has expired.',
  },
  resumeLinkUsed: {
    vi: (at: string) => `Đường dẫn này đã được dùng lúc ${at}. Hãy yêu cầu đường dẫn mới.`,
    en: (at: string) => `This link was already used at ${at}. Ask for a new one.`,
  },
  supplementOverdue: {
    vi: (dueAt: string) => `Hạn bổ sung hồ sơ đã hết lúc ${dueAt} (giờ Hà Nội).`,
    en: (dueAt: string) => `The supplement was due by ${dueAt} (Hanoi time).`,
  },
  supplementPending: {
    vi: 'Phần bổ sung đã được lưu nhưng chưa chuyển được tới cán bộ thẩm định do lỗi tạm thời. Vui lòng bấm gửi lại sau ít phút (hệ thống cũng tự chuyển lại trong vòng 15 phút).',
    en: 'Your supplement is saved but could not be passed to the reviewers because of a temporary error. Please send it again in a few minutes (the system also retries within 15 minutes).',
  },
  changedElsewhere: {
    vi: 'Hồ sơ vừa được thay đổi ở nơi khác; hãy tải lại trang.',
    en: 'The dossier was just changed elsewhere; reload the page.',
  },
});

/** The answer to a request for a fresh resume link: the same whether or not one was sent. */
export const RESUME_RESENT = /* @__PURE__ */ defineMessages({
  message: {
    vi: 'Nếu hồ sơ còn là bản nháp, đường dẫn mới đã được gửi tới email.',
    en: 'If the draft is still open, a new link was emailed.',
  },
});

/** Asking for a new supplement link (the supplement page and `/status`): the button and the answer. */
export const SUPPLEMENT_RESEND = /* @__PURE__ */ defineMessages({
  button: { vi: 'Gửi lại đường dẫn mới', en: 'Email me a new link' },
  sent: {
    vi: 'Nếu hồ sơ còn đang chờ bổ sung, đường dẫn mới đã được gửi tới email người đại diện. Đường dẫn dùng được nhiều lần cho tới hạn bổ sung.',
    en: "If the dossier is still waiting for its supplement, a new link was emailed to the representative. It can be opened again and again until the supplement's due date.",
  },
});

/** What the submit check says of one uploaded document (by its file name), in the request's language. */
export const DOCUMENT_PROBLEMS = /* @__PURE__ */ defineMessages({
  slotGone: {
    vi: (name: string) => `“${name}”: mục không còn trong danh sách`,
    en: (name: string) => `“${name}”: item no longer exists`,
  },
  notUploaded: {
    vi: (name: string) => `“${name}” chưa được tải lên xong; hãy tải lại`,
    en: (name: string) => `“${name}” was not uploaded; upload it again`,
  },
  empty: {
    vi: (name: string) => `“${name}” là tệp rỗng (0 byte); hãy xoá và tải lên tệp có nội dung`,
    en: (name: string) => `“${name}” is empty (0 bytes); remove it and upload a file with content`,
  },
  badSize: {
    vi: (name: string) => `“${name}” có dung lượng không hợp lệ`,
    en: (name: string) => `“${name}” has a size outside the limit`,
  },
  unreadable: {
    vi: (name: string) => `“${name}” không đọc được; hãy xoá và tải lên lại`,
    en: (name: string) => `“${name}” could not be read; remove it and upload it again`,
  },
  wrongContent: {
    vi: (name: string, type: string) =>
      `“${name}” không phải là tệp ${type} hợp lệ (nội dung không khớp loại tệp)`,
    en: (name: string, type: string) =>
      `“${name}” is not a valid ${type} file (its content does not match its type)`,
  },
});

/** What an upload request is refused for, before any byte is sent. */
export const UPLOAD_PROBLEMS = /* @__PURE__ */ defineMessages({
  slot: { vi: 'Mục tài liệu không có trong danh sách của đợt', en: 'Not a document item of this call' },
  typeNotAccepted: {
    vi: (name: string, slot: string, types: string) =>
      `“${name}”: loại tệp không được chấp nhận cho mục “${slot}” (chấp nhận: ${types})`,
    en: (name: string, slot: string, types: string) =>
      `“${name}”: this file type is not accepted for “${slot}” (accepted: ${types})`,
  },
  tooLarge: {
    vi: (name: string, mb: string, maxMb: number) => `“${name}” quá lớn (${mb} MB); tối đa ${maxMb} MB`,
    en: (name: string, mb: string, maxMb: number) => `“${name}” is too large (${mb} MB); at most ${maxMb} MB`,
  },
  empty: {
    vi: (name: string) => `“${name}” là tệp rỗng (0 byte); hãy chọn tệp có nội dung`,
    en: (name: string) => `“${name}” is empty (0 bytes); choose a file with content`,
  },
  slotFull: {
    vi: (max: number) => `Đã đủ ${max} tệp cho mục này; hãy xoá bớt trước khi tải tệp mới`,
    en: (max: number) => `This item already has ${max} files; remove one first`,
  },
});
