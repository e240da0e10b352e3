import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { ROUTE_5XX_PERCENT } from '../../infra/constructs/operations-alarms.ts';
import { cdkJsonContext } from '../../infra/local/synth.ts';
import { routes } from '../../infra/routes.ts';

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };

interface MetricStat {
  Metric: { Namespace: string; MetricName: string; Dimensions?: { Name: string; Value: unknown }[] };
}
interface AlarmProps {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Metrics?: { Id: string; Expression?: string; MetricStat?: MetricStat }[];
  Threshold: number;
  ComparisonOperator: string;
  AlarmActions: unknown[];
  AlarmDescription: string;
}

describe('operations alarms (offline synth)', () => {
  let resources: Record<string, Resource>;
  let alarms: AlarmProps[];
  let topicRef: string;

  beforeAll(() => {
    const { stack } = buildApp(
      { context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } },
      { nag: false },
    );
    resources = Template.fromStack(stack).toJSON().Resources;
    alarms = Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => r.Properties as unknown as AlarmProps);
    // The coordinators' topic: the one the adminEmail subscribes to.
    const [subscription] = Object.values(resources).filter(
      (r) => r.Type === 'AWS::SNS::Subscription' && r.Properties?.Protocol === 'email',
    );
    topicRef = JSON.stringify(subscription!.Properties!.TopicArn);
  });

  /** The metrics an alarm reads: its own, or those of its math expression. */
  const metricsOf = (a: AlarmProps) =>
    a.MetricName
      ? [{ Namespace: a.Namespace!, MetricName: a.MetricName, Dimensions: a.Dimensions ?? [] }]
      : (a.Metrics ?? []).flatMap((m) =>
          m.MetricStat ? [{ ...m.MetricStat.Metric, Dimensions: m.MetricStat.Metric.Dimensions ?? [] }] : [],
        );
  const dimension = (d: { Name: string; Value: unknown }[], name: string) =>
    d.find((x) => x.Name === name)?.Value;
  const reading = (namespace: string, metricName: string) =>
    alarms.filter((a) => metricsOf(a).some((m) => m.Namespace === namespace && m.MetricName === metricName));

  it('sends every alarm to the coordinators’ topic', () => {
    expect(alarms.length).toBeGreaterThan(routes.length);
    for (const a of alarms) {
      expect(
        a.AlarmActions.map((x) => JSON.stringify(x)),
        a.AlarmDescription,
      ).toEqual([topicRef]);
      expect(a.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
    }
  });

  it('alarms on the 5xx share of every route, from the stage’s detailed metrics', () => {
    const fiveXx = reading('AWS/ApiGateway', '5xx');
    const covered = fiveXx.map((a) => {
      const m = metricsOf(a).find((x) => x.MetricName === '5xx')!;
      const count = metricsOf(a).find((x) => x.MetricName === 'Count')!;
      expect(count.Dimensions).toEqual(m.Dimensions);
      expect(a.Threshold).toBe(ROUTE_5XX_PERCENT);
      expect(dimension(m.Dimensions, 'Stage')).toBe('$default');
      return `${dimension(m.Dimensions, 'Method')} ${dimension(m.Dimensions, 'Resource')}`;
    });
    expect(covered.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    // Route-level metrics exist only with detailed metrics on the stage.
    const [stage] = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Stage');
    expect(stage!.Properties!.DefaultRouteSettings).toMatchObject({ DetailedMetricsEnabled: true });
    // A route with settings of its own (a throttle) keeps them on too.
    const own = Object.values((stage!.Properties!.RouteSettings ?? {}) as Record<string, object>);
    for (const settings of own) expect(settings).toMatchObject({ DetailedMetricsEnabled: true });
  });

  it('alarms on 500s the HTTP handlers answered, per function, in the namespace the functions publish to', () => {
    const unhandled = alarms.filter((a) => metricsOf(a).some((m) => m.MetricName === 'UnhandledErrors'));
    const services = unhandled.map((a) => dimension(metricsOf(a)[0]!.Dimensions, 'service')).sort();
    expect(services).toEqual([...new Set(routes.map((r) => r.fn))].sort());
    const site = Object.values(resources).find((r) => r.Metadata?.['hcsn:function'] === 'site')!;
    const env = (site.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
    for (const a of unhandled)
      expect(JSON.stringify(metricsOf(a)[0]!.Namespace)).toBe(
        JSON.stringify(env.POWERTOOLS_METRICS_NAMESPACE),
      );
  });

  it('alarms on a dossier that ends failed (DossiersFailed ≥ 1, from the record-outcome function)', () => {
    const failed = alarms.filter((a) => metricsOf(a).some((m) => m.MetricName === 'DossiersFailed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.Threshold).toBe(1);
    expect(dimension(metricsOf(failed[0]!)[0]!.Dimensions, 'service')).toBe('recordOutcome');
  });

  it('alarms on DynamoDB throttling of the table and of each index', () => {
    const reads = reading('AWS/DynamoDB', 'ReadThrottleEvents');
    const writes = reading('AWS/DynamoDB', 'WriteThrottleEvents');
    expect(reads).toEqual(writes);
    const scopes = reads.map(
      (a) =>
        dimension(
          metricsOf(a).find((m) => m.MetricName === 'ReadThrottleEvents')!.Dimensions,
          'GlobalSecondaryIndexName',
        ) ?? 'table',
    );
    expect(scopes.sort()).toEqual(['gsi1', 'gsi2', 'table']);
  });

  it('alarms on the SES bounce and complaint rates before AWS reviews the account', () => {
    const bounce = reading('AWS/SES', 'Reputation.BounceRate');
    const complaint = reading('AWS/SES', 'Reputation.ComplaintRate');
    expect(bounce).toHaveLength(1);
    expect(complaint).toHaveLength(1);
    expect(bounce[0]!.Threshold).toBeLessThan(0.05);
    expect(complaint[0]!.Threshold).toBeLessThan(0.001);
  });

  it('alarms on workflow executions failed or timed out, and on dead letters', () => {
    expect(reading('AWS/States', 'ExecutionsFailed')).toHaveLength(1);
    expect(reading('AWS/States', 'ExecutionsTimedOut')).toHaveLength(1);
    expect(reading('AWS/SQS', 'ApproximateNumberOfMessagesVisible').length).toBeGreaterThanOrEqual(1);
  });
});
