import { z } from 'zod';
import type { Text } from '../i18n/lang.ts';
import {
  codePrefixOf,
  type DocumentSlot,
  FILE_TYPES,
  INTRO,
  MEMBER_BENEFITS,
  ROUND_ID_PATTERN,
  type Round,
} from './round.ts';
import { normalizeEmail } from './staff.ts';
import { lineText } from './text.ts';
import { fromIctLocal } from './time.ts';

const MB = 1024 * 1024;
/** Most checklist items a round may have (the form shows this many rows). */
export const MAX_CHECKLIST_ITEMS = 8;

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'dateTime' });
// Every text goes through the one text rule (./text.ts): control and bidi override characters refused.
const text = (max: number) => lineText().pipe(z.string().min(1).max(max));
const count = z.coerce.number().int().min(0).max(20);

export const ChecklistItemSchema = z
  .object({
    slot: z.string().regex(/^[a-z][a-z0-9-]{1,29}$/, { error: 'slotKey' }),
    titleVi: text(200),
    titleEn: text(200),
    hintVi: lineText().pipe(z.string().max(500)).default(''),
    hintEn: lineText().pipe(z.string().max(500)).default(''),
    required: z
      .union([z.literal('on'), z.literal('true'), z.boolean()])
      .optional()
      .transform((v) => v === true || v === 'on' || v === 'true'),
    minFiles: count,
    maxFiles: count.pipe(z.number().min(1)),
    types: z.array(z.enum(FILE_TYPES)).min(1),
    maxMb: z.coerce.number().int().min(1).max(50),
  })
  .superRefine((item, ctx) => {
    if (item.maxFiles < item.minFiles)
      ctx.addIssue({ code: 'custom', path: ['maxFiles'], message: 'maxBelowMin' });
    if (item.required && item.minFiles < 1)
      ctx.addIssue({ code: 'custom', path: ['minFiles'], message: 'requiredNeedsFile' });
  });

/** What a coordinator sets on a round (create and edit while it is a draft). */
export const RoundSettingsSchema = z
  .object({
    nameVi: text(200),
    nameEn: text(200),
    opensOn: z.iso.date({ error: 'date' }),
    deadlineDate: z.iso.date({ error: 'date' }),
    reminderDaysBefore: z.coerce.number().int().min(0).max(30),
    invitationsAt: localDateTime,
    ceremonyAt: localDateTime,
    venueVi: text(300),
    venueEn: text(300),
    reviewers: z
      .array(z.email({ error: 'email' }).transform(normalizeEmail))
      .max(50)
      .default([]),
    // A form's blank rows arrive as undefined and are left out; the rows keep their index in issues.
    checklist: z
      .array(ChecklistItemSchema.optional())
      .max(MAX_CHECKLIST_ITEMS)
      .transform((rows) => rows.filter((r) => r !== undefined))
      .pipe(z.array(z.any()).min(1, { error: 'checklistEmpty' })),
  })
  .superRefine((s, ctx) => {
    // Runs even when some fields failed (zod reports every issue at once): compare only what parsed.
    const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
    const isDateTime = (v: unknown): v is string =>
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v);
    if (isDate(s.deadlineDate) && isDate(s.opensOn) && s.deadlineDate < s.opensOn)
      ctx.addIssue({ code: 'custom', path: ['deadlineDate'], message: 'deadlineBeforeOpening' });
    if (
      isDateTime(s.invitationsAt) &&
      isDate(s.deadlineDate) &&
      s.invitationsAt.slice(0, 10) <= s.deadlineDate
    )
      ctx.addIssue({ code: 'custom', path: ['invitationsAt'], message: 'invitationsBeforeDeadline' });
    if (
      isDateTime(s.ceremonyAt) &&
      isDateTime(s.invitationsAt) &&
      fromIctLocal(s.ceremonyAt) <= fromIctLocal(s.invitationsAt)
    )
      ctx.addIssue({ code: 'custom', path: ['ceremonyAt'], message: 'ceremonyBeforeInvitations' });
    const rows = (Array.isArray(s.checklist) ? s.checklist : []) as (ChecklistItem | undefined)[];
    const slots = rows.map((c) => c?.slot);
    slots.forEach((slot, i) => {
      if (slot && slots.indexOf(slot) !== i)
        ctx.addIssue({ code: 'custom', path: ['checklist', i, 'slot'], message: 'slotTaken' });
    });
  });

