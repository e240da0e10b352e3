import type { DomainError } from '../domain/errors.ts';

/** The one table from domain errors to HTTP statuses. */
export const STATUS_BY_KIND: Record<DomainError['kind'], number> = {
  validation: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  duplicate: 409,
  'deadline-passed': 409,
  'too-large': 413,
  'unsupported-media': 415,
  'rate-limited': 429,
};
