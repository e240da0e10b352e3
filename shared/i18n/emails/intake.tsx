import { defineMessages } from '../catalog.ts';
import type { Lang, Text } from '../lang.ts';
import { Button, Link } from './common.tsx';

export interface ReceiptWords {
  readonly code: string;
  readonly space: string;
  readonly round: Text;
  /** When it was submitted, Hanoi time. */
  readonly submittedAt: string;
  /** Each document received, under its checklist item's title. */
  readonly documents: readonly { readonly item: Text; readonly name: string; readonly kb: number }[];
  readonly lookupUrl: Text;
}

export interface ResumeWords {
  readonly space: string;
  readonly resumeUrl: string;
  /** The round's deadline, Hanoi time. */
  readonly deadline: string;
}

const documentList = (p: ReceiptWords, lang: Lang) => (
  <ul>
    {p.documents.map((doc) => (
      <li>
        {doc.item[lang]}: {doc.name} ({doc.kb} KB)
      </li>
    ))}
  </ul>
);

export const intakeEmails = /* @__PURE__ */ defineMessages({
  receiptSubject: {
    vi: (p: ReceiptWords) => `Giấy tiếp nhận hồ sơ ${p.code}`,
    en: (p: ReceiptWords) => `Dossier received: ${p.code}`,
  },
  receipt: {
    vi: (p: ReceiptWords) => (
      <>
        <h1 style="font-size:20px">Giấy tiếp nhận hồ sơ</h1>
        <p>
          Trung tâm Điều phối các hoạt động sáng tạo đã tiếp nhận hồ sơ đăng ký tham gia {p.round.vi} của
          không gian <strong>{p.space}</strong> lúc {p.submittedAt} (giờ Hà Nội).
        </p>
        <p>
          Mã hồ sơ: <strong style="font-size:18px">{p.code}</strong>
        </p>
        <p>Tài liệu đã nhận:</p>
        {documentList(p, 'vi')}
        <p>
          Tra cứu tình trạng hồ sơ bằng mã hồ sơ và email này tại: <Link href={p.lookupUrl.vi} />
        </p>
      </>
    ),
    en: (p: ReceiptWords) => (
      <>
        <p>
          The Creative Activities Coordination Centre received the application of <strong>{p.space}</strong>{' '}
          to the {p.round.en} at {p.submittedAt} (Hanoi time). Dossier code: <strong>{p.code}</strong>.
        </p>
        <p>Documents received:</p>
        {documentList(p, 'en')}
        <p>
          Check its status with the code and this email address at <Link href={p.lookupUrl.en} />
        </p>
      </>
    ),
  },
  resumeSubject: {
    vi: (p: ResumeWords) => `Tiếp tục hoàn thiện hồ sơ: ${p.space}`,
    en: (p: ResumeWords) => `Continue your application: ${p.space}`,
  },
  resume: {
    vi: (p: ResumeWords) => (
      <>
        <p>
          Hồ sơ nháp của không gian <strong>{p.space}</strong> đã được lưu. Để tiếp tục hoàn thiện và nộp hồ
          sơ, hãy bấm nút sau (đường dẫn dùng được một lần):
        </p>
        <Button href={p.resumeUrl}>Tiếp tục hoàn thiện hồ sơ</Button>
        <p>Hạn nộp hồ sơ: {p.deadline} (giờ Hà Nội).</p>
      </>
    ),
    en: (p: ResumeWords) => (
      <>
        <p>
          The draft application of <strong>{p.space}</strong> is saved. To continue and submit it, use this
          button (the link works once):
        </p>
        <Button href={p.resumeUrl}>Continue the application</Button>
        <p>Deadline: {p.deadline} (Hanoi time).</p>
      </>
    ),
  },
});
