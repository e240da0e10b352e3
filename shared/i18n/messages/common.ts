import { defineMessages } from '../catalog.ts';

/** Names and words every page shares: the network, the centre, the header, the footer, the error page. */
export const COMMON = /* @__PURE__ */ defineMessages({
  networkName: { vi: 'Mạng lưới Không gian Sáng tạo Hà Nội', en: 'Hanoi Creative Space Network' },
  centreName: {
    vi: 'Trung tâm Điều phối các hoạt động sáng tạo',
    en: 'Creative Activities Coordination Centre',
  },
  city: { vi: 'Thành phố Hà Nội', en: 'Hanoi' },
  lookup: { vi: 'Tra cứu hồ sơ', en: 'Check a dossier' },
  /** The language switch names the other language in that language. */
  otherLanguage: { vi: 'English', en: 'Tiếng Việt' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  notFound: { vi: 'Không tìm thấy', en: 'Not found' },
  notDone: { vi: 'Không thực hiện được', en: 'Could not be done' },
  home: { vi: 'Về trang chủ', en: 'Back to the home page' },
  /** Who acted, when nobody did: the scheduler's and the workflow's own steps. */
  system: { vi: 'hệ thống', en: 'system' },
});
