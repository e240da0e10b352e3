import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** A route of the HTTP API, as the route table has it. */
export interface AlarmedRoute {
  readonly method: string;
  readonly path: string;
  readonly fn: string;
}

export interface OperationsAlarmsProps {
  readonly functions: Record<string, IFunction>;
  readonly stateMachine: StateMachine;
  readonly deadLetterQueues: readonly IQueue[];
  readonly notifyEmails: readonly string[];
  /** The HTTP API (its default stage has detailed, per-route metrics) and its routes. */
  readonly api: IHttpApi;
  readonly routes: readonly AlarmedRoute[];
  /** The table and its index names: throttled reads and writes on each. */
  readonly table: ITableV2;
  readonly indexNames: readonly string[];
  /** The functions' Powertools metrics namespace (`POWERTOOLS_METRICS_NAMESPACE`). */
  readonly metricsNamespace: string;
}

/** Share of a route's requests answered 5xx (percent, over 5 minutes) that alarms. */
export const ROUTE_5XX_PERCENT = 5;
/** SES reviews an account at 5 % bounces and 0.1 % complaints: alarm before that (fractions). */
export const SES_BOUNCE_RATE = 0.04;
export const SES_COMPLAINT_RATE = 0.0008;

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms that see what users would notice, each sent to the coordinators' encrypted topic: a route
 * answering 5xx, a handler's exception turned into a 500 (`UnhandledErrors`, which Lambda's `Errors` never
 * counts), Lambda errors, DynamoDB throttling on the table and each index, SES bounce and complaint rates,
 * workflow executions failed or timed out, a dossier that ended `failed` (`DossiersFailed`) and dead letters.
 */
export class OperationsAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'Alarm topic encryption' });
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
    for (const email of props.notifyEmails) this.topic.addSubscription(new EmailSubscription(email));
    const action = new SnsAction(this.topic);
    const alarm = (
      id: string,
      metric: IMetric,
      alarmDescription: string,
      threshold = 1,
      evaluationPeriods = 1,
    ) =>
      new Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription,
      }).addAlarmAction(action);

    // Lambda errors: an invocation that threw (workflow steps, jobs, mail events; an HTTP handler's
    // exception is a 500 answer, counted below instead).
    for (const [name, fn] of Object.entries(props.functions))
      alarm(`${name}Errors`, fn.metricErrors({ period: FIVE_MINUTES }), `Lambda ${name} reported errors`);

    // 5xx share per route: the HTTP API's detailed metrics (dimensions ApiId, Stage, Method, Resource).
    const stage = '$default';
    for (const route of props.routes) {
      const dimensionsMap = {
        ApiId: props.api.apiId,
        Stage: stage,
        Method: route.method,
        Resource: route.path,
      };
      const apiMetric = (metricName: string) =>
        new Metric({
          namespace: 'AWS/ApiGateway',
          metricName,
          dimensionsMap,
          statistic: 'Sum',
          period: FIVE_MINUTES,
        });
      alarm(
        `Route5xx${routeId(route)}`,
        new MathExpression({
          expression: '100 * FILL(errors, 0) / FILL(requests, 1)',
          usingMetrics: { errors: apiMetric('5xx'), requests: apiMetric('Count') },
          period: FIVE_MINUTES,
          label: `5xx % ${route.method} ${route.path}`,
        }),
        `${route.method} ${route.path} answered 5xx to at least ${ROUTE_5XX_PERCENT}% of its requests`,
        ROUTE_5XX_PERCENT,
      );
    }

    // Exceptions an HTTP handler turned into a 500 (`httpHandler`'s `errorResponse`), per function.
    const custom = (metricName: string, service: string) =>
      new Metric({
        namespace: props.metricsNamespace,
        metricName,
        dimensionsMap: { service },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    for (const name of [...new Set(props.routes.map((r) => r.fn))])
      alarm(
        `${name}UnhandledErrors`,
        custom('UnhandledErrors', name),
        `${name} answered 500 to an unexpected error`,
      );
    alarm(
      'DossiersFailed',
      custom('DossiersFailed', 'recordOutcome'),
      'A dossier ended failed: the workflow could not process it',
    );

    // DynamoDB throttling, on the table and on each index.
    const ddb = (metricName: string, index?: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: {
          TableName: props.table.tableName,
          ...(index ? { GlobalSecondaryIndexName: index } : {}),
        },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    for (const index of [undefined, ...props.indexNames]) {
      alarm(
        `Throttles${index ?? 'Table'}`,
        new MathExpression({
          expression: 'FILL(reads, 0) + FILL(writes, 0)',
          usingMetrics: {
            reads: ddb('ReadThrottleEvents', index),
            writes: ddb('WriteThrottleEvents', index),
          },
          period: FIVE_MINUTES,
          label: `Throttle events ${index ?? 'table'}`,
        }),
        `DynamoDB throttled reads or writes on the ${index ? `index ${index}` : 'table'}`,
      );
    }

    // SES reputation of the account (the rates SES itself reviews and pauses sending on).
    const ses = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    alarm(
      'SesBounceRate',
      ses('Reputation.BounceRate'),
      'SES bounce rate nears the 5% at which AWS reviews the account',
      SES_BOUNCE_RATE,
    );
    alarm(
      'SesComplaintRate',
      ses('Reputation.ComplaintRate'),
      'SES complaint rate nears the 0.1% at which AWS reviews the account',
      SES_COMPLAINT_RATE,
    );

    // The approval workflow.
    alarm(
      'WorkflowFailures',
      props.stateMachine.metricFailed({ period: FIVE_MINUTES }),
      'An approval workflow execution failed',
    );
    alarm(
      'WorkflowTimeouts',
      props.stateMachine.metricTimedOut({ period: FIVE_MINUTES }),
      'An approval workflow execution timed out',
    );
    props.deadLetterQueues.forEach((queue, i) => {
      alarm(
        `DeadLetters${i}`,
        queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }),
        'A scheduled or handed-over job could not be delivered',
      );
    });
  }
}

/** `GET /review/{linkId}` → `GetReviewLinkId`: a construct id per route. */
export function routeId(route: { method: string; path: string }): string {
  const words = `${route.method.toLowerCase()} ${route.path}`.match(/[A-Za-z0-9]+/g) ?? [];
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') || 'Root';
}
