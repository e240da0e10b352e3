import { z } from 'zod';

/** Search key: lower case, diacritics folded, đ→d, spaces collapsed ("Văn Miếu" → "van mieu"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** NFC, trimmed, inner whitespace collapsed: how every name is stored. */
export const cleanText = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------------
// What typed text may hold. One rule for every text field (application, round settings, staff, review
// comments, RSVP, file names), applied by the zod types below:
// - refused (400 naming the field): C0 controls other than tab, line feed and carriage return (NUL…),
//   DEL, C1 controls, bidi embeddings/overrides/isolates (U+202A–202E, U+2066–2069), lone surrogates.
//   A person typing Vietnamese or English never needs them; refusing says so instead of storing
//   something that differs from what was shown.
// - stripped: the bidi marks U+200E/U+200F/U+061C and U+FEFF (they ride along when text is pasted from
//   Word or a browser, are invisible and never needed in vi/en text).
// - file names: everything above is stripped rather than refused (the browser sends the name the
//   file has on disk; the applicant did not type it), so `Ảnh\u202Egnp.exe` is stored as `Ảnhgnp.exe`.
// Text is stored NFC. One-line fields collapse whitespace (tab and line breaks become one space);
// multi-line fields keep line feeds and tabs (CR LF becomes LF).
// ---------------------------------------------------------------------------------------------------

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters the rule refuses.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const STRIPPED_MARKS = /[\u200E\u200F\u061C\uFEFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: file names lose every control character.
const FILE_NAME_STRIPPED = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFEFF]/g;

export type TextProblem = 'controlChar' | 'bidiControl';

/** Why a typed text is refused, if it is. */
export function textProblem(text: string): TextProblem | undefined {
  if (CONTROL.test(text) || new RegExp(LONE_SURROGATE.source).test(text)) return 'controlChar';
  if (BIDI_CONTROL.test(text)) return 'bidiControl';
  return undefined;
}

/** A one-line value as stored: marks stripped, NFC, whitespace collapsed, trimmed. */
export const cleanLine = (text: string): string => cleanText(text.replace(STRIPPED_MARKS, ''));

/** A multi-line value as stored: marks stripped, NFC, CR LF → LF, trailing spaces of lines and the ends trimmed. */
export const cleanMultiline = (text: string): string =>
  text
    .replace(STRIPPED_MARKS, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();

/** A file name as stored: control and direction characters stripped, NFC, whitespace collapsed. */
export const cleanFileName = (name: string): string =>
  cleanText(name.replace(LONE_SURROGATE, '').replace(FILE_NAME_STRIPPED, ''));

const checked = (clean: (text: string) => string) =>
  z.string().transform((value, ctx) => {
    const problem = textProblem(value);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem, input: value });
      return z.NEVER;
    }
    return clean(value);
  });

/** A one-line text field (names, addresses, titles…): refused with control or override characters. */
export const lineText = () => checked(cleanLine);
/** A multi-line text field (descriptions, comments, notes): keeps line feeds and tabs. */
export const multilineText = () => checked(cleanMultiline);
/** A file name from the browser: stripped, never refused for its characters. */
export const fileNameText = () => z.string().transform(cleanFileName);

// ---------------------------------------------------------------------------------------------------
// Matching key of the one-dossier-per-space guard: what looks the same matches.
// ---------------------------------------------------------------------------------------------------

/**
 * Letters of other scripts (and a few Latin ones NFD does not decompose) that look like a Latin letter,
 * mapped to it: the Cyrillic, Greek and Armenian lines of UTS #39's confusables.txt whose target is one
 * Latin letter, plus ø ł ð ı. Full-width and mathematical letters need no entry: NFKC folds them first.
 * Applied after NFD, so a Cyrillic `ё` (е + diaeresis) maps like `ë`.
 */
const LATIN_LOOKALIKES: Record<string, string> = Object.fromEntries(
  (
    [
      // Cyrillic capitals and small letters
      ['АВЕКМНОРСТХУЅІЈԚԜҮӀԌ', 'ABEKMHOPCTXYSIJQWYIG'],
      ['аеорсухѕіјһԁԛԝүӏԍ', 'aeopcyxsijhdqwylg'],
      // Greek capitals and small letters
      ['ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϜ', 'ABEZHIKMNOPTYXF'],
      ['αοριυνκχγϲϳ', 'aopiuvkxycj'],
      // Armenian
      ['օսհոզ', 'ouhnq'],
      // Latin letters without a decomposition
      ['ıȷɑɡøØłŁðÐƉɖħ', 'ijagoOlLdDDdh'],
    ] as const
  ).flatMap(([from, to]) => [...from].map((c, i) => [c, to[i]!])),
);

const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * The key two spellings of one name share: NFKC (full-width and styled letters become plain ones),
 * default-ignorable code points removed (ZWJ, ZWNJ, soft hyphen…), look-alike letters of other scripts
 * mapped to Latin (a confusables skeleton, UTS #39, restricted to what can pass for Latin or Vietnamese
 * letters), then folded as `fold` does (diacritics dropped, đ→d, lower case, non-alphanumerics → one
 * space). For plain Latin and Vietnamese text it equals `fold`, so guard keys stored before stay valid.
 */
export function matchKey(text: string): string {
  const skeleton = [...text.normalize('NFKC').replace(DEFAULT_IGNORABLE, '').normalize('NFD')]
    .map((c) => LATIN_LOOKALIKES[c] ?? c)
    .join('')
    .replace(/ß/g, 'ss');
  return fold(skeleton);
}
