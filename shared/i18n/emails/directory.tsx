import { defineMessages } from '../catalog.ts';
import { Button } from './common.tsx';

export interface ProfileLinkWords {
  readonly space: string;
  readonly editUrl: { readonly vi: string; readonly en: string };
  /** Until when the link works, Hanoi time. */
  readonly until: string;
}

export const directoryEmails = /* @__PURE__ */ defineMessages({
  profileLinkSubject: {
    vi: (p: ProfileLinkWords) => `Liên kết chỉnh sửa trang thành viên: ${p.space}`,
    en: (p: ProfileLinkWords) => `Link to edit your member page: ${p.space}`,
  },
  profileLink: {
    vi: (p: ProfileLinkWords) => (
      <>
        <p>
          Bạn (hoặc ai đó dùng địa chỉ này) đã yêu cầu chỉnh sửa trang thành viên của{' '}
          <strong>{p.space}</strong> trong danh sách Mạng lưới.
        </p>
        <Button href={p.editUrl.vi}>Chỉnh sửa trang thành viên</Button>
        <p>Liên kết dùng được tới {p.until} (giờ Hà Nội). Nếu bạn không yêu cầu, hãy bỏ qua email này.</p>
      </>
    ),
    en: (p: ProfileLinkWords) => (
      <>
        <p>
          You (or someone using this address) asked to edit the member page of <strong>{p.space}</strong> in
          the Network’s directory.
        </p>
        <Button href={p.editUrl.en}>Edit the member page</Button>
        <p>The link works until {p.until} (Hanoi time). If you did not ask, ignore this email.</p>
      </>
    ),
  },
});
