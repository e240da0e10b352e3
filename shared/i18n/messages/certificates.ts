import { defineMessages } from '../catalog.ts';

/** Refusals around a certificate (verification, revocation). */
export const CERTIFICATE_ERRORS = /* @__PURE__ */ defineMessages({
  unknown: {
    vi: 'Không tìm thấy giấy chứng nhận với mã xác minh này.',
    en: 'No certificate has this verification id.',
  },
});

/** The revocation form's field, as a 400 names it, and what it says of it. */
export const REVOCATION_FIELDS = /* @__PURE__ */ defineMessages({
  reason: { vi: 'Lý do thu hồi', en: 'Reason for revocation' },
  reasonRequired: { vi: 'Cần ghi lý do thu hồi', en: 'A reason is required' },
});

/** A certificate's round when the round itself is gone (stored with the certificate). */
export const CERTIFICATE_ROUND = /* @__PURE__ */ defineMessages({
  fallbackName: { vi: (roundId: string) => `Đợt ${roundId}`, en: (roundId: string) => `Round ${roundId}` },
});
