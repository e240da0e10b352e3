import { defineMessages } from '../catalog.ts';

/** The Director's batch sign-off page (phê duyệt), behind the daily digest's link. */
export const SIGN_OFF_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Phê duyệt hồ sơ', en: 'Sign off dossiers' },
  heading: { vi: 'Hồ sơ chờ Giám đốc phê duyệt', en: "Dossiers awaiting the Director's sign-off" },
  lead: {
    vi: (count: number) =>
      `${count} hồ sơ đã được thẩm định và đề nghị công nhận. Đánh dấu những hồ sơ bạn phê duyệt; hồ sơ cần thẩm định lại thì chọn "Trả lại" và ghi ý kiến.`,
    en: (count: number) =>
      `${count} dossier(s) were reviewed and recommended for approval. Tick those you sign off; to have one reviewed again, choose "Send back" and write why.`,
  },
  none: {
    vi: 'Không còn hồ sơ nào trong danh sách này chờ phê duyệt.',
    en: 'No dossier of this list is waiting for sign-off any more.',
  },
  space: { vi: 'Không gian', en: 'Space' },
  ward: { vi: 'Phường/xã', en: 'Ward' },
  representative: { vi: 'Người đại diện', en: 'Representative' },
  submitted: { vi: 'Nộp lúc', en: 'Submitted' },
  recommendedBy: { vi: 'Đề nghị bởi', en: 'Recommended by' },
  since: { vi: 'Chờ phê duyệt từ', en: 'Waiting since' },
  comment: { vi: 'Ý kiến', en: 'Comment' },
  noComment: { vi: '(không có ý kiến)', en: '(no comment)' },
  opinions: { vi: 'Ý kiến thẩm định', en: "Reviewers' opinions" },
  allFields: { vi: 'Toàn bộ thông tin hồ sơ', en: 'Every field of the dossier' },
  approve: {
    vi: (code: string) => `Phê duyệt hồ sơ ${code}`,
    en: (code: string) => `Sign off dossier ${code}`,
  },
  sendBack: {
    vi: (code: string) => `Trả lại hồ sơ ${code} để thẩm định lại`,
    en: (code: string) => `Send dossier ${code} back to review`,
  },
  sendBackComment: {
    vi: 'Ý kiến khi trả lại (bắt buộc, chuyên viên thẩm định sẽ đọc)',
    en: 'Why it goes back (required; the reviewers will read it)',
  },
  submit: { vi: 'Xem lại trước khi gửi', en: 'Review before sending' },
  submitHint: {
    vi: 'Bạn sẽ được xem lại các quyết định trước khi chúng được gửi đi.',
    en: 'You will see your decisions again before they are sent.',
  },
  notWaiting: {
    vi: (status: string) => `Không còn chờ phê duyệt (tình trạng: ${status}).`,
    en: (status: string) => `No longer awaiting sign-off (status: ${status}).`,
  },
  missing: { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' },
  problems: {
    vi: (count: number) => `Chưa gửi được: còn ${count} mục cần sửa.`,
    en: (count: number) => `Not sent: ${count} item(s) to fix.`,
  },
  used: {
    vi: (at: string, by: string) =>
      `Đường dẫn này đã được dùng lúc ${at} bởi ${by}. Hồ sơ còn chờ sẽ có trong email tổng hợp ngày mai.`,
    en: (at: string, by: string) =>
      `This link was used at ${at} by ${by}. Dossiers still waiting will be in tomorrow's digest.`,
  },
});

