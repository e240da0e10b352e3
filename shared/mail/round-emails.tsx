import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import type { Dossier } from '../domain/dossier.ts';
import type { Round } from '../domain/round.ts';
import { deadlineOf } from '../domain/round.ts';
import { formatIct, fromIctLocal } from '../domain/time.ts';
import type { Text } from '../i18n/lang.ts';
import { bilingualEmail } from './email-layout.tsx';

/** The ceremony's programme, printed in the invitation and the calendar event. */
export const CEREMONY_PROGRAMME: readonly { time: string; item: Text }[] = [
  { time: '+0:00', item: { vi: 'Đón tiếp đại biểu', en: 'Welcome of guests' } },
  { time: '+0:30', item: { vi: 'Phát biểu khai mạc', en: 'Opening remarks' } },
  {
    time: '+0:45',
    item: { vi: 'Trao giấy chứng nhận thành viên', en: 'Presentation of membership certificates' },
  },
  {
    time: '+1:30',
    item: { vi: 'Giao lưu giữa các không gian sáng tạo', en: 'Networking between the spaces' },
  },
];

/** The programme with clock times in Hanoi, from the ceremony's start. */
export function programmeLines(round: Round, lang: 'vi' | 'en'): string[] {
  const start = fromIctLocal(round.ceremony.at).getTime();
  return CEREMONY_PROGRAMME.map(({ time, item }) => {
    const [h, m] = time.slice(1).split(':').map(Number) as [number, number];
    return `${formatIct(start + (h * 60 + m) * 60_000).slice(11)} ${item[lang]}`;
  });
}

/** Reminder to a draft not yet submitted: days left, the deadline and a fresh resume link. */
export function deadlineReminderEmail(
  d: Dossier,
  round: Round,
  resumeUrl: string,
  daysLeft: number,
): OutgoingEmail {
  const deadline = formatIct(deadlineOf(round));
  const name = d.form.space.nameVi;
  return bilingualEmail({
    to: [d.form.representative.email],
    subject: {
      vi: `Còn ${daysLeft} ngày để nộp hồ sơ: ${name}`,
      en: `${daysLeft} day(s) left to submit: ${name}`,
    },
    headers: { 'X-Email-Purpose': 'deadline-reminder', 'X-Dossier-Id': d.id },
    vi: (
      <>
        <p>
          Hồ sơ của không gian <strong>{name}</strong> vẫn là bản nháp và chưa được nộp. Còn{' '}
          <strong>{daysLeft} ngày</strong> đến hạn nộp hồ sơ: <strong>{deadline}</strong> (giờ Hà Nội).
        </p>
        <p>
          Tiếp tục hoàn thiện hồ sơ (đường dẫn dùng được một lần): <a href={resumeUrl}>{resumeUrl}</a>
        </p>
      </>
    ),
    en: (
      <>
        <p>
          The application of <strong>{name}</strong> is still a draft. {daysLeft} day(s) left until the
          deadline: <strong>{deadline}</strong> (Hanoi time).
        </p>
        <p>
          Continue (the link works once): <a href={resumeUrl}>{resumeUrl}</a>
        </p>
      </>
    ),
    text: {
      vi: `Hồ sơ của không gian ${name} chưa được nộp. Còn ${daysLeft} ngày đến hạn nộp: ${deadline} (giờ Hà Nội).\nTiếp tục (dùng một lần): ${resumeUrl}`,
      en: `The application of ${name} is still a draft. ${daysLeft} day(s) left; deadline ${deadline} (Hanoi time).\nContinue (works once): ${resumeUrl}`,
    },
  });
}

export interface RoundSummary {
  readonly byStatus: readonly { label: Text; count: number }[];
  readonly byField: readonly { label: Text; count: number }[];
  readonly byWard: readonly { label: string; count: number }[];
  readonly expiredDrafts: number;
}

