import type { BrowserWord } from '../i18n/messages/browser.ts';

/** The page's browser words (the catalog's, in its language), written into `#words` by layout.tsx. */
let words: Record<string, string> | undefined;

/** A browser word of the page, `{name}` placeholders filled in; the key itself if the page lacks it. */
export function w(key: BrowserWord, values: Record<string, string | number> = {}): string {
  words ??= JSON.parse(document.getElementById('words')?.textContent || '{}') as Record<string, string>;
  return (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** `?lang=en` on an English page (the API answers in the page's language), nothing on a Vietnamese one. */
export const langQuery = (): string => (document.documentElement.lang === 'en' ? '?lang=en' : '');

/** A page's JSON data block (`<script type="application/json" id=…>`), or undefined when the page has none. */
export function pageData<T>(id: string): T | undefined {
  const el = document.getElementById(id);
  return el ? (JSON.parse(el.textContent || '{}') as T) : undefined;
}