type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

/** The settings of a round, as stored and shown (the checklist's blank rows dropped). */
export type RoundSettings = Omit<z.infer<typeof RoundSettingsSchema>, 'checklist'> & {
  checklist: ChecklistItem[];
};

/** A new round's id (it names the round's keys, schedules and dossier codes, so it never changes). */
export const RoundIdSchema = z.object({ id: z.string().regex(ROUND_ID_PATTERN, { error: 'roundId' }) });

/** Labels of the round settings form's fields: the form shows them, and a 400 names fields by them. */
export const ROUND_SETTING_LABELS = {
  id: { vi: 'Mã đợt', en: 'Call id' },
  nameVi: { vi: 'Tên đợt (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên đợt (tiếng Anh)', en: 'Name (English)' },
  opensOn: { vi: 'Ngày bắt đầu nhận hồ sơ', en: 'First day of applications' },
  deadlineDate: {
    vi: 'Hạn nộp hồ sơ (hết 23:59 ngày này, giờ Hà Nội)',
    en: 'Deadline (until 23:59 that day, Hanoi time)',
  },
  reminderDaysBefore: { vi: 'Nhắc bản nháp trước hạn (số ngày)', en: 'Remind drafts this many days before' },
  invitationsAt: { vi: 'Gửi thư mời dự lễ lúc (giờ Hà Nội)', en: 'Send ceremony invitations at (Hanoi)' },
  ceremonyAt: { vi: 'Lễ trao chứng nhận lúc (giờ Hà Nội)', en: 'Ceremony at (Hanoi)' },
  venueVi: { vi: 'Địa điểm lễ (tiếng Việt)', en: 'Venue (Vietnamese)' },
  venueEn: { vi: 'Địa điểm lễ (tiếng Anh)', en: 'Venue (English)' },
  reviewers: { vi: 'Cán bộ thẩm định của đợt', en: 'The call’s reviewers' },
  checklist: { vi: 'Danh mục tài liệu', en: 'Document checklist' },
} satisfies Record<string, Text>;

