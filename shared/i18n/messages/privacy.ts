import { defineMessages } from '../catalog.ts';

/**
 * The privacy notice (`/quyen-rieng-tu`, Nghị định 13/2023/NĐ-CP), read before consenting. The periods are
 * parameters: the page passes the numbers of `shared/domain/retention.ts`, which the bucket's lifecycle
 * rules and the table's TTLs are built from too.
 */
export const PRIVACY = /* @__PURE__ */ defineMessages({
  title: { vi: 'Thông báo xử lý dữ liệu cá nhân', en: 'Privacy notice' },
  intro: {
    vi: 'Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, trước khi bạn đồng ý, Trung tâm cho bạn biết ai xử lý dữ liệu trong hồ sơ đăng ký, để làm gì, trong bao lâu, và bạn có những quyền gì.',
    en: 'Under Decree 13/2023/ND-CP on personal data protection, before you consent, the Centre tells you who processes the data in your application, what for, for how long, and what your rights are.',
  },

  controllerTitle: { vi: 'Ai kiểm soát dữ liệu', en: 'Who controls the data' },
  controller: {
    vi: (centre: string) =>
      `${centre} (do Thành phố Hà Nội thành lập cuối năm 2024) là bên kiểm soát và xử lý dữ liệu cá nhân trong hồ sơ đăng ký tham gia Mạng lưới Không gian Sáng tạo thành phố Hà Nội.`,
    en: (centre: string) =>
      `The ${centre} (set up by the City of Hanoi in late 2024) controls and processes the personal data in applications to join the Hanoi Creative Space Network.`,
  },
  processor: {
    vi: 'Dữ liệu được lưu trữ và email được gửi qua hạ tầng đám mây Amazon Web Services, theo chỉ dẫn của Trung tâm. Hồ sơ chỉ được cán bộ Trung tâm và người thẩm định được giao xem.',
    en: 'The data is stored, and emails are sent, on Amazon Web Services’ cloud infrastructure, on the Centre’s instructions. Only the Centre’s staff and the reviewers assigned see an application.',
  },

  purposesTitle: { vi: 'Để làm gì', en: 'What for' },
  purposeReview: {
    vi: 'Xét hồ sơ đăng ký: kiểm tra, thẩm định, yêu cầu bổ sung và quyết định công nhận thành viên.',
    en: 'Considering the application: checking it, reviewing it, asking for additions and deciding on membership.',
  },
  purposeContact: {
    vi: 'Liên hệ với bạn về hồ sơ: xác nhận đã nhận, nhắc hạn, kết quả, đường dẫn tiếp tục hoặc bổ sung.',
    en: 'Contacting you about the application: receipt, deadline reminders, the outcome, links to resume or supplement it.',
  },
  purposeCertificate: {
    vi: 'Cấp và xác thực Giấy chứng nhận thành viên; mời thành viên dự lễ ra mắt và hoạt động của Mạng lưới.',
    en: 'Issuing and verifying the membership certificate; inviting members to the launch ceremony and the Network’s events.',
  },
  purposeSecurity: {
    vi: 'Bảo đảm an toàn cho hệ thống: chống lạm dụng và điều tra sự cố (địa chỉ IP, nhật ký kỹ thuật).',
    en: 'Keeping the service safe: preventing abuse and investigating incidents (IP addresses, technical logs).',
  },

  categoriesTitle: { vi: 'Những dữ liệu nào', en: 'Which data' },
  categorySpace: {
    vi: 'Về không gian: tên, địa chỉ (số nhà, đường, phường/xã), hình thức sở hữu, loại hình, lĩnh vực, năm thành lập, diện tích, trang web và mạng xã hội, mô tả, số đăng ký.',
    en: 'About the space: name, address (street, ward), ownership, type, fields, year founded, floor area, website and social links, description, registration number.',
  },
  categoryPerson: {
    vi: 'Về người đại diện: họ và tên, chức vụ, email, số điện thoại.',
    en: 'About the representative: full name, position, email, phone number.',
  },
  categoryDocuments: {
    vi: 'Tài liệu bạn tải lên (có thể chứa dữ liệu cá nhân). Không tải lên giấy tờ không được yêu cầu, nhất là dữ liệu cá nhân nhạy cảm.',
    en: 'The documents you upload (they may hold personal data). Do not upload papers that are not asked for, above all sensitive personal data.',
  },
  categoryTechnical: {
    vi: 'Dữ liệu kỹ thuật: địa chỉ IP và thời điểm của các yêu cầu gửi đến hệ thống.',
    en: 'Technical data: the IP address and time of requests made to the service.',
  },

  retentionTitle: { vi: 'Lưu giữ trong bao lâu', en: 'How long it is kept' },
  retentionDraftLabel: { vi: 'Bản nháp không nộp', en: 'A draft never submitted' },
  retentionDraft: {
    vi: (days: number) =>
      `Hết hạn khi đợt đăng ký đóng; bị xoá ${days} ngày sau đó (gồm nội dung và lịch sử).`,
    en: (days: number) =>
      `Expires when the call closes; deleted ${days} days later (its content and history).`,
  },
  retentionUploadsLabel: { vi: 'Tệp tải lên', en: 'Uploaded files' },
  retentionUploads: {
    vi: (days: number) =>
      `Bản tải lên bị xoá ${days} ngày sau khi tải lên. Khi nộp hồ sơ, tài liệu được sao vào hồ sơ và lưu theo hồ sơ.`,
    en: (days: number) =>
      `The uploaded copy is deleted ${days} days after the upload. When you submit, the documents are copied into the dossier and kept with it.`,
  },
  retentionNotAcceptedLabel: { vi: 'Hồ sơ không được công nhận', en: 'An application not accepted' },
  retentionNotAccepted: {
    vi: (days: number) =>
      `Bị từ chối, hoặc đóng vì không bổ sung đúng hạn: hồ sơ và tài liệu bị xoá chậm nhất ${days} ngày sau quyết định.`,
    en: (days: number) =>
      `Rejected, or closed because the additions did not come in time: the dossier and its documents are deleted at the latest ${days} days after the decision.`,
  },
  retentionMemberLabel: { vi: 'Hồ sơ được công nhận', en: 'An application accepted' },
  retentionMember: {
    vi: 'Lưu trong thời gian không gian là thành viên Mạng lưới. Giấy chứng nhận vẫn tra cứu được tại /verify (kể cả khi bị thu hồi, trang ghi rõ).',
    en: 'Kept for as long as the space is a member of the Network. The certificate stays verifiable on /verify (if it is revoked, the page says so).',
  },
  retentionBackupsLabel: { vi: 'Bản sao dự phòng', en: 'Backup copies' },
  retentionBackups: {
    vi: (days: number) => `Phiên bản cũ của một tệp bị thay thế hoặc xoá được xoá hẳn sau ${days} ngày.`,
    en: (days: number) => `An earlier version of a file replaced or deleted is erased after ${days} days.`,
  },
  retentionLogsLabel: { vi: 'Nhật ký kỹ thuật', en: 'Technical logs' },
  retentionLogs: {
    vi: (logDays: number, accessDays: number) =>
      `Nhật ký của hệ thống: tối đa ${logDays} ngày; nhật ký truy cập kho tài liệu: ${accessDays} ngày.`,
    en: (logDays: number, accessDays: number) =>
      `The service’s logs: at most ${logDays} days; the document store’s access logs: ${accessDays} days.`,
  },
  retentionLag: {
    vi: (days: number) => `Việc xoá là tự động và có thể chậm thêm tối đa ${days} ngày.`,
    en: (days: number) => `Deletion is automatic and may take up to ${days} more days.`,
  },

  publicTitle: { vi: 'Những gì được công khai', en: 'What becomes public' },
  publicIntro: {
    vi: 'Chỉ khi hồ sơ được công nhận, trang xác thực Giấy chứng nhận (/verify) công khai cho bất kỳ ai có đường dẫn:',
    en: 'Only if the application is accepted, the certificate’s verification page (/verify) shows anyone with its link:',
  },
  publicItems: {
    vi: 'tên và địa chỉ của không gian, cùng số, ngày cấp và tình trạng của Giấy chứng nhận.',
    en: 'the space’s name and address, with the certificate’s number, date and status.',
  },
  publicNever: {
    vi: 'Thông tin của người đại diện (họ tên, email, số điện thoại) và tài liệu đã nộp không bao giờ được công khai.',
    en: 'The representative’s details (name, email, phone) and the documents submitted are never made public.',
  },

  rightsTitle: { vi: 'Quyền của bạn', en: 'Your rights' },
  rightsIntro: {
    vi: 'Theo Điều 9 Nghị định 13/2023/NĐ-CP, bạn có quyền:',
    en: 'Under Article 9 of Decree 13/2023/ND-CP, you have the right:',
  },
  rightKnow: {
    vi: 'được biết về việc xử lý dữ liệu của mình;',
    en: 'to be informed of the processing of your data;',
  },
  rightConsent: {
    vi: 'đồng ý hoặc không đồng ý, và rút lại sự đồng ý (rút lại khi hồ sơ đang được xét thì hồ sơ dừng lại; việc xử lý trước đó vẫn hợp pháp);',
    en: 'to consent or not, and to withdraw your consent (withdrawing it while the application is considered ends the application; the processing before stays lawful);',
  },
  rightAccess: {
    vi: 'truy cập, xem và nhận bản sao dữ liệu của mình;',
    en: 'to access and view your data, and to get a copy of it;',
  },
  rightCorrect: { vi: 'yêu cầu chỉnh sửa dữ liệu sai;', en: 'to have wrong data corrected;' },
  rightDelete: {
    vi: 'yêu cầu xoá dữ liệu, hoặc hạn chế việc xử lý;',
    en: 'to have your data deleted, or its processing restricted;',
  },
  rightObject: { vi: 'phản đối việc xử lý dữ liệu;', en: 'to object to the processing;' },
  rightComplain: {
    vi: 'khiếu nại, tố cáo, khởi kiện và yêu cầu bồi thường thiệt hại theo quy định của pháp luật.',
    en: 'to complain, to report, to go to court and to claim damages, as the law provides.',
  },

  contactTitle: { vi: 'Liên hệ', en: 'Contact' },
  contactIntro: {
    vi: 'Để thực hiện các quyền trên hoặc hỏi về dữ liệu của bạn, hãy viết cho Trung tâm, ghi mã hồ sơ nếu có. Trung tâm trả lời trong thời hạn Nghị định quy định.',
    en: 'To use these rights, or to ask about your data, write to the Centre with your dossier code if you have one. The Centre answers within the time the Decree sets.',
  },
  contactAddress: { vi: 'Địa chỉ', en: 'Address' },
  contactPhone: { vi: 'Điện thoại', en: 'Phone' },
  contactEmail: { vi: 'Email', en: 'Email' },

  consentTitle: { vi: 'Sự đồng ý', en: 'Consent' },
  consentText: {
    vi: 'Bạn đồng ý bằng cách đánh dấu ô đồng ý ở cuối mẫu đơn đăng ký. Không có sự đồng ý, hồ sơ không thể được xét.',
    en: 'You consent by ticking the consent box at the end of the application form. Without consent, the application cannot be considered.',
  },
  backToForm: { vi: 'Về mẫu đơn đăng ký', en: 'Back to the application form' },

  /** The consent checkbox's link to this notice (it opens in a new tab: the form keeps what was typed). */
  consentLink: {
    vi: 'Đọc thông báo xử lý dữ liệu cá nhân (mở thẻ mới)',
    en: 'Read the privacy notice (opens a new tab)',
  },
});
