import { defineMessages } from '../catalog.ts';
import type { Text } from '../lang.ts';
import { Button } from './common.tsx';

/** One dossier as the digest lists it. */
export interface DigestEntry {
  readonly code: string;
  readonly space: string;
  readonly recommendedBy: string;
  /** When it started waiting, Hanoi time, formatted. */
  readonly since: string;
  /** Whole days it has waited (0 on the day it was recommended). */
  readonly days: number;
}

export interface SignOffDigestWords {
  readonly name: string;
  readonly entries: readonly DigestEntry[];
  /** The Director's sign-off page (`lang=en` in the English part). */
  readonly url: Text;
  /** The day the link stops working, Hanoi time, formatted. */
  readonly expires: string;
}

/** How long a dossier has waited, after its date (nothing on its first day). */
const digestWords = /* @__PURE__ */ defineMessages({
  waited: {
    vi: (days: number) => (days > 0 ? ` · đã chờ ${days} ngày` : ''),
    en: (days: number) => (days > 0 ? ` · waiting ${days} day(s)` : ''),
  },
});

/** The Director's daily digest: what awaits sign-off, and the one link to sign them. */
export const signOffEmails = /* @__PURE__ */ defineMessages({
  digestSubject: {
    vi: (p: SignOffDigestWords) => `${p.entries.length} hồ sơ chờ Giám đốc phê duyệt`,
    en: (p: SignOffDigestWords) => `${p.entries.length} dossier(s) awaiting your sign-off`,
  },
  digest: {
    vi: (p: SignOffDigestWords) => (
      <>
        <p>Kính gửi {p.name},</p>
        <p>
          Các hồ sơ sau đã được thẩm định và đề nghị công nhận thành viên Mạng lưới, đang chờ Giám đốc phê
          duyệt:
        </p>
        <ul>
          {p.entries.map((e) => (
            <li>
              <strong>{e.code}</strong> · {e.space} · đề nghị bởi {e.recommendedBy} · chờ từ {e.since}
              {digestWords.waited.vi(e.days)}
            </li>
          ))}
        </ul>
        <Button href={p.url.vi}>Mở trang phê duyệt</Button>
        <p>
          Trên trang này, bạn có thể phê duyệt nhiều hồ sơ cùng lúc hoặc trả lại hồ sơ để thẩm định lại kèm ý
          kiến. Đường dẫn dành riêng cho bạn, dùng được một lần, đến hết {p.expires}.
        </p>
      </>
    ),
    en: (p: SignOffDigestWords) => (
      <>
        <p>Dear {p.name},</p>
        <p>These dossiers were reviewed and recommended for Network membership, and await your sign-off:</p>
        <ul>
          {p.entries.map((e) => (
            <li>
              <strong>{e.code}</strong> · {e.space} · recommended by {e.recommendedBy} · since {e.since}
              {digestWords.waited.en(e.days)}
            </li>
          ))}
        </ul>
        <Button href={p.url.en}>Open the sign-off page</Button>
        <p>
          There you can sign off several at once, or send one back to review with a comment. The link is yours
          alone, works once, and until {p.expires}.
        </p>
      </>
    ),
  },
});
