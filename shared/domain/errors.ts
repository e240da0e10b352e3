import type { Text } from '../i18n/lang.ts';

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

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly kind = 'validation';
  constructor(
    readonly issues: readonly FieldIssue[],
    text: Text = {
      vi: 'Thông tin chưa hợp lệ, vui lòng kiểm tra các trường được đánh dấu.',
      en: 'Some fields are not valid.',
    },
  ) {
    super(text);
  }
}

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
