import type { Text } from '../i18n/lang.ts';
import {
  CREATIVE_FIELD_LABELS as CREATIVE_FIELD_WORDS,
  FIELDS,
  OWNERSHIP_LABELS as OWNERSHIP_WORDS,
  SPACE_TYPE_LABELS as SPACE_TYPE_WORDS,
} from '../i18n/messages/form.ts';
import type { CREATIVE_FIELDS, OWNERSHIPS, SPACE_TYPES } from './form-fields.ts';

/*
 * The form's labels, apart from its schemas (`application-schema.ts`): pages, emails and dashboards name
 * the fields and options without validating a form, and building the form's zod schemas was a visible part
 * of the cold start of every function that imported a label.
 */

// The form's fields and rules, zod-free (the browser imports them too).
export {
  CREATIVE_FIELDS,
  type FieldRule,
  FORM_FIELDS,
  type FormField,
  type FormFieldPath,
  normalizeVietnamesePhone,
  OWNERSHIPS,
  OWNERSHIPS_WITH_REGISTRATION,
  SPACE_TYPES,
} from './form-fields.ts';

// Each option's label is a word of the catalog (shared/i18n/messages/form.ts); typed here so a key without one fails.
export const OWNERSHIP_LABELS: Record<(typeof OWNERSHIPS)[number], Text> = OWNERSHIP_WORDS;
export const SPACE_TYPE_LABELS: Record<(typeof SPACE_TYPES)[number], Text> = SPACE_TYPE_WORDS;
export const CREATIVE_FIELD_LABELS: Record<(typeof CREATIVE_FIELDS)[number], Text> = CREATIVE_FIELD_WORDS;

/** Field labels, for messages that name the field in the page's language (one entry each in the catalog). */
export const FIELD_LABELS: Record<string, Text> = FIELDS;
