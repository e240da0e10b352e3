import { defineMessages } from '../catalog.ts';

/** A reviewer's opinion as the audit trail, the council's pages and the Director's digest name it. */
export const OPINION_LABELS = defineMessages({
  approved: { vi: 'Đề nghị công nhận', en: 'Recommends approval' },
  supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Asks for a supplement' },
  rejected: { vi: 'Đề nghị không công nhận', en: 'Recommends rejection' },
});

/** How a round's dossiers are decided (round settings, review pages). */
export const DECISION_MODE_LABELS = defineMessages({
  single: { vi: 'Một chuyên viên thẩm định quyết định', en: 'One reviewer decides' },
  council: {
    vi: 'Hội đồng thẩm định (biểu quyết theo số phiếu tối thiểu)',
    en: 'A review council (quorum vote)',
  },
});

export const COUNCIL_WORDS = defineMessages({
  score: {
    vi: (criterion: string, score: number) => `${criterion}: ${score}/5`,
    en: (criterion: string, score: number) => `${criterion}: ${score}/5`,
  },
});
