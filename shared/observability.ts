import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';

/** Structured JSON logs (request id and dossier id as keys) and CloudWatch embedded metrics. */
export const logger = new Logger();

/**
 * The metrics' own warnings go to the structured log, except "no application metrics to publish": most
 * invocations record no business metric, and that is no warning (debug level, so off by default).
 */
const NOTHING_TO_PUBLISH = 'No application metrics to publish';
export const metrics = new Metrics({
  logger: {
    debug: (...a) => logger.debug(...(a as [string])),
    info: (...a) => logger.info(...(a as [string])),
    warn: (message, ...rest) =>
      String(message).startsWith(NOTHING_TO_PUBLISH)
        ? logger.debug(String(message))
        : logger.warn(String(message), ...rest),
    error: (...a) => logger.error(...(a as [string])),
  },
});

/**
 * X-Ray traces (the stack turns active tracing on for every function): the SDK clients are captured in
 * `shared/clients.ts`. Off outside Lambda (no `AWS_EXECUTION_ENV`, or `POWERTOOLS_TRACE_ENABLED=false`),
 * where capturing a client returns it unchanged and nothing looks for an X-Ray daemon.
 */
export const tracer = new Tracer();

export type BusinessMetric =
  | 'DossierCreated'
  | 'DossierSubmitted'
  | 'DecisionRecorded'
  | 'EmailSent'
  | 'EmailFailed'
  /** A dossier ended `failed` (the workflow's failure step); alarmed on. */
  | 'DossiersFailed'
  /** The reconciler repaired a stranded dossier (lost execution, undelivered decision or supplement). */
  | 'DossiersRepaired'
  /** An HTTP handler turned an unexpected exception into a 500; alarmed on. */
  | 'UnhandledErrors';

export function countMetric(name: BusinessMetric, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}

/**
 * The middleware every handler starts with: logs keyed by the invocation, a trace segment per invocation
 * (responses are pages and files: not copied into the trace), and the business metrics it recorded
 * published when it ends, in success or error (`POWERTOOLS_METRICS_DISABLED=true` locally and in tests).
 */
export const observed = () => [
  injectLambdaContext(logger, { resetKeys: true }),
  captureLambdaHandler(tracer, { captureResponse: false }),
  logMetrics(metrics),
];