/** The confirmation step: what the POST is about to do, restated. */
export const SIGN_OFF_CONFIRM = /* @__PURE__ */ defineMessages({
  title: { vi: 'Xác nhận phê duyệt', en: 'Confirm the sign-off' },
  approveLead: {
    vi: (count: number, codes: string) => `Bạn sắp phê duyệt ${count} hồ sơ: ${codes}.`,
    en: (count: number, codes: string) => `You are about to sign off ${count} dossier(s): ${codes}.`,
  },
  approveEffect: {
    vi: 'Giấy chứng nhận sẽ được cấp và gửi cho từng không gian.',
    en: 'Each space will be issued its certificate and emailed.',
  },
  sendBackLead: {
    vi: (count: number, codes: string) => `Bạn sắp trả lại ${count} hồ sơ để thẩm định lại: ${codes}.`,
    en: (count: number, codes: string) =>
      `You are about to send ${count} dossier(s) back to review: ${codes}.`,
  },
  final: {
    vi: 'Sau khi xác nhận, các quyết định được gửi đi và không thể thay đổi. Đường dẫn này chỉ dùng được một lần.',
    en: 'Once confirmed, the decisions are sent and cannot be changed. This link works once.',
  },
  confirm: { vi: 'Xác nhận và gửi', en: 'Confirm and send' },
  back: { vi: 'Quay lại sửa', en: 'Go back and edit' },
});

/** What became of each dossier of a confirmed sign-off. */
export const SIGN_OFF_RESULTS = /* @__PURE__ */ defineMessages({
  title: { vi: 'Kết quả phê duyệt', en: 'Sign-off results' },
  approved: {
    vi: 'Đã phê duyệt; giấy chứng nhận đang được cấp.',
    en: 'Signed off; the certificate is being issued.',
  },
  sentBack: { vi: 'Đã trả lại để thẩm định lại.', en: 'Sent back to review.' },
  already: {
    vi: (outcome: string, by: string, at: string) =>
      `Đã được quyết định trước đó (${outcome}) bởi ${by} lúc ${at}.`,
    en: (outcome: string, by: string, at: string) => `Already decided (${outcome}) by ${by} at ${at}.`,
  },
  pending: {
    vi: 'Đã ghi nhận quyết định; hệ thống sẽ tự hoàn tất việc chuyển tiếp trong ít phút.',
    en: 'Decision recorded; the system will finish passing it on within minutes.',
  },
});

/** The Director's decisions, as the results and the "already decided" notice name them. */
export const SIGN_OFF_OUTCOMES = /* @__PURE__ */ defineMessages({
  approved: { vi: 'phê duyệt', en: 'signed off' },
  sentBack: { vi: 'trả lại thẩm định', en: 'sent back' },
});

/** The sign-off form's fields, as a 400 names them. */
export const SIGN_OFF_FIELDS = /* @__PURE__ */ defineMessages({
  approve: { vi: 'Hồ sơ phê duyệt', en: 'Dossiers to sign off' },
  sendBack: { vi: 'Hồ sơ trả lại', en: 'Dossiers sent back' },
  comment: {
    vi: (code: string) => `Ý kiến trả lại hồ sơ ${code}`,
    en: (code: string) => `Why dossier ${code} goes back`,
  },
});

export const SIGN_OFF_ISSUES = /* @__PURE__ */ defineMessages({
  chooseOne: {
    vi: 'Hãy đánh dấu ít nhất một hồ sơ để phê duyệt hoặc trả lại.',
    en: 'Tick at least one dossier to sign off or send back.',
  },
  both: {
    vi: 'Một hồ sơ không thể vừa được phê duyệt vừa bị trả lại.',
    en: 'A dossier cannot be both signed off and sent back.',
  },
  commentRequired: {
    vi: 'Hãy ghi ý kiến để chuyên viên biết cần thẩm định lại điều gì.',
    en: 'Write a comment so the reviewers know what to look at again.',
  },
  notListed: {
    vi: 'Hồ sơ này không có trong danh sách của đường dẫn.',
    en: 'This dossier is not in the list of this link.',
  },
});

export const SIGN_OFF_ERRORS = /* @__PURE__ */ defineMessages({
  invalidLink: {
    vi: 'Đường dẫn phê duyệt không hợp lệ hoặc đã hết hạn.',
    en: 'This sign-off link is not valid or has expired.',
  },
  notDirector: {
    vi: 'Bạn không còn giữ vai trò Giám đốc nên không thể phê duyệt hồ sơ.',
    en: 'You no longer hold the Director role and cannot sign off dossiers.',
  },
  used: {
    vi: (at: string, by: string) => `Đường dẫn này đã được dùng lúc ${at} bởi ${by}.`,
    en: (at: string, by: string) => `This link was already used at ${at} by ${by}.`,
  },
});
