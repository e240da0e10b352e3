import { defineMessages } from '../catalog.ts';

/** The public verification page of a certificate (`/verify/<id>`): for anyone the holder shows it to. */
export const VERIFY_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Xác minh giấy chứng nhận', en: 'Certificate verification' },
  valid: { vi: 'Giấy chứng nhận hợp lệ', en: 'Valid certificate' },
  validText: {
    vi: 'Không gian dưới đây là thành viên Mạng lưới Không gian Sáng tạo Hà Nội.',
    en: 'The space below is a member of the Hanoi Creative Space Network.',
  },
  revoked: { vi: 'Giấy chứng nhận đã bị thu hồi', en: 'This certificate has been revoked' },
  revokedText: {
    vi: 'Không gian dưới đây không còn là thành viên Mạng lưới theo giấy chứng nhận này.',
    en: 'This certificate no longer shows the space below as a member of the Network.',
  },
  revokedAt: { vi: 'Thu hồi lúc', en: 'Revoked at' },
  reason: { vi: 'Lý do', en: 'Reason' },
  holder: { vi: 'Không gian', en: 'Space' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  number: { vi: 'Số giấy chứng nhận', en: 'Certificate number' },
  issuedOn: { vi: 'Ngày cấp', en: 'Issued on' },
  round: { vi: 'Đợt kết nạp', en: 'Membership call' },
  status: { vi: 'Tình trạng', en: 'Status' },
  statusValid: { vi: 'Còn hiệu lực', en: 'Valid' },
  statusRevoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  download: { vi: 'Tải giấy chứng nhận (PDF)', en: 'Download the certificate (PDF)' },
  downloadNote: {
    vi: 'Đường dẫn tải có hiệu lực trong thời gian ngắn; tải lại trang này để có đường dẫn mới.',
    en: 'The download link works for a short time; reload this page for a new one.',
  },
  share: { vi: 'Chia sẻ trang xác minh', en: 'Share this verification page' },
  shareLink: { vi: 'Đường dẫn của trang này', en: 'Link to this page' },
  copy: { vi: 'Sao chép đường dẫn', en: 'Copy the link' },
  copied: { vi: 'Đã sao chép đường dẫn.', en: 'Link copied.' },
  machine: { vi: 'Dữ liệu cho máy đọc', en: 'Machine-readable' },
  machineText: {
    vi: 'Bản chứng nhận điện tử có chữ ký (Open Badges 3.0, VC-JWT), để phần mềm kiểm tra:',
    en: 'The signed digital credential (Open Badges 3.0, VC-JWT), for software to check:',
  },
  credentialJson: { vi: 'Chứng nhận (JSON)', en: 'Credential (JSON)' },
  issuer: { vi: 'Hồ sơ đơn vị cấp', en: 'Issuer profile' },
  keys: { vi: 'Khóa công khai', en: 'Public keys' },
  accept: {
    vi: 'Cùng địa chỉ trang này cũng trả về JSON với tiêu đề Accept: application/json, hoặc VC-JWT với Accept: application/vc+jwt.',
    en: 'This page’s own URL also answers JSON with Accept: application/json, or the VC-JWT with Accept: application/vc+jwt.',
  },
});
