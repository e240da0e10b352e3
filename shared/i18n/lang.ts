/** Vietnamese first; English is the second language, chosen with `?lang=en`. */
export type Lang = 'vi' | 'en';
export type Text = { readonly vi: string; readonly en: string };

export const t = (text: Text, lang: Lang): string => text[lang];

/** `?lang=en` wins; otherwise the `lang` cookie; otherwise Vietnamese. */
export function pickLang(
  query: Record<string, string | undefined> | undefined,
  cookies?: readonly string[],
): Lang {
  const q = query?.lang;
  if (q === 'en' || q === 'vi') return q;
  const c = cookies?.find((x) => x.startsWith('lang='))?.slice(5);
  return c === 'en' ? 'en' : 'vi';
}
