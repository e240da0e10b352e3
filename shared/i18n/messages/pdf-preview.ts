import { defineMessages } from '../catalog.ts';

/** A PDF's first page drawn on a page (its image's text alternative). */
export const PDF_PREVIEW = /* @__PURE__ */ defineMessages({
  firstPage: {
    vi: (name: string) => `Trang đầu của ${name}`,
    en: (name: string) => `First page of ${name}`,
  },
  certificate: {
    vi: (number: string) => `Trang đầu của giấy chứng nhận số ${number}`,
    en: (number: string) => `First page of certificate no. ${number}`,
  },
});
