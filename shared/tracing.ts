import { Tracer } from '@aws-lambda-powertools/tracer';

export { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';

/**
 * X-Ray traces (the stack turns active tracing on for every function). Off outside Lambda (no
 * `AWS_EXECUTION_ENV`, or `POWERTOOLS_TRACE_ENABLED=false`), where capturing a client returns it unchanged
 * and nothing looks for an X-Ray daemon. Loaded by `observability.ts` at a function's first invocation,
 * never at init: the tracer brings the X-Ray SDK (≈115 KB, with semver and cls-hooked).
 */
export const tracer = new Tracer();
