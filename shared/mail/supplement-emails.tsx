import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import { FIELD_LABELS } from '../domain/application-schema.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { Round } from '../domain/round.ts';
import { formatIct } from '../domain/time.ts';
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
  const due = formatIct(s.dueAt);
  const items = (lang: Lang) => s.items.map((i) => supplementItemLabel(i, round, lang));
  return bilingualEmail({
    to: [d.form.representative.email],
    subject: { vi: `Yêu cầu bổ sung hồ sơ ${d.code}`, en: `Supplement requested: ${d.code}` },
    headers: { 'X-Dossier-Code': d.code ?? '', 'X-Email-Purpose': 'supplement' },
    vi: (
      <>
        <p>
          Hồ sơ <strong>{d.code}</strong> của không gian <strong>{d.form.space.nameVi}</strong> cần bổ sung
          các nội dung sau:
        </p>
        <ul>
          {items('vi').map((i) => (
            <li>{i}</li>
          ))}
        </ul>
        <p>
          Ý kiến của cán bộ thẩm định: <em>{s.comment}</em>
        </p>
        <p>
          Hạn bổ sung: <strong>{due}</strong> (giờ Hà Nội). Sau thời hạn này hồ sơ sẽ được đóng do chưa đủ.
        </p>
        <p>
          Bổ sung hồ sơ tại (dùng một lần): <a href={url}>{url}</a>
        </p>
      </>
    ),
    en: (
      <>
        <p>
          Dossier <strong>{d.code}</strong> needs: {items('en').join('; ')}. Reviewer’s comment:{' '}
          <em>{s.comment}</em>. Due by {due} (Hanoi time), after which the dossier is closed as incomplete.
          Supplement it here (works once): <a href={url}>{url}</a>
        </p>
      </>
    ),
    text: {
      vi: `Hồ sơ ${d.code} cần bổ sung:\n${items('vi')
        .map((i) => `- ${i}`)
        .join(
          '\n',
        )}\nÝ kiến: ${s.comment}\nHạn bổ sung: ${due} (giờ Hà Nội)\nBổ sung tại (dùng một lần): ${url}`,
      en: `Dossier ${d.code} needs: ${items('en').join('; ')}\nComment: ${s.comment}\nDue: ${due} (Hanoi time)\nLink (works once): ${url}`,
    },
  });
}
