import { type core, locales } from 'zod';
import { say } from './catalog.ts';
import type { Lang, Text } from './lang.ts';
import { FIELDS } from './messages/form.ts';
import { ROUND_SETTING_MESSAGES } from './messages/rounds.ts';
import { FIELD_INVALID, FIELD_MISSING, ISSUES, TEXT_PROBLEMS, VALIDATION } from './messages/validation.ts';

/** Messages our schemas name by key (`error: 'phone'`), in both languages: catalog entries by key. */
export const VALIDATION_MESSAGES: Record<string, Text> = {
  ...VALIDATION,
  ...ROUND_SETTING_MESSAGES,
  ...TEXT_PROBLEMS,
};

const viLocale = locales.vi().localeError;
const enLocale = locales.en().localeError;

/** The application field an issue is about (`space.socialLinks.2` → `space.socialLinks`), if it is one. */
function applicationField(path: readonly PropertyKey[]): keyof typeof FIELD_INVALID | undefined {
  const key = path.filter((p) => typeof p === 'string').join('.');
  return key in FIELD_INVALID ? (key as keyof typeof FIELD_INVALID) : undefined;
}

/** Empty as a person sees it: nothing typed, nothing chosen, the box not ticked. */
const isBlank = (v: unknown) =>
  v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);

const valueAt = (input: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      input,
    );

/**
 * One issue's message in the request's language. An application field (given the `input` that was parsed)
 * gets the words the form shows for it — what to fill in when it is empty, what to fix otherwise — so the
 * server's 400 and the page say the same; a refused character names its field. Otherwise our keys first,
 * then readable fallbacks, then zod's locale.
 */
export function issueMessage(issue: core.$ZodIssue, lang: Lang, input?: unknown): string {
  const own = VALIDATION_MESSAGES[issue.message];
  const field = input === undefined ? undefined : applicationField(issue.path);
  if (field) {
    if (issue.message in TEXT_PROBLEMS) return `${FIELDS[field][lang]}: ${own![lang]}`;
    const missing = FIELD_MISSING[field as keyof typeof FIELD_MISSING];
    return missing && isBlank(valueAt(input, field)) ? missing[lang] : FIELD_INVALID[field][lang];
  }
  if (own) return own[lang];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '')
        return say(VALIDATION.required, lang);
      return say(ISSUES.wrongType, lang);
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? say(VALIDATION.required, lang)
          : say(ISSUES.minChars, lang, issue.minimum);
      if (issue.origin === 'array') return say(ISSUES.minItems, lang, issue.minimum);
      return say(ISSUES.minValue, lang, issue.minimum);
    case 'too_big':
      if (issue.origin === 'string') return say(ISSUES.maxChars, lang, issue.maximum);
      if (issue.origin === 'array') return say(ISSUES.maxItems, lang, issue.maximum);
      return say(ISSUES.maxValue, lang, issue.maximum);
    case 'invalid_value':
      return say(VALIDATION.choice, lang);
    case 'invalid_format':
      if (issue.format === 'email') return say(VALIDATION.email, lang);
      if (issue.format === 'url') return say(VALIDATION.url, lang);
      return say(ISSUES.format, lang);
    case 'unrecognized_keys':
      return say(ISSUES.unknownFields, lang, issue.keys.join(', '));
    default: {
      const res = (lang === 'vi' ? viLocale : enLocale)(issue as never);
      return typeof res === 'string' ? res : (res?.message ?? issue.message);
    }
  }
}