/** The coordinators' summary when a round closes: counts by status, creative field and ward, the CSV link. */
export function closingSummaryEmail(
  to: readonly string[],
  round: Round,
  summary: RoundSummary,
  csvUrl: string,
  closedAt: Date,
): OutgoingEmail {
  const table = (rows: readonly { label: string; count: number }[]) => (
    <table style="border-collapse:collapse">
      {rows.map((r) => (
        <tr>
          <td style="padding:2px 12px 2px 0">{r.label}</td>
          <td style="text-align:right">{r.count}</td>
        </tr>
      ))}
    </table>
  );
  const rows = (lang: 'vi' | 'en') => ({
    status: summary.byStatus.map((r) => ({ label: r.label[lang], count: r.count })),
    field: summary.byField.map((r) => ({ label: r.label[lang], count: r.count })),
    ward: summary.byWard,
  });
  const lines = (list: readonly { label: string; count: number }[]) =>
    list.map((r) => `- ${r.label}: ${r.count}`).join('\n');
  const when = formatIct(closedAt);
  const body = (lang: 'vi' | 'en') => {
    const r = rows(lang);
    const h =
      lang === 'vi'
        ? ['Theo tình trạng', 'Theo lĩnh vực sáng tạo', 'Theo phường/xã']
        : ['By status', 'By creative field', 'By ward'];
    return (
      <>
        <p>
          {lang === 'vi'
            ? `${round.name.vi} đã đóng lúc ${when} (giờ Hà Nội). ${summary.expiredDrafts} bản nháp chưa nộp đã hết hạn.`
            : `The ${round.name.en} closed at ${when} (Hanoi time). ${summary.expiredDrafts} unsubmitted draft(s) expired.`}
        </p>
        <h3>{h[0]}</h3>
        {table(r.status)}
        <h3>{h[1]}</h3>
        {table(r.field)}
        <h3>{h[2]}</h3>
        {table(r.ward)}
        <p>
          {lang === 'vi' ? 'Tải danh sách (CSV): ' : 'Download the list (CSV): '}
          <a href={csvUrl}>{csvUrl}</a>
        </p>
      </>
    );
  };
  const text = (lang: 'vi' | 'en') => {
    const r = rows(lang);
    return lang === 'vi'
      ? `${round.name.vi} đã đóng lúc ${when}. Bản nháp hết hạn: ${summary.expiredDrafts}\n\nTheo tình trạng:\n${lines(r.status)}\n\nTheo lĩnh vực:\n${lines(r.field)}\n\nTheo phường/xã:\n${lines(r.ward)}\n\nCSV: ${csvUrl}`
      : `The ${round.name.en} closed at ${when}. Expired drafts: ${summary.expiredDrafts}\n\nBy status:\n${lines(r.status)}\n\nBy creative field:\n${lines(r.field)}\n\nBy ward:\n${lines(r.ward)}\n\nCSV: ${csvUrl}`;
  };
  return bilingualEmail({
    to,
    subject: { vi: `Tổng hợp khi đóng ${round.name.vi}`, en: `Summary: ${round.name.en} closed` },
    headers: { 'X-Email-Purpose': 'closing-summary', 'X-Round-Id': round.id },
    vi: body('vi'),
    en: body('en'),
    text: { vi: text('vi'), en: text('en') },
  });
}

/** The ceremony invitation with its .ics and the RSVP link. */
export function invitationEmail(input: {
  d: Dossier;
  round: Round;
  rsvpUrl: string;
  rsvpCutoff: Date;
  ics: string;
  sequence: number;
}): OutgoingEmail {
  const { d, round, rsvpUrl } = input;
  const at = formatIct(fromIctLocal(round.ceremony.at));
  const cutoff = formatIct(input.rsvpCutoff);
  const name = d.form.space.nameVi;
  const person = d.form.representative.fullName;
  const update = input.sequence > 0;
  const body = (lang: 'vi' | 'en') => (
    <>
      <p>{lang === 'vi' ? `Kính gửi ${person} (${name}),` : `Dear ${person} (${name}),`}</p>
      <p>
        {lang === 'vi'
          ? `${update ? 'Thông tin lễ đã thay đổi. ' : ''}Trân trọng kính mời quý vị tham dự Lễ trao giấy chứng nhận thành viên ${round.name.vi}.`
          : `${update ? 'The ceremony details have changed. ' : ''}You are invited to the membership certificate ceremony of the ${round.name.en}.`}
      </p>
      <p>
        <strong>{lang === 'vi' ? 'Thời gian: ' : 'When: '}</strong>
        {at} {lang === 'vi' ? '(giờ Hà Nội)' : '(Hanoi time, ICT)'}
        <br />
        <strong>{lang === 'vi' ? 'Địa điểm: ' : 'Where: '}</strong>
        {round.ceremony.venue[lang]}
      </p>
      <p>
        <strong>{lang === 'vi' ? 'Chương trình' : 'Programme'}</strong>
      </p>
      <ul>
        {programmeLines(round, lang).map((l) => (
          <li>{l}</li>
        ))}
      </ul>
      <p>
        {lang === 'vi' ? `Vui lòng xác nhận tham dự trước ${cutoff}: ` : `Please reply before ${cutoff}: `}
        <a href={lang === 'vi' ? rsvpUrl : `${rsvpUrl}&lang=en`}>
          {lang === 'vi' ? rsvpUrl : `${rsvpUrl}&lang=en`}
        </a>
      </p>
    </>
  );
  const text = (lang: 'vi' | 'en') =>
    lang === 'vi'
      ? `Kính gửi ${person} (${name}),\nTrân trọng kính mời quý vị tham dự Lễ trao giấy chứng nhận thành viên ${round.name.vi}.\nThời gian: ${at} (giờ Hà Nội)\nĐịa điểm: ${round.ceremony.venue.vi}\nChương trình:\n${programmeLines(round, 'vi').join('\n')}\n\nXác nhận tham dự trước ${cutoff}: ${rsvpUrl}`
      : `Dear ${person} (${name}),\nYou are invited to the membership certificate ceremony of the ${round.name.en}.\nWhen: ${at} (Hanoi time, ICT)\nWhere: ${round.ceremony.venue.en}\nProgramme:\n${programmeLines(round, 'en').join('\n')}\n\nPlease reply before ${cutoff}: ${rsvpUrl}&lang=en`;
  return bilingualEmail({
    to: [d.form.representative.email],
    subject: {
      vi: `${update ? 'Cập nhật: ' : ''}Thư mời dự Lễ trao giấy chứng nhận thành viên`,
      en: `${update ? 'Updated: ' : ''}Invitation to the membership ceremony`,
    },
    headers: { 'X-Email-Purpose': 'invitation', 'X-Dossier-Id': d.id },
    vi: body('vi'),
    en: body('en'),
    text: { vi: text('vi'), en: text('en') },
    attachments: [
      {
        filename: 'invitation.ics',
        content: input.ics,
        contentType: 'text/calendar; charset=UTF-8; method=REQUEST',
      },
    ],
  });
}

