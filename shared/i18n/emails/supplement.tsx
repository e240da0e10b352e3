import { defineMessages } from '../catalog.ts';
import type { Text } from '../lang.ts';
import { Button } from './common.tsx';

export interface SupplementWords {
  readonly code: string;
  readonly space: string;
  /** The requested items as people name them (checklist titles, form field labels). */
  readonly items: readonly Text[];
  readonly comment: string;
  /** The due date, Hanoi time. */
  readonly due: string;
  readonly url: string;
}

export const supplementEmails = /* @__PURE__ */ defineMessages({
  requestSubject: {
    vi: (p: SupplementWords) => `Yêu cầu bổ sung hồ sơ ${p.code}`,
    en: (p: SupplementWords) => `Supplement requested: ${p.code}`,
  },
  request: {
    vi: (p: SupplementWords) => (
      <>
        <p>
          Hồ sơ <strong>{p.code}</strong> của không gian <strong>{p.space}</strong> cần bổ sung các nội dung
          sau:
        </p>
        <ul>
          {p.items.map((i) => (
            <li>{i.vi}</li>
          ))}
        </ul>
        <p>
          Ý kiến của cán bộ thẩm định: <em>{p.comment}</em>
        </p>
        <p>
          Hạn bổ sung: <strong>{p.due}</strong> (giờ Hà Nội). Sau thời hạn này hồ sơ sẽ được đóng do chưa đủ.
        </p>
        <Button href={p.url}>Bổ sung hồ sơ</Button>
        <p>Đường dẫn mở lại được nhiều lần cho tới hạn bổ sung.</p>
      </>
    ),
    en: (p: SupplementWords) => (
      <>
        <p>
          Dossier <strong>{p.code}</strong> needs: {p.items.map((i) => i.en).join('; ')}. Reviewer’s comment:{' '}
          <em>{p.comment}</em>. Due by {p.due} (Hanoi time), after which the dossier is closed as incomplete.
        </p>
        <Button href={p.url}>Supplement the dossier</Button>
        <p>The link opens again until the due date.</p>
      </>
    ),
  },
});
