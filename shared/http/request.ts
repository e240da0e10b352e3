import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { PayloadTooLargeError, UnsupportedMediaError, ValidationError } from '../domain/errors.ts';
import { say, textOf } from '../i18n/catalog.ts';
import { type Lang, pickLang, type Text } from '../i18n/lang.ts';
import { BODY_ISSUE, HTTP_ERRORS } from '../i18n/messages/http.ts';
import { issueMessage } from '../i18n/validation-messages.ts';

/** What a route handler sees: the API Gateway v2 event, reduced to what the app uses. */
export interface HttpRequest {
  readonly routeKey: string;
  readonly method: string;
  readonly path: string;
  readonly params: Record<string, string>;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: string;
  readonly lang: Lang;
  readonly requestId: string;
  readonly sourceIp: string;
}

export function toRequest(event: APIGatewayProxyEventV2): HttpRequest {
  const query = Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
  const headers = Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v ?? '')]),
  );
  const raw = event.body ?? '';
  return {
    routeKey: event.routeKey,
    method: event.requestContext.http.method,
    path: event.rawPath,
    params: (event.pathParameters ?? {}) as Record<string, string>,
    query,
    headers,
    cookies: event.cookies ?? [],
    body: event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw,
    lang: pickLang(query, event.cookies),
    requestId: event.requestContext.requestId,
    sourceIp: event.requestContext.http.sourceIp,
  };
}

/** Largest JSON body the API accepts; files never pass through the API (they go straight to S3). */
export const MAX_JSON_BYTES = 64 * 1024;

type Labels = Record<string, Text>;

/**
 * Turns zod issues into field issues in the request's language, naming each field by its label; with the
 * `input` that was parsed, an application field's message says what to do (empty or wrong, as the form does).
 */
export function toValidationError(
  error: z.ZodError,
  lang: Lang,
  labels: Labels = {},
  input?: unknown,
): ValidationError {
  return new ValidationError(
    error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      const label = labels[path] ?? labels[issue.path.filter((p) => typeof p === 'string').join('.')];
      return { path, field: label ? label[lang] : path, message: issueMessage(issue, lang, input) };
    }),
  );
}

function checkSize(req: HttpRequest, maxBytes: number) {
  if (Buffer.byteLength(req.body, 'utf8') > maxBytes) {
    throw new PayloadTooLargeError(textOf(HTTP_ERRORS.tooLarge, Math.round(maxBytes / 1024)));
  }
}

/** Parses and validates a JSON body: 413 when too large, 415 when not JSON, 400 with per-field issues. */
export function parseJsonBody<S extends z.ZodType>(
  req: HttpRequest,
  schema: S,
  labels?: Labels,
  maxBytes = MAX_JSON_BYTES,
): z.infer<S> {
  checkSize(req, maxBytes);
  const type = req.headers['content-type'] ?? '';
  if (req.body && !type.includes('application/json')) {
    throw new UnsupportedMediaError(HTTP_ERRORS.notJson);
  }
  let data: unknown;
  try {
    data = req.body ? JSON.parse(req.body) : {};
  } catch {
    throw new ValidationError([
      { path: '', field: say(BODY_ISSUE.field, req.lang), message: say(BODY_ISSUE.notJson, req.lang) },
    ]);
  }
  const input = normalizeText(data);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw toValidationError(parsed.error, req.lang, labels, input);
  return parsed.data;
}

/** Parses an HTML form post (application/x-www-form-urlencoded) and validates it. */
export function parseFormBody<S extends z.ZodType>(
  req: HttpRequest,
  schema: S,
  labels?: Labels,
  arrays: readonly string[] = [],
): z.infer<S> {
  checkSize(req, MAX_JSON_BYTES);
  // A key sent more than once (checkboxes) becomes an array; `arrays` names keys that are always arrays.
  const params = new URLSearchParams(req.body);
  const form: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    form[key] = all.length > 1 || arrays.includes(key) ? all : all[0]!;
  }
  const parsed = schema.safeParse(normalizeText(form));
  if (!parsed.success) throw toValidationError(parsed.error, req.lang, labels);
  return parsed.data;
}

/** Every string that enters the system is stored NFC and trimmed. */
export function normalizeText(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (Array.isArray(value)) return value.map(normalizeText);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeText(v)]));
  return value;
}
