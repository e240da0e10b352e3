import type { Lang, Text } from '../i18n/lang.ts';
import { ISSUES } from '../i18n/messages/validation.ts';

/** A domain error carries a message for people in both languages and no HTTP status. */
export abstract class DomainError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'not-found'
    | 'deadline-passed'
    | 'duplicate'
    | 'conflict'
    | 'forbidden'
    | 'too-large'
    | 'unsupported-media'
    | 'rate-limited';
  constructor(readonly text: Text) {
    super(text.en);
  }
}

export interface FieldIssue {
  readonly path: string;
  readonly field: string;
  readonly message: string;
}

/** An issue found where the request's language is not known (a use-case): both languages, one answered. */
export interface TextIssue {
  readonly path: string;
  readonly field: Text;
  readonly message: Text;
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly kind = 'validation';
  constructor(
    /** Issues already in the request's language (parsed from its body). */
    readonly issues: readonly FieldIssue[],
    text: Text = ISSUES.invalid,
    /** Issues in both languages, from use-cases. */
    readonly textIssues: readonly TextIssue[] = [],
  ) {
    super(text);
  }

  /** Every issue in the request's language, as answered. */
  issuesIn(lang: Lang): readonly FieldIssue[] {
    return [
      ...this.issues,
      ...this.textIssues.map((i) => ({ path: i.path, field: i.field[lang], message: i.message[lang] })),
    ];
  }
}

/** A 400 from a use-case: the fields and what is wrong with them, in both languages. */
export const invalidFields = (...issues: readonly TextIssue[]) =>
  new ValidationError([], ISSUES.invalid, issues);

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly kind = 'not-found';
}

export class DeadlinePassedError extends DomainError {
  override name = 'DeadlinePassedError';
  readonly kind = 'deadline-passed';
}

export class DuplicateApplicationError extends DomainError {
  override name = 'DuplicateApplicationError';
  readonly kind = 'duplicate';
  constructor(
    text: Text,
    readonly existing: { readonly code?: string; readonly lookupUrl: string },
  ) {
    super(text);
  }
}

export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly kind = 'conflict';
}

export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly kind = 'forbidden';
}

export class PayloadTooLargeError extends DomainError {
  override name = 'PayloadTooLargeError';
  readonly kind = 'too-large';
}

export class UnsupportedMediaError extends DomainError {
  override name = 'UnsupportedMediaError';
  readonly kind = 'unsupported-media';
}

/** Past a rate limit: nothing was done; `retryAt` says when the window ends (429 with `Retry-After`). */
export class RateLimitedError extends DomainError {
  override name = 'RateLimitedError';
  readonly kind = 'rate-limited';
  constructor(
    text: Text,
    readonly retryAt: Date,
    readonly retryAfterSeconds: number,
  ) {
    super(text);
  }
}
