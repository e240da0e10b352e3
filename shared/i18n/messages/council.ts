import { defineMessages } from '../catalog.ts';

/** A reviewer's opinion as the audit trail, the council's pages and the Director's digest name it. */
export const OPINION_LABELS = /* @__PURE__ */ defineMessages({
  approved: { vi: 'Đề nghị công nhận', en: 'Recommends approval' },
  supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Asks for a supplement' },
  rejected: { vi: 'Đề nghị không công nhận', en: 'Recommends rejection' },
});

/** How a round's dossiers are decided (round settings, review pages). */
export const DECISION_MODE_LABELS = /* @__PURE__ */ defineMessages({
  single: { vi: 'Một chuyên viên thẩm định quyết định', en: 'One reviewer decides' },
  council: {
    vi: 'Hội đồng thẩm định (biểu quyết theo số phiếu tối thiểu)',
    en: 'A review council (quorum vote)',
  },
});

export const COUNCIL_WORDS = /* @__PURE__ */ defineMessages({
  score: {
    vi: (criterion: string, score: number) => `${criterion}: ${score}/5`,
    en: (criterion: string, score: number) => `${criterion}: ${score}/5`,
  },
});

/** A council member's scores, as the review page asks for them and names a missing one. */
export const SCORE_WORDS = /* @__PURE__ */ defineMessages({
  field: {
    vi: (criterion: string) => `Điểm “${criterion}”`,
    en: (criterion: string) => `Score “${criterion}”`,
  },
  choose: { vi: 'Chọn điểm từ 1 đến 5', en: 'Choose a score from 1 to 5' },
  notNeeded: {
    vi: 'Hội đồng đã đủ ý kiến để quyết định hồ sơ này; ý kiến của bạn không còn cần nữa. Cảm ơn bạn.',
    en: 'The council has enough opinions to decide this dossier; yours is no longer needed. Thank you.',
  },
  waiting: {
    vi: (given: number, members: number, quorum: number) =>
      `Đã ghi nhận ý kiến của bạn. Hội đồng đã có ${given}/${members} ý kiến; cần ${quorum} ý kiến thống nhất để quyết định.`,
    en: (given: number, members: number, quorum: number) =>
      `Your opinion is recorded. The council has ${given} of ${members} opinions; ${quorum} in agreement decide.`,
  },
});
