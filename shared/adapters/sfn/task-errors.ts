/**
 * Error names a workflow step reports (Lambda gives a thrown error's `name` as its errorType, which is what
 * a Retry's `ErrorEquals` matches). SES throttling gets one stable name, whatever the SDK called it.
 */
export const MAIL_THROTTLED = 'MailThrottled';

/** SES v2 (`TooManyRequestsException`) and v1 (`Throttling`) names for "sending too fast". */
const SES_THROTTLING = new Set(['TooManyRequestsException', 'Throttling']);

/** The names the workflow's mail steps retry with backoff before any Catch (see approval-workflow.ts). */
export const THROTTLING_ERRORS = [MAIL_THROTTLED, ...SES_THROTTLING, 'ThrottlingException'] as const;

export class MailThrottledError extends Error {
  override name = MAIL_THROTTLED;
  constructor(cause: Error) {
    super(`Email sending throttled: ${cause.message}`, { cause });
  }
}

/** The error a step throws: SES throttling as `MailThrottled` (its SDK retries already spent), else unchanged. */
export function surfaceThrottling(err: unknown): unknown {
  return err instanceof Error && SES_THROTTLING.has(err.name) ? new MailThrottledError(err) : err;
}
