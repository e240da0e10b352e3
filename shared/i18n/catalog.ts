import type { Lang } from './lang.ts';

/**
 * The message catalog's one rule: every entry has its Vietnamese and its English, of the same type — words,
 * or a function of the entry's parameters (numbers, names, dates already formatted) returning words or markup.
 * An entry without `en` (or whose `en` takes other parameters) fails the type check.
 *
 * The catalog is split by where the words are read (`shared/i18n/messages/<area>.ts`, emails in
 * `shared/i18n/emails/`), each module one `defineMessages({...})`.
 */
export type Bilingual<T> = { readonly vi: T; readonly en: T };

// biome-ignore lint/suspicious/noExplicitAny: parameters differ per entry; both languages must share them.
type Entry = Bilingual<string> | Bilingual<(...args: any[]) => unknown>;

/**
 * Declares one catalog module; the `const` keeps each entry's exact shape for the type check. Each call
 * is marked with a `@__PURE__` comment where it is made: esbuild then leaves out of a function's bundle
 * every entry group that function never reads (it honours the mark only at the call, not on a declaration
 * in another file), so a cold start parses the words it may show, not the whole catalog (issue 15).
 */
export const defineMessages = <const M extends Record<string, Entry>>(messages: M): M => messages;

/** The words of one entry in one language, with its parameters. */
export function say<P extends unknown[], R>(entry: Bilingual<(...args: P) => R>, lang: Lang, ...args: P): R;
export function say(entry: Bilingual<string>, lang: Lang): string;
export function say(entry: Entry, lang: Lang, ...args: unknown[]): unknown {
  const value = entry[lang];
  return typeof value === 'function' ? value(...args) : value;
}

/** One language's words of a whole catalog module (strings only), e.g. for a browser script's data. */
export const wordsOf = <M extends Record<string, Entry>>(messages: M, lang: Lang) =>
  Object.fromEntries(
    Object.entries(messages).flatMap(([k, v]) => (typeof v[lang] === 'string' ? [[k, v[lang]]] : [])),
  ) as { [K in keyof M as M[K] extends Bilingual<string> ? K : never]: string };

/** Both languages of a parametrised entry, for words whose language is picked later (errors of use-cases). */
export const textOf = <P extends unknown[]>(
  entry: Bilingual<(...args: P) => string>,
  ...args: P
): { readonly vi: string; readonly en: string } => ({ vi: entry.vi(...args), en: entry.en(...args) });
