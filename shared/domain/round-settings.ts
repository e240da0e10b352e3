import { z } from 'zod';
import { say } from '../i18n/catalog.ts';
import type { Text } from '../i18n/lang.ts';
import {
  CHECKLIST_ITEM_LABELS,
  CHECKLIST_ROW,
  ROUND_SETTING_LABELS,
  ROUND_SETTING_MESSAGES,
} from '../i18n/messages/rounds.ts';
import { builtOnFirstUse } from './built-on-first-use.ts';
import { type Criterion, MAX_COUNCIL_SIZE } from './council.ts';
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
import { fold, lineText, multilineText } from './text.ts';
import { fromIctLocal } from './time.ts';

const MB = 1024 * 1024;
/** Most checklist items a round may have (the form shows this many rows). */
export const MAX_CHECKLIST_ITEMS = 8;

// Built by the first round form parsed: only the admin function's round pages need them (cold init).
const localDateTime = builtOnFirstUse(() =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: 'dateTime' }),
);
// Every text goes through the one text rule (./text.ts): control and bidi override characters refused.
const text = (max: number) => lineText().pipe(z.string().min(1).max(max));
const count = builtOnFirstUse(() => z.coerce.number().int().min(0).max(20));

export const ChecklistItemSchema = builtOnFirstUse(() =>
  z
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
    }),
);

/** What a coordinator sets on a round (create and edit while it is a draft). */
export const RoundSettingsSchema = builtOnFirstUse(() =>
  z
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
      // How dossiers are decided (issue 12): one reviewer, or a council of `councilSize` with a quorum.
      decisionMode: z.enum(['single', 'council']).default('single'),
      councilSize: z.coerce.number().int().min(2).max(MAX_COUNCIL_SIZE).default(3),
      quorum: z.coerce.number().int().min(1).max(MAX_COUNCIL_SIZE).default(2),
      criteria: multilineText()
        .pipe(z.string().max(1200))
        .default('')
        .refine((t) => parseCriteria(t) !== undefined, { error: 'criterion' }),
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
      if (s.decisionMode === 'council' && typeof s.quorum === 'number' && typeof s.councilSize === 'number') {
        if (s.quorum > s.councilSize)
          ctx.addIssue({ code: 'custom', path: ['quorum'], message: 'quorumAboveSize' });
        if (Array.isArray(s.reviewers) && new Set(s.reviewers).size < s.councilSize)
          ctx.addIssue({ code: 'custom', path: ['councilSize'], message: 'councilAbovePool' });
      }
      const rows = (Array.isArray(s.checklist) ? s.checklist : []) as (ChecklistItem | undefined)[];
      const slots = rows.map((c) => c?.slot);
      slots.forEach((slot, i) => {
        if (slot && slots.indexOf(slot) !== i)
          ctx.addIssue({ code: 'custom', path: ['checklist', i, 'slot'], message: 'slotTaken' });
      });
    }),
);

type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

const MAX_CRITERIA = 6;

/**
 * The criteria a coordinator types, one a line as "Tiếng Việt | English" (English may be left out), each with a
 * stable id folded from its Vietnamese name; undefined when a line cannot be read or there are too many.
 */
export function parseCriteria(text: string): Criterion[] | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > MAX_CRITERIA) return undefined;
  const criteria: Criterion[] = [];
  for (const line of lines) {
    const [vi = '', en = '', ...rest] = line.split('|').map((p) => p.trim());
    const id = fold(vi)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (!vi || rest.length || !id || criteria.some((c) => c.id === id)) return undefined;
    criteria.push({ id, name: { vi, en: en || vi } });
  }
  return criteria;
}

/** The settings of a round, as stored and shown (the checklist's blank rows dropped). */
export type RoundSettings = Omit<z.infer<typeof RoundSettingsSchema>, 'checklist'> & {
  checklist: ChecklistItem[];
};

/** A new round's id (it names the round's keys, schedules and dossier codes, so it never changes). */
export const RoundIdSchema = builtOnFirstUse(() =>
  z.object({ id: z.string().regex(ROUND_ID_PATTERN, { error: 'roundId' }) }),
);

// The settings' words are in the catalog (shared/i18n/messages/rounds.ts); re-exported where the form reads them.
export { CHECKLIST_ITEM_LABELS, ROUND_SETTING_LABELS, ROUND_SETTING_MESSAGES };

/** The name the form posts for a checklist item's field (`checklist.<row>.<field>`). */
export const checklistFieldName = (row: number, field: keyof typeof CHECKLIST_ITEM_LABELS) =>
  `checklist.${row}.${field}`;

/** Every field name the settings form posts, with its label; a checklist field names its item. */
export function roundFormLabels(): Record<string, Text> {
  const labels: Record<string, Text> = { ...ROUND_SETTING_LABELS };
  for (let i = 0; i < MAX_CHECKLIST_ITEMS; i++)
    for (const [field, label] of Object.entries(CHECKLIST_ITEM_LABELS))
      labels[checklistFieldName(i, field as keyof typeof CHECKLIST_ITEM_LABELS)] = {
        vi: say(CHECKLIST_ROW.field, 'vi', i + 1, label.vi),
        en: say(CHECKLIST_ROW.field, 'en', i + 1, label.en),
      };
  return labels;
}

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
    decision: {
      mode: s.decisionMode,
      size: s.decisionMode === 'council' ? s.councilSize : 1,
      quorum: s.decisionMode === 'council' ? s.quorum : 1,
      criteria: parseCriteria(s.criteria) ?? [],
    },
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
    decisionMode: round.decision?.mode ?? 'single',
    councilSize: round.decision?.mode === 'council' ? round.decision.size : 3,
    quorum: round.decision?.mode === 'council' ? round.decision.quorum : 2,
    criteria: (round.decision?.criteria ?? []).map((c) => `${c.name.vi} | ${c.name.en}`).join('\n'),
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