/** Labels of one checklist item's fields. */
export const CHECKLIST_ITEM_LABELS = {
  slot: { vi: 'Mã mục', en: 'Key' },
  titleVi: { vi: 'Tên (tiếng Việt)', en: 'Title (Vietnamese)' },
  titleEn: { vi: 'Tên (tiếng Anh)', en: 'Title (English)' },
  hintVi: { vi: 'Hướng dẫn (tiếng Việt)', en: 'Hint (Vietnamese)' },
  hintEn: { vi: 'Hướng dẫn (tiếng Anh)', en: 'Hint (English)' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  minFiles: { vi: 'Số tệp tối thiểu', en: 'At least (files)' },
  maxFiles: { vi: 'Số tệp tối đa', en: 'At most (files)' },
  types: { vi: 'Loại tệp', en: 'File types' },
  maxMb: { vi: 'Dung lượng tối đa mỗi tệp (MB)', en: 'Largest file (MB)' },
} satisfies Record<string, Text>;

/** The name the form posts for a checklist item's field (`checklist.<row>.<field>`). */
export const checklistFieldName = (row: number, field: keyof typeof CHECKLIST_ITEM_LABELS) =>
  `checklist.${row}.${field}`;

/** Every field name the settings form posts, with its label; a checklist field names its item. */
export function roundFormLabels(): Record<string, Text> {
  const labels: Record<string, Text> = { ...ROUND_SETTING_LABELS };
  for (let i = 0; i < MAX_CHECKLIST_ITEMS; i++)
    for (const [field, label] of Object.entries(CHECKLIST_ITEM_LABELS))
      labels[checklistFieldName(i, field as keyof typeof CHECKLIST_ITEM_LABELS)] = {
        vi: `Tài liệu mục ${i + 1} · ${label.vi}`,
        en: `Document item ${i + 1} · ${label.en}`,
      };
  return labels;
}

/** Messages of the checks above, in both languages (read by the validation message table). */
export const ROUND_SETTING_MESSAGES: Record<string, Text> = {
  dateTime: { vi: 'Cần ngày và giờ (dd/mm/yyyy hh:mm)', en: 'A date and time are needed' },
  date: { vi: 'Cần một ngày hợp lệ', en: 'A valid date is needed' },
  slotKey: {
    vi: 'Mã mục: chữ thường không dấu, số và dấu gạch ngang, 2–30 ký tự (ví dụ: phap-ly)',
    en: 'Item key: lower-case letters, digits and hyphens, 2–30 characters (e.g. legal)',
  },
  roundId: {
    vi: 'Mã đợt: chữ thường không dấu và số, 2–20 ký tự (ví dụ: 2026)',
    en: 'Round id: lower-case letters and digits, 2–20 characters (e.g. 2026)',
  },
  maxBelowMin: { vi: 'Số tệp tối đa nhỏ hơn số tệp tối thiểu', en: 'At most is below at least' },
  requiredNeedsFile: {
    vi: 'Mục bắt buộc cần ít nhất 1 tệp',
    en: 'A required item needs at least 1 file',
  },
  deadlineBeforeOpening: {
    vi: 'Hạn nộp phải từ ngày mở trở đi',
    en: 'The deadline must not be before opening',
  },
  invitationsBeforeDeadline: {
    vi: 'Thư mời phải gửi sau hạn nộp hồ sơ',
    en: 'Invitations must go out after the deadline',
  },
  ceremonyBeforeInvitations: {
    vi: 'Lễ phải diễn ra sau khi gửi thư mời',
    en: 'The ceremony must come after the invitations',
  },
  slotTaken: { vi: 'Mã mục bị trùng với mục khác', en: 'Another item has this key' },
  checklistEmpty: { vi: 'Cần ít nhất một mục tài liệu', en: 'At least one document item is needed' },
};

/** The round a coordinator's settings describe; everything else (intro, benefits) is the network's standard text. */
export function roundFromSettings(
  id: string,
  s: RoundSettings,
  base?: Pick<Round, 'status' | 'ceremony' | 'intro' | 'benefits'>,
): Round {
  const checklist: DocumentSlot[] = s.checklist.map((c) => ({
    slot: c.slot,
    title: { vi: c.titleVi, en: c.titleEn },
    hint: { vi: c.hintVi, en: c.hintEn },
    required: c.required,
    minFiles: c.minFiles,
    maxFiles: c.maxFiles,
    types: c.types,
    maxBytes: c.maxMb * MB,
  }));
  return {
    id,
    codePrefix: codePrefixOf(id),
    name: { vi: s.nameVi, en: s.nameEn },
    intro: base?.intro ?? INTRO,
    benefits: base?.benefits ?? MEMBER_BENEFITS,
    opensOn: s.opensOn,
    deadlineDate: s.deadlineDate,
    reminderDaysBefore: s.reminderDaysBefore,
    invitationsAt: s.invitationsAt,
    ceremony: {
      at: s.ceremonyAt,
      venue: { vi: s.venueVi, en: s.venueEn },
      ...(base?.ceremony.sequence ? { sequence: base.ceremony.sequence } : {}),
    },
    status: base?.status ?? 'draft',
    checklist,
    reviewers: [...new Set(s.reviewers)],
  };
}

/** The settings of a round, as the edit form shows them. */
export function settingsOf(round: Round): RoundSettings {
  return {
    nameVi: round.name.vi,
    nameEn: round.name.en,
    opensOn: round.opensOn,
    deadlineDate: round.deadlineDate,
    reminderDaysBefore: round.reminderDaysBefore,
    invitationsAt: round.invitationsAt,
    ceremonyAt: round.ceremony.at.slice(0, 16),
    venueVi: round.ceremony.venue.vi,
    venueEn: round.ceremony.venue.en,
    reviewers: [...(round.reviewers ?? [])],
    checklist: round.checklist.map((c) => ({
      slot: c.slot,
      titleVi: c.title.vi,
      titleEn: c.title.en,
      hintVi: c.hint.vi,
      hintEn: c.hint.en,
      required: c.required,
      minFiles: c.minFiles,
      maxFiles: c.maxFiles,
      types: [...c.types],
      maxMb: Math.round(c.maxBytes / MB),
    })),
  };
}
