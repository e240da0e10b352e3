import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import { FIELD_LABELS } from '../domain/form-labels.ts';
import type { Round } from '../domain/round.ts';
import { formatIct } from '../domain/time.ts';
import { supplementEmails } from '../i18n/emails/supplement.tsx';
import type { Lang } from '../i18n/lang.ts';
import { bilingualEmail } from './email-layout.tsx';

/** A requested item as people name it: a checklist item's title or a form field's label. */
export function supplementItemLabel(
  item: string,
  round: Pick<Round, 'checklist'> | undefined,
  lang: Lang,
): string {
  if (item.startsWith('documents.')) {
    const slot = item.slice('documents.'.length);
    return round?.checklist.find((s) => s.slot === slot)?.title[lang] ?? slot;
  }
  return FIELD_LABELS[item]?.[lang] ?? item;
}

/** Yêu cầu bổ sung hồ sơ: the requested items, the reviewer's comment, the due date and the link. */
export function supplementRequestEmail(d: Dossier, round: Round | undefined, url: string): OutgoingEmail {
  const s = d.supplement!;
  return bilingualEmail({
    to: [d.form.representative.email],
    headers: { 'X-Dossier-Code': d.code ?? '', 'X-Email-Purpose': 'supplement' },
    subject: supplementEmails.requestSubject,
    body: supplementEmails.request,
    words: {
      code: d.code ?? '',
      space: d.form.space.nameVi,
      items: s.items.map((i) => ({
        vi: supplementItemLabel(i, round, 'vi'),
        en: supplementItemLabel(i, round, 'en'),
      })),
      comment: s.comment,
      due: formatIct(s.dueAt),
      url,
    },
  });
}
