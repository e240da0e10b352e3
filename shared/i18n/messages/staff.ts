import { defineMessages } from '../catalog.ts';

/** The staff roles as the staff list, the sign-in page and the audit trail name them. */
export const ROLE_LABELS = /* @__PURE__ */ defineMessages({
  coordinator: { vi: 'Điều phối', en: 'Coordinator' },
  reviewer: { vi: 'Thẩm định', en: 'Reviewer' },
  director: { vi: 'Giám đốc (phê duyệt)', en: 'Director (sign-off)' },
});
