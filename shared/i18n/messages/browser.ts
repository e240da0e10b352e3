import { defineMessages } from '../catalog.ts';

/**
 * Words of the browser scripts (shared/browser). The pages carry them as data in their language
 * (`<script type="application/json" id="words">`, see layout.tsx), so one bundle serves both languages and
 * the catalog stays out of it; `{name}` marks a value the script fills in.
 */
export const BROWSER = /* @__PURE__ */ defineMessages({
  // ---- any page that talks to the server ----
  networkError: {
    vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    en: 'Could not reach the server. Check your connection and try again.',
  },
  genericError: { vi: 'Đã có lỗi, vui lòng thử lại.', en: 'Something went wrong, please try again.' },
  // ---- uploads (dossier kit) ----
  removing: { vi: 'Đang xoá…', en: 'Removing…' },
  uploading: { vi: 'Đang tải lên…', en: 'Uploading…' },
  uploaded: { vi: 'Đã tải lên', en: 'Uploaded' },
  uploadFailed: {
    vi: 'Tải lên không thành công sau {tries} lần thử. Kiểm tra kết nối mạng rồi bấm “Thử lại”.',
    en: 'The upload failed after {tries} tries. Check your connection, then press “Retry”.',
  },
  uploadRetrying: {
    vi: 'Tải lên bị gián đoạn, đang thử lại (lần {attempt}/{tries})…',
    en: 'The upload was interrupted; trying again ({attempt} of {tries})…',
  },
  // Each file's progress bar and buttons name the file; the form's live region says each result.
  progressOf: { vi: 'Tiến độ tải lên tệp {name}', en: 'Upload progress of {name}' },
  removeFile: { vi: 'Xoá tệp {name}', en: 'Remove {name}' },
  replaceFile: { vi: 'Thay tệp {name}', en: 'Replace {name}' },
  retryFile: { vi: 'Thử lại tải lên tệp {name}', en: 'Retry uploading {name}' },
  dismissFile: { vi: 'Bỏ tệp {name}', en: 'Dismiss {name}' },
  uploadedFile: { vi: 'Đã tải lên tệp {name}.', en: '{name} is uploaded.' },
  removedFile: { vi: 'Đã xoá tệp {name}.', en: '{name} is removed.' },
  uploadFailedFile: { vi: 'Chưa tải lên được tệp {name}.', en: '{name} is not uploaded.' },
  remove: { vi: 'Xoá', en: 'Remove' },
  replace: { vi: 'Thay tệp', en: 'Replace' },
  retry: { vi: 'Thử lại', en: 'Retry' },
  dismiss: { vi: 'Bỏ', en: 'Dismiss' },
  fileType: {
    vi: '“{name}”: loại tệp không được chấp nhận (chấp nhận: {types}).',
    en: '“{name}”: this file type is not accepted (accepted: {types}).',
  },
  fileTooLarge: {
    vi: '“{name}” quá lớn ({size}); tối đa {max}.',
    en: '“{name}” is too large ({size}); at most {max}.',
  },
  fileEmpty: { vi: '“{name}” là tệp rỗng.', en: '“{name}” is empty.' },
  tooManyFiles: {
    vi: 'Mục này nhận tối đa {max} tệp; hãy xoá bớt trước khi thêm.',
    en: 'This item takes at most {max} files; remove one first.',
  },
  // ---- the application form ----
  countdownOver: { vi: 'đã hết hạn', en: 'closed' },
  day: { vi: 'ngày', en: 'day' },
  days: { vi: 'ngày', en: 'days' },
  noWard: { vi: 'Không tìm thấy phường/xã', en: 'No ward found' },
  draftFirst: {
    vi: 'Hãy điền tên không gian và email người đại diện trước khi tải tệp (để lưu hồ sơ nháp).',
    en: 'Fill in the space name and the representative’s email before uploading (the draft is saved first).',
  },
  draftSavedNew: {
    vi: 'Đã lưu bản nháp. Đường dẫn để tiếp tục hồ sơ đã được gửi tới email của người đại diện.',
    en: 'Draft saved. A link to continue the application was emailed to the representative.',
  },
  draftSaved: {
    vi: 'Đã lưu bản nháp. Bạn có thể tiếp tục bằng đường dẫn đã gửi qua email.',
    en: 'Draft saved. You can continue with the link sent by email.',
  },
  unfinishedBeforeSubmit: {
    vi: 'Còn tệp chưa tải lên được; hãy thử lại hoặc bỏ tệp đó trước khi nộp.',
    en: 'Some files did not upload; retry or dismiss them before submitting.',
  },
  alreadySubmitted: {
    vi: 'Hồ sơ {code} đã được nộp; bạn có thể tra cứu tình trạng hồ sơ.',
    en: 'Dossier {code} is already submitted; you can check its status.',
  },
  draftReopened: { vi: 'Đã mở lại hồ sơ nháp của bạn.', en: 'Your draft was reopened.' },
  // ---- the application form's autosave and its one check ----
  savedAt: { vi: 'Đã lưu lúc {time}.', en: 'Saved at {time} (Hanoi time).' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  autosaveWaits: {
    vi: 'Bản nháp sẽ được lưu tự động khi đã có tên không gian và email người đại diện.',
    en: 'The draft saves itself once the space name and the representative’s email are filled in.',
  },
  notSaved: { vi: 'Chưa lưu: {problem}.', en: 'Not saved: {problem}.' },
  notSavedYet: { vi: 'Chưa lưu được bản nháp: {why}', en: 'The draft is not saved yet: {why}' },
  problemsTitle: {
    vi: 'Hồ sơ còn {count} mục cần hoàn thiện. Bấm vào từng mục để sửa:',
    en: '{count} item(s) to complete. Select each one to fix it:',
  },
  requestSent: { vi: 'Đã gửi yêu cầu.', en: 'Request sent.' },
  // ---- pages behind an emailed link ----
  offline: {
    vi: 'Không kết nối được máy chủ, vui lòng thử lại.',
    en: 'Could not reach the server, please try again.',
  },
  linkSpent: {
    vi: 'Đường dẫn không dùng được nữa (đã dùng hoặc đã hết hạn).',
    en: 'This link can no longer be used (already used or expired).',
  },
  linkIncomplete: { vi: 'Đường dẫn không đầy đủ.', en: 'The link is incomplete.' },
  // ---- the supplement page ----
  supplementClosed: {
    vi: 'Hồ sơ {code} không còn chờ bổ sung (đã gửi bổ sung hoặc đã đóng). Bạn có thể tra cứu tình trạng hồ sơ.',
    en: 'Dossier {code} is no longer waiting for a supplement (already sent or closed). You can check its status.',
  },
  unfinishedBeforeSend: {
    vi: 'Còn tệp chưa tải lên được; hãy thử lại hoặc bỏ tệp đó trước khi gửi.',
    en: 'Some files did not upload; retry or dismiss them before sending.',
  },
  supplementLinkIncomplete: {
    vi: 'Đường dẫn không đầy đủ. Hãy mở lại đường dẫn trong email.',
    en: 'The link is incomplete. Open the link from the email again.',
  },
});

/** A key of the browser words (the scripts import this type only: types vanish from the bundle). */
export type BrowserWord = keyof typeof BROWSER;
/** The browser words of one language, as the page carries them. */
export type BrowserWords = Record<BrowserWord, string>;
