import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { MiddlewareObj } from '@middy/core';

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
 * X-Ray traces (the stack turns active tracing on for every function), through the Powertools tracer of
 * `tracing.ts`, which brings the X-Ray SDK (≈115 KB): it is loaded by a function's first invocation, before
 * its handler runs (`observed()`), not at init. SDK clients are captured by {@link traced}, which defers
 * a client made before that load (at init) to it, so every client is captured before its first request.
 */
let tracing: Promise<typeof import('./tracing.ts')> | undefined;
let tracer: Tracer | undefined;
const awaitingCapture: object[] = [];

function loadTracing(): Promise<typeof import('./tracing.ts')> {
  tracing ??= import('./tracing.ts').then((loaded) => {
    tracer = loaded.tracer;
    for (const client of awaitingCapture.splice(0)) tracer.captureAWSv3Client(client);
    return loaded;
  });
  return tracing;
}

/** An AWS SDK client captured by the tracer: now if it is loaded, else by its load (the first invocation). */
export function traced<T extends object>(client: T): T {
  if (tracer) return tracer.captureAWSv3Client(client);
  awaitingCapture.push(client);
  return client;
}

/**
 * Powertools' `captureLambdaHandler`, made by the first invocation once the tracer is loaded: a segment per
 * invocation (responses are pages and files: not copied into the trace).
 */
function tracedInvocation(): MiddlewareObj {
  let capture: MiddlewareObj | undefined;
  return {
    before: async (request) => {
      if (!capture) {
        const loaded = await loadTracing();
        capture = loaded.captureLambdaHandler(loaded.tracer, { captureResponse: false });
      }
      await capture.before?.(request);
    },
    after: async (request) => {
      await capture?.after?.(request);
    },
    onError: async (request) => {
      await capture?.onError?.(request);
    },
  };
}

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
  tracedInvocation(),
  logMetrics(metrics),
];
