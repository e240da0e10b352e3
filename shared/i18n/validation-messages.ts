import { type core, locales } from 'zod';
import { say } from './catalog.ts';
import type { Lang, Text } from './lang.ts';
import { ROUND_SETTING_MESSAGES } from './messages/rounds.ts';
import { ISSUES, TEXT_PROBLEMS, VALIDATION } from './messages/validation.ts';

/** Messages our schemas name by key (`error: 'phone'`), in both languages: catalog entries by key. */
export const VALIDATION_MESSAGES: Record<string, Text> = {
  ...VALIDATION,
  ...ROUND_SETTING_MESSAGES,
  ...TEXT_PROBLEMS,
};

const viLocale = locales.vi().localeError;
const enLocale = locales.en().localeError;

/** One issue's message in the request's language: our keys first, then readable fallbacks, then zod's locale. */
export function issueMessage(issue: core.$ZodIssue, lang: Lang): string {
  const own = VALIDATION_MESSAGES[issue.message];
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
