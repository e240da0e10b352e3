import { defineMessages } from '../catalog.ts';

/**
 * Words every email shares. An email's own words are in the module of its area (`intake.tsx`, `rounds.tsx`…):
 * a subject entry and a body entry, each a function of the email's words — one parameter object, the same
 * for both languages, whose language-dependent values (a round's name, a checklist title, a link with
 * `lang=en`) are `Text` pairs that each language picks from.
 */
export const commonEmails = defineMessages({
  network: { vi: 'Mạng lưới Không gian Sáng tạo Hà Nội', en: 'Hanoi Creative Space Network' },
});

/** A link that shows its own address, so the plain-text part prints it once. */
export const Link = ({ href }: { href: string }) => <a href={href}>{href}</a>;
