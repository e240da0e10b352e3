import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { Round } from '../domain/round.ts';
import { deadlineOf } from '../domain/round.ts';
import { formatIct } from '../domain/time.ts';
import { bilingualEmail } from './email-layout.tsx';

/** Giấy tiếp nhận hồ sơ: the receipt with the dossier code, what was received and the lookup link. */
export function receiptEmail(d: Dossier, round: Round, lookupUrl: string): OutgoingEmail {
  const docs = Object.values(d.documents).sort(
    (a, b) => a.slot.localeCompare(b.slot) || a.name.localeCompare(b.name),
  );
  const slotTitle = (slot: string, lang: 'vi' | 'en') =>
    round.checklist.find((s) => s.slot === slot)?.title[lang] ?? slot;
  const when = formatIct(d.submittedAt!);
  const name = d.form.space.nameVi;
  const list = (lang: 'vi' | 'en') => (
    <ul>
      {docs.map((doc) => (
        <li>
          {slotTitle(doc.slot, lang)}: {doc.name} ({Math.ceil((doc.verifiedSize ?? doc.declaredSize) / 1024)}{' '}
          KB)
        </li>
      ))}
    </ul>
  );
  const textList = (lang: 'vi' | 'en') =>
    docs.map((doc) => `- ${slotTitle(doc.slot, lang)}: ${doc.name}`).join('\n');
  return bilingualEmail({
    to: [d.form.representative.email],
    subject: { vi: `Giấy tiếp nhận hồ sơ ${d.code}`, en: `Dossier received: ${d.code}` },
    headers: { 'X-Dossier-Code': d.code!, 'X-Email-Purpose': 'receipt' },
    vi: (
      <>
        <h1 style="font-size:20px">Giấy tiếp nhận hồ sơ</h1>
        <p>
          Trung tâm Điều phối các hoạt động sáng tạo đã tiếp nhận hồ sơ đăng ký tham gia {round.name.vi} của
          không gian <strong>{name}</strong> lúc {when} (giờ Hà Nội).
        </p>
        <p>
          Mã hồ sơ: <strong style="font-size:18px">{d.code}</strong>
        </p>
        <p>Tài liệu đã nhận:</p>
        {list('vi')}
        <p>
          Tra cứu tình trạng hồ sơ bằng mã hồ sơ và email này tại: <a href={lookupUrl}>{lookupUrl}</a>
        </p>
      </>
    ),
    en: (
      <>
        <p>
          The Creative Activities Coordination Centre received the application of <strong>{name}</strong> to
          the {round.name.en} at {when} (Hanoi time). Dossier code: <strong>{d.code}</strong>.
        </p>
        <p>Documents received:</p>
        {list('en')}
        <p>
          Check its status with the code and this email address at{' '}
          <a href={`${lookupUrl}?lang=en`}>{`${lookupUrl}?lang=en`}</a>
        </p>
      </>
    ),
    text: {
      vi: `Giấy tiếp nhận hồ sơ\n\nĐã tiếp nhận hồ sơ của không gian ${name} lúc ${when} (giờ Hà Nội).\nMã hồ sơ: ${d.code}\n\nTài liệu đã nhận:\n${textList('vi')}\n\nTra cứu: ${lookupUrl}`,
      en: `Dossier received\n\n${name}, ${when} (Hanoi time). Dossier code: ${d.code}\n\nDocuments:\n${textList('en')}\n\nStatus: ${lookupUrl}?lang=en`,
    },
  });
}

/** The resume link of a draft (Lưu và tiếp tục sau). */
export function resumeEmail(d: Dossier, round: Round, resumeUrl: string): OutgoingEmail {
  const deadline = formatIct(deadlineOf(round));
  const name = d.form.space.nameVi;
  return bilingualEmail({
    to: [d.form.representative.email],
    subject: { vi: `Tiếp tục hoàn thiện hồ sơ: ${name}`, en: `Continue your application: ${name}` },
    headers: { 'X-Email-Purpose': 'resume' },
    vi: (
      <>
        <p>
          Hồ sơ nháp của không gian <strong>{name}</strong> đã được lưu. Để tiếp tục hoàn thiện và nộp hồ sơ,
          hãy mở đường dẫn sau (dùng được một lần):
        </p>
        <p>
          <a href={resumeUrl}>{resumeUrl}</a>
        </p>
        <p>Hạn nộp hồ sơ: {deadline} (giờ Hà Nội).</p>
      </>
    ),
    en: (
      <>
        <p>
          The draft application of <strong>{name}</strong> is saved. To continue and submit it, open this link
          (it works once): <a href={resumeUrl}>{resumeUrl}</a>
        </p>
        <p>Deadline: {deadline} (Hanoi time).</p>
      </>
    ),
    text: {
      vi: `Hồ sơ nháp của không gian ${name} đã được lưu.\nTiếp tục tại (dùng một lần): ${resumeUrl}\nHạn nộp: ${deadline} (giờ Hà Nội).`,
      en: `Draft of ${name} saved.\nContinue (works once): ${resumeUrl}\nDeadline: ${deadline} (Hanoi time).`,
    },
  });
}
