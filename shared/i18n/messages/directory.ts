import { defineMessages } from '../catalog.ts';

/** The public directory of members (`/thanh-vien`) and a member's profile page. */
export const DIRECTORY_PAGE = /* @__PURE__ */ defineMessages({
  title: { vi: 'Thành viên Mạng lưới', en: 'Network members' },
  intro: {
    vi: 'Các không gian sáng tạo có giấy chứng nhận thành viên còn hiệu lực. Mỗi thẻ dẫn tới trang xác minh giấy chứng nhận.',
    en: 'Creative spaces holding a valid membership certificate. Each card links to the certificate’s verification page.',
  },
  search: { vi: 'Tìm kiếm (có dấu hoặc không dấu)', en: 'Search (with or without diacritics)' },
  field: { vi: 'Lĩnh vực sáng tạo', en: 'Creative field' },
  ward: { vi: 'Phường/xã', en: 'Ward/commune' },
  anyField: { vi: 'Mọi lĩnh vực', en: 'Every field' },
  anyWard: { vi: 'Mọi phường/xã', en: 'Every ward' },
  filter: { vi: 'Lọc', en: 'Filter' },
  clear: { vi: 'Bỏ lọc', en: 'Clear filters' },
  count: {
    vi: (shown: number, total: number) => `${shown} / ${total} thành viên`,
    en: (shown: number, total: number) => `${shown} of ${total} members`,
  },
  none: { vi: 'Không có thành viên nào khớp với bộ lọc.', en: 'No member matches these filters.' },
  formerly: {
    vi: (names: string) => `trước 07/2025: ${names}`,
    en: (names: string) => `before 07/2025: ${names}`,
  },
  verify: { vi: 'Xác minh giấy chứng nhận', en: 'Verify the certificate' },
  profile: { vi: 'Trang thành viên', en: 'Member page' },
  website: { vi: 'Trang web', en: 'Website' },
  social: { vi: 'Mạng xã hội', en: 'Social media' },
  openingHours: { vi: 'Giờ mở cửa', en: 'Opening hours' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  fields: { vi: 'Lĩnh vực', en: 'Fields' },
  pin: { vi: 'Vị trí trên bản đồ', en: 'Location on the map' },
  openMap: { vi: 'Xem trên OpenStreetMap', en: 'See on OpenStreetMap' },
  previous: { vi: 'Trang trước', en: 'Previous page' },
  next: { vi: 'Trang sau', en: 'Next page' },
  pageOf: {
    vi: (page: number, pages: number) => `Trang ${page}/${pages}`,
    en: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
  backToList: { vi: 'Về danh sách thành viên', en: 'Back to the member list' },
  forMembers: { vi: 'Dành cho thành viên', en: 'For members' },
  forMembersHint: {
    vi: 'Nhập địa chỉ email của người đại diện đã đăng ký hồ sơ để nhận liên kết chỉnh sửa trang thành viên.',
    en: 'Enter the representative’s email address given in the dossier to receive a link to edit the member page.',
  },
  email: { vi: 'Email người đại diện', en: 'Representative’s email' },
  sendLink: { vi: 'Gửi liên kết chỉnh sửa', en: 'Send the editing link' },
  linkSent: {
    vi: 'Nếu địa chỉ này là của một thành viên, liên kết chỉnh sửa đã được gửi tới hộp thư. Liên kết có hiệu lực 24 giờ.',
    en: 'If this address belongs to a member, an editing link is on its way to the mailbox. It works for 24 hours.',
  },
});

/** The member's own page: the profile's editing form behind the emailed link. */
export const PROFILE_EDIT = /* @__PURE__ */ defineMessages({
  title: { vi: 'Chỉnh sửa trang thành viên', en: 'Edit the member page' },
  validUntil: {
    vi: (at: string) => `Liên kết này dùng được nhiều lần tới ${at} (giờ Hà Nội).`,
    en: (at: string) => `This link can be used several times until ${at} (Hanoi time).`,
  },
  descriptionVi: { vi: 'Giới thiệu (tiếng Việt)', en: 'Description (Vietnamese)' },
  descriptionEn: { vi: 'Giới thiệu (tiếng Anh)', en: 'Description (English)' },
  website: { vi: 'Trang web', en: 'Website' },
  socialLinks: { vi: 'Mạng xã hội (mỗi dòng một liên kết)', en: 'Social media (one link a line)' },
  openingHours: { vi: 'Giờ mở cửa', en: 'Opening hours' },
  lat: { vi: 'Vĩ độ', en: 'Latitude' },
  lng: { vi: 'Kinh độ', en: 'Longitude' },
  pinHint: {
    vi: 'Vị trí do thành viên tự đặt (không tra cứu tự động), trong phạm vi Hà Nội, ví dụ 21.0285 và 105.8542.',
    en: 'A location the member sets (never looked up automatically), within Hanoi, e.g. 21.0285 and 105.8542.',
  },
  save: { vi: 'Lưu trang thành viên', en: 'Save the member page' },
  saved: { vi: 'Đã lưu. Trang thành viên đã được cập nhật.', en: 'Saved. The member page is updated.' },
  view: { vi: 'Xem trang công khai', en: 'See the public page' },
  hiddenNotice: {
    vi: (reason: string) => `Trang đang bị điều phối viên tạm ẩn khỏi danh sách. Lý do: ${reason}`,
    en: (reason: string) => `A coordinator has hidden this page from the directory. Reason: ${reason}`,
  },
});

/** The profile's photos: chosen from the dossier's images or uploaded, behind the emailed link. */
export const PROFILE_PHOTOS = /* @__PURE__ */ defineMessages({
  legend: {
    vi: (max: number) => `Ảnh trên trang thành viên (tối đa ${max})`,
    en: (max: number) => `Photos on the member page (up to ${max})`,
  },
  hint: {
    vi: (mb: number) =>
      `Đánh dấu những ảnh muốn công khai: ảnh trong hồ sơ đăng ký hoặc ảnh mới (JPG, PNG, tối đa ${mb} MB). Ảnh đầu tiên hiện trên thẻ trong danh sách. Các tệp khác của hồ sơ không bao giờ được công khai.`,
    en: (mb: number) =>
      `Tick the photos to publish: images from the application dossier or new ones (JPG, PNG, up to ${mb} MB). The first one shows on the card in the list. The dossier’s other files are never published.`,
  },
  none: {
    vi: 'Hồ sơ chưa có ảnh nào. Hãy tải ảnh mới lên.',
    en: 'The dossier has no images yet. Upload new ones.',
  },
  upload: { vi: 'Tải ảnh mới lên', en: 'Upload new photos' },
  uploadNeedsScript: {
    vi: 'Tải ảnh mới lên cần bật JavaScript; việc chọn ảnh trong hồ sơ vẫn dùng được khi không có JavaScript.',
    en: 'Uploading new photos needs JavaScript; choosing the dossier’s images works without it.',
  },
  photoOf: {
    vi: (name: string) => `Ảnh của ${name}`,
    en: (name: string) => `Photo of ${name}`,
  },
  uploading: {
    vi: (name: string) => `Đang tải lên ${name}…`,
    en: (name: string) => `Uploading ${name}…`,
  },
  uploaded: {
    vi: (name: string) => `Đã tải lên ${name}. Bấm “Lưu trang thành viên” để công khai ảnh.`,
    en: (name: string) => `${name} is uploaded. Press “Save the member page” to publish it.`,
  },
  failed: {
    vi: (name: string) => `Không tải lên được ${name}. Hãy thử lại.`,
    en: (name: string) => `${name} could not be uploaded. Please try again.`,
  },
  newPhoto: { vi: 'Ảnh mới', en: 'New photo' },
  field: { vi: 'Ảnh', en: 'Photos' },
  fileName: { vi: 'Tên tệp ảnh', en: 'Photo file name' },
  contentType: { vi: 'Loại tệp ảnh', en: 'Photo file type' },
  size: { vi: 'Dung lượng ảnh', en: 'Photo size' },
  notImage: {
    vi: (name: string) => `${name} không phải ảnh JPG hoặc PNG.`,
    en: (name: string) => `${name} is not a JPG or PNG image.`,
  },
  tooLarge: {
    vi: (name: string, mb: number) => `${name} lớn hơn ${mb} MB.`,
    en: (name: string, mb: number) => `${name} is larger than ${mb} MB.`,
  },
  empty: {
    vi: (name: string) => `${name} là tệp rỗng.`,
    en: (name: string) => `${name} is an empty file.`,
  },
  unknown: {
    vi: 'Ảnh này không có trong hồ sơ của bạn hay trong các ảnh bạn vừa tải lên.',
    en: 'This photo is neither in your dossier nor among the photos you uploaded.',
  },
  tooMany: {
    vi: (max: number) => `Chọn tối đa ${max} ảnh.`,
    en: (max: number) => `Choose at most ${max} photos.`,
  },
});

/** The directory's map (with a tile URL configured): markers link each member's page. */
export const DIRECTORY_MAP = /* @__PURE__ */ defineMessages({
  label: { vi: 'Bản đồ các thành viên', en: 'Map of the members' },
  hint: {
    vi: 'Bản đồ chỉ là phần bổ sung: danh sách bên dưới có đầy đủ các thành viên.',
    en: 'The map is an extra: the list below has every member.',
  },
  memberLabel: { vi: 'Vị trí trên bản đồ', en: 'Location on the map' },
});

/** Refusals of the directory's pages and links. */
export const DIRECTORY_ERRORS = /* @__PURE__ */ defineMessages({
  unknownMember: { vi: 'Không tìm thấy thành viên này.', en: 'No member has this address.' },
  unknownPhoto: { vi: 'Không tìm thấy ảnh này.', en: 'No such photo.' },
  linkRefused: {
    vi: 'Liên kết không hợp lệ. Hãy yêu cầu liên kết mới tại trang Thành viên.',
    en: 'This link is not valid. Ask for a new one on the Members page.',
  },
  linkExpired: {
    vi: 'Liên kết đã hết hạn. Hãy yêu cầu liên kết mới tại trang Thành viên.',
    en: 'This link has expired. Ask for a new one on the Members page.',
  },
  notMember: {
    vi: 'Hồ sơ này không còn là thành viên (giấy chứng nhận đã bị thu hồi).',
    en: 'This dossier is no longer a member (its certificate was revoked).',
  },
});

/** The profile form's fields as a 400 names them, and what it says of them. */
export const PROFILE_FIELDS = /* @__PURE__ */ defineMessages({
  descriptionVi: PROFILE_EDIT.descriptionVi,
  descriptionEn: PROFILE_EDIT.descriptionEn,
  website: PROFILE_EDIT.website,
  socialLinks: PROFILE_EDIT.socialLinks,
  openingHours: PROFILE_EDIT.openingHours,
  lat: PROFILE_EDIT.lat,
  lng: PROFILE_EDIT.lng,
  email: DIRECTORY_PAGE.email,
  photos: PROFILE_PHOTOS.field,
  fileName: PROFILE_PHOTOS.fileName,
  contentType: PROFILE_PHOTOS.contentType,
  size: PROFILE_PHOTOS.size,
  q: DIRECTORY_PAGE.search,
  field: DIRECTORY_PAGE.field,
  ward: DIRECTORY_PAGE.ward,
  reason: { vi: 'Lý do ẩn', en: 'Reason for hiding' },
  reasonRequired: {
    vi: 'Cần ghi lý do ẩn (ít nhất 3 ký tự)',
    en: 'A reason is required (3 characters or more)',
  },
  pinOutside: {
    vi: 'Vị trí phải nằm trong Hà Nội (vĩ độ 20.5–21.45, kinh độ 105.25–106.1).',
    en: 'The location must be within Hanoi (latitude 20.5–21.45, longitude 105.25–106.1).',
  },
  pinHalf: {
    vi: 'Cần nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.',
    en: 'Give both latitude and longitude, or neither.',
  },
  socialUrl: {
    vi: 'Mỗi dòng phải là một địa chỉ http(s)://',
    en: 'Each line must be an http(s):// address',
  },
});

/** The coordinator's hiding of a profile (the admin dossier page's card). */
export const MEMBER_ADMIN = /* @__PURE__ */ defineMessages({
  title: { vi: 'Trang thành viên công khai', en: 'Public member page' },
  hide: { vi: 'Ẩn khỏi danh sách thành viên', en: 'Hide from the directory' },
  show: { vi: 'Hiện lại trong danh sách', en: 'Show in the directory again' },
  hidden: {
    vi: (at: string, by: string, reason: string) => `Đã ẩn lúc ${at} bởi ${by}. Lý do: ${reason}`,
    en: (at: string, by: string, reason: string) => `Hidden at ${at} by ${by}. Reason: ${reason}`,
  },
  done: { vi: 'Đã ẩn trang thành viên.', en: 'The member page is hidden.' },
  hiddenNote: {
    vi: (reason: string) => `Ẩn khỏi danh sách thành viên. Lý do: ${reason}`,
    en: (reason: string) => `Hidden from the member directory. Reason: ${reason}`,
  },
  reasonHint: {
    vi: 'Lý do được ghi vào nhật ký hồ sơ. Thành viên biến mất khỏi danh sách ngay.',
    en: 'The reason goes into the dossier’s audit trail. The member leaves the directory at once.',
  },
  shown: { vi: 'Trang thành viên đã hiện lại.', en: 'The member page is shown again.' },
});
