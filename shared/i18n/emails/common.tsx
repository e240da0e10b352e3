import type { ComponentChildren } from 'preact';
import { defineMessages } from '../catalog.ts';

/**
 * Words every email shares. An email's own words are in the module of its area (`intake.tsx`, `rounds.tsx`…):
 * a subject entry and a body entry, each a function of the email's words — one parameter object, the same
 * for both languages, whose language-dependent values (a round's name, a checklist title, a link with
 * `lang=en`) are `Text` pairs that each language picks from.
 */
export const commonEmails = /* @__PURE__ */ defineMessages({
  network: { vi: 'Mạng lưới Không gian Sáng tạo Hà Nội', en: 'Hanoi Creative Space Network' },
});

/** A link that shows its own address, so the plain-text part prints it once. */
export const Link = ({ href }: { href: string }) => <a href={href}>{href}</a>;

/**
 * The email's action as a button: a link styled inline (mail clients drop `<style>` blocks and never run
 * scripts), wide enough to tap on a phone and never wider than the screen. White on the network's red is
 * 9:1 contrast. The plain-text part reads "words [url]".
 */
export const Button = ({ href, children }: { href: string; children: ComponentChildren }) => (
  <p style="margin:20px 0">
    <a
      href={href}
      style="display:inline-block; max-width:100%; box-sizing:border-box; padding:12px 20px; border-radius:6px; background:#8a1c1c; color:#ffffff; font-weight:bold; text-decoration:none; word-break:break-word"
    >
      {children}
    </a>
  </p>
);