/** The personal check-in pass after accepting: a QR code of the check-in URL. */
export function checkInPassEmail(input: {
  d: Dossier;
  round: Round;
  checkInUrl: string;
  qrPng: Uint8Array;
  guests: readonly string[];
}): OutgoingEmail {
  const { d, round } = input;
  const at = formatIct(fromIctLocal(round.ceremony.at));
  const person = d.form.representative.fullName;
  const guests = input.guests.length ? input.guests.join(', ') : '—';
  return bilingualEmail({
    to: [d.form.representative.email],
    subject: { vi: 'Thẻ check-in dự lễ trao giấy chứng nhận', en: 'Your ceremony check-in pass' },
    headers: { 'X-Email-Purpose': 'check-in-pass', 'X-Dossier-Id': d.id },
    vi: (
      <>
        <p>
          Cảm ơn {person} đã xác nhận tham dự lễ lúc {at} tại {round.ceremony.venue.vi}. Vui lòng xuất trình
          mã QR đính kèm (pass.png) tại bàn đón tiếp. Khách đi cùng: {guests}.
        </p>
      </>
    ),
    en: (
      <>
        <p>
          Thank you, {person}, for accepting. The ceremony is at {at} (Hanoi time), {round.ceremony.venue.en}.
          Show the attached QR code (pass.png) at the welcome desk. Guests: {guests}.
        </p>
      </>
    ),
    text: {
      vi: `Cảm ơn ${person} đã xác nhận tham dự lễ lúc ${at} tại ${round.ceremony.venue.vi}. Xuất trình mã QR đính kèm tại bàn đón tiếp. Khách đi cùng: ${guests}.`,
      en: `Thank you, ${person}. Ceremony: ${at} (Hanoi time), ${round.ceremony.venue.en}. Show the attached QR code at the desk. Guests: ${guests}.`,
    },
    attachments: [{ filename: 'pass.png', content: input.qrPng, contentType: 'image/png' }],
  });
}

/** To an applicant whose draft is not yet submitted: the deadline was extended (with a fresh resume link). */
export function deadlineExtendedEmail(d: Dossier, round: Round, resumeUrl: string): OutgoingEmail {
  const deadline = formatIct(deadlineOf(round));
  const name = d.form.space.nameVi;
  return bilingualEmail({
    to: [d.form.representative.email],
    subject: {
      vi: `Gia hạn nộp hồ sơ đến ${deadline.slice(0, 10)}: ${name}`,
      en: `Deadline extended to ${deadline.slice(0, 10)}: ${name}`,
    },
    headers: { 'X-Email-Purpose': 'deadline-extended', 'X-Dossier-Id': d.id },
    vi: (
      <>
        <p>
          Hạn nộp hồ sơ của {round.name.vi} đã được gia hạn đến <strong>{deadline}</strong> (giờ Hà Nội). Hồ
          sơ của không gian <strong>{name}</strong> vẫn là bản nháp và chưa được nộp.
        </p>
        <p>
          Tiếp tục hoàn thiện hồ sơ (đường dẫn dùng được một lần): <a href={resumeUrl}>{resumeUrl}</a>
        </p>
      </>
    ),
    en: (
      <>
        <p>
          The deadline of the {round.name.en} has been extended to <strong>{deadline}</strong> (Hanoi time).
          The application of <strong>{name}</strong> is still a draft.
        </p>
        <p>
          Continue (the link works once): <a href={resumeUrl}>{resumeUrl}</a>
        </p>
      </>
    ),
    text: {
      vi: `Hạn nộp hồ sơ của ${round.name.vi} đã được gia hạn đến ${deadline} (giờ Hà Nội). Hồ sơ của không gian ${name} chưa được nộp.\nTiếp tục (dùng một lần): ${resumeUrl}`,
      en: `The deadline of the ${round.name.en} has been extended to ${deadline} (Hanoi time). The application of ${name} is still a draft.\nContinue (works once): ${resumeUrl}`,
    },
  });
}
