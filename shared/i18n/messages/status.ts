import { defineMessages } from '../catalog.ts';

/** The public lookup page (tra cứu hồ sơ): the form, the dossier's status and history, its certificate. */
export const STATUS_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Tra cứu hồ sơ', en: 'Check a dossier' },
  intro: {
    vi: 'Nhập mã hồ sơ (trong giấy tiếp nhận gửi qua email) và email của người đại diện.',
    en: 'Enter the dossier code (from the receipt email) and the representative’s email.',
  },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  email: { vi: 'Email người đại diện', en: 'Representative’s email' },
  submit: { vi: 'Tra cứu', en: 'Look up' },
  status: { vi: 'Tình trạng', en: 'Status' },
  history: { vi: 'Lịch sử hồ sơ', en: 'History' },
  space: { vi: 'Không gian', en: 'Space' },
  submittedAt: { vi: 'Ngày nộp', en: 'Submitted' },
  certificate: { vi: 'Giấy chứng nhận thành viên', en: 'Membership certificate' },
  number: { vi: 'Số', en: 'Number' },
  download: { vi: 'Tải giấy chứng nhận (PDF)', en: 'Download the certificate (PDF)' },
  downloadNote: {
    vi: 'Đường dẫn tải có hiệu lực 24 giờ; tra cứu lại để có đường dẫn mới.',
    en: 'The download link works for 24 hours; look up again for a new one.',
  },
  verify: { vi: 'Trang xác minh công khai', en: 'Public verification page' },
  revoked: { vi: 'Giấy chứng nhận đã bị thu hồi.', en: 'The certificate has been revoked.' },
  supplementTitle: { vi: 'Hồ sơ đang chờ bổ sung', en: 'Your dossier needs a supplement' },
  supplementDue: { vi: 'Hạn bổ sung', en: 'Due by' },
  supplementComment: { vi: 'Nội dung yêu cầu', en: 'What was asked' },
  supplementHint: {
    vi: 'Mở đường dẫn trong email yêu cầu bổ sung (dùng được nhiều lần tới hạn bổ sung). Không tìm thấy email? Bấm nút dưới đây để nhận đường dẫn mới tại email người đại diện.',
    en: 'Open the link in the supplement request email (it works again and again until the due date). Cannot find the email? Press the button below to get a new link at the representative’s email.',
  },
});

/** The ceremony RSVP page; its form's fields as a 400 names them. */
export const RSVP_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Xác nhận tham dự lễ trao giấy chứng nhận', en: 'Ceremony RSVP' },
  when: { vi: 'Thời gian', en: 'When' },
  where: { vi: 'Địa điểm', en: 'Where' },
  hanoiTime: { vi: '(giờ Hà Nội)', en: '(Hanoi time)' },
  programme: { vi: 'Chương trình', en: 'Programme' },
  attend: { vi: 'Tôi sẽ tham dự', en: 'I will attend' },
  decline: { vi: 'Tôi không tham dự được', en: 'I cannot attend' },
  guest: { vi: 'Khách đi cùng (họ và tên)', en: 'Accompanying guest (full name)' },
  access: {
    vi: 'Nhu cầu hỗ trợ tiếp cận (xe lăn, phiên dịch…)',
    en: 'Accessibility needs (wheelchair, interpreter…)',
  },
  send: { vi: 'Gửi xác nhận', en: 'Send my answer' },
  saved: { vi: 'Đã ghi nhận câu trả lời lúc', en: 'Answer recorded at' },
  yes: { vi: 'Tham dự', en: 'Attending' },
  no: { vi: 'Không tham dự', en: 'Not attending' },
  passSent: {
    vi: '. Thẻ check-in đã được gửi qua email.',
    en: '. Your check-in pass is on its way by email.',
  },
  changeUntil: {
    vi: (cutoff: string) => `Có thể thay đổi câu trả lời đến ${cutoff}.`,
    en: (cutoff: string) => `You can change your answer until ${cutoff}.`,
  },
  closed: {
    vi: (cutoff: string) =>
      `Đã hết hạn xác nhận tham dự (${cutoff}). Vui lòng liên hệ Ban tổ chức nếu cần thay đổi.`,
    en: (cutoff: string) =>
      `Answers closed at ${cutoff} (Hanoi time). Please contact the organisers to change yours.`,
  },
});

export const RSVP_FIELDS = /* @__PURE__ */ defineMessages({
  s: { vi: 'Mã bí mật của đường dẫn', en: 'Link secret' },
  attending: { vi: 'Tham dự', en: 'Attending' },
  guests: { vi: 'Khách đi cùng', en: 'Guests' },
  accessibility: { vi: 'Nhu cầu hỗ trợ tiếp cận', en: 'Accessibility needs' },
});

/** The page a scanned check-in QR code opens. */
export const CHECK_IN_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Check-in dự lễ', en: 'Ceremony check-in' },
  holder: { vi: 'Người tham dự', en: 'Attendee' },
  space: { vi: 'Không gian', en: 'Space' },
  confirm: { vi: 'Xác nhận check-in', en: 'Confirm check-in' },
  done: { vi: 'Đã check-in thành công lúc', en: 'Checked in at' },
  already: { vi: 'Đã check-in lúc', en: 'Already checked in at' },
  by: { vi: 'bởi', en: 'by' },
  back: { vi: '← Về trang điều phối', en: '← Back to the dashboard' },
  voided: {
    vi: 'Thẻ đã bị huỷ: giấy chứng nhận thành viên đã bị thu hồi lúc',
    en: 'Pass void: the membership certificate was revoked at',
  },
  refuse: { vi: 'Không check-in bằng thẻ này.', en: 'Do not admit with this pass.' },
});

/** The page behind an emailed resume link. */
export const RESUME_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Tiếp tục hồ sơ', en: 'Continue your application' },
  intro: {
    vi: 'Bấm nút dưới đây để mở lại hồ sơ nháp của bạn. Mỗi đường dẫn chỉ dùng được một lần.',
    en: 'Press the button below to reopen your draft. Each link works once.',
  },
  go: { vi: 'Tiếp tục hồ sơ', en: 'Continue the application' },
  resend: { vi: 'Gửi lại đường dẫn mới', en: 'Send me a new link' },
});

/** The public site's refusals (site function, public queries). */
export const SITE = /* @__PURE__ */ defineMessages({
  fileNotFound: { vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  noCall: { vi: 'Chưa có đợt đăng ký nào.', en: 'There is no call for applications yet.' },
  noMatch: {
    vi: 'Không tìm thấy hồ sơ với mã hồ sơ và email này. Hãy kiểm tra lại mã trong giấy tiếp nhận.',
    en: 'No dossier matches this code and email. Check the code on your receipt.',
  },
});
