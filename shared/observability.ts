import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** Structured JSON logs (request id and dossier id as keys) and CloudWatch embedded metrics. */
export const logger = new Logger();
export const metrics = new Metrics();

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

/** Middy middleware: publishes the business metrics of an invocation, if it recorded any. */
export const flushMetrics = () => {
  const flush = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
};
