import { type FieldRule, normalizeVietnamesePhone } from '../domain/form-fields.ts';

/** One field's check as the page carries it (`formChecks` in home-page.tsx): rule, required mark, words. */
export interface FieldCheck {
  path: string;
  /** The field's control, which the error summary links to. */
  id: string;
  required: boolean | { readonly when: string; readonly in: readonly string[] };
  rule: FieldRule;
  /** What to do when it is empty (when required), and when it is filled in wrongly. */
  missing: string;
  invalid: string;
}
export interface FormProblem {
  path: string;
  id: string;
  kind: 'missing' | 'invalid';
  message: string;
}
/** The application as the page sends it (what the form's `collect` builds). */
export type FormBody = {
  space: Record<string, unknown>;
  representative: Record<string, unknown>;
  consent: boolean;
};

/** As the server stores a line of text: whitespace collapsed, trimmed. */
const line = (v: unknown) => String(v).replace(/\s+/g, ' ').trim();
const blank = (v: unknown) =>
  v === undefined ||
  v === null ||
  v === false ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);
const httpUrl = (v: unknown, max: number) => {
  const text = String(v);
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && text.length <= max;
  } catch {
    return false;
  }
};

/** Whether a filled-in value passes its field's rule (the schema's table in shared/domain/form-fields.ts). */
function valid(rule: FieldRule, v: unknown): boolean {
  switch (rule.kind) {
    case 'text': {
      const t = line(v);
      return t.length >= rule.min && t.length <= rule.max && t.split(' ').length >= (rule.words ?? 1);
    }
    case 'choice':
      return rule.values.includes(String(v));
    case 'choices':
      return (
        Array.isArray(v) && v.length <= rule.values.length && v.every((x) => rule.values.includes(String(x)))
      );
    case 'year': {
      const n = Number(v);
      return Number.isInteger(n) && n >= rule.min && n <= rule.max;
    }
    case 'number': {
      const n = Number(v);
      return Number.isFinite(n) && n > 0 && n <= rule.max;
    }
    case 'email':
      return String(v).length <= rule.max && new RegExp(rule.pattern).test(String(v));
    case 'phone':
      return normalizeVietnamesePhone(String(v)) !== undefined;
    case 'url':
      return httpUrl(v, rule.max);
    case 'urls':
      return Array.isArray(v) && v.length <= rule.max && v.every((u) => httpUrl(u, rule.each));
    case 'ward':
      return typeof v === 'string' && v !== '';
    case 'consent':
      return v === true;
  }
}

/**
 * The browser's check of the whole application, with the rules and words the page carries: every problem
 * at once, each in the words the server's 400 uses (test/unit/form-check.test.ts holds it to the schema).
 */
export function formCheck(checks: readonly FieldCheck[], body: FormBody): FormProblem[] {
  const at = (path: string): unknown =>
    path
      .split('.')
      .reduce<unknown>(
        (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
        body,
      );
  const problems: FormProblem[] = [];
  for (const c of checks) {
    const v = at(c.path);
    const needed =
      c.required === true ||
      (typeof c.required === 'object' && c.required.in.includes(String(at(c.required.when) ?? '')));
    if (blank(v)) {
      if (needed) problems.push({ path: c.path, id: c.id, kind: 'missing', message: c.missing });
    } else if (!valid(c.rule, v))
      problems.push({ path: c.path, id: c.id, kind: 'invalid', message: c.invalid });
  }
  return problems;
}
