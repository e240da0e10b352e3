import { CfnOutput } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../functions.ts';
import { DEFAULT_ROUTE, routeKey, routes } from '../routes.ts';

/** The route keys of the route table, exactly (a typo in the throttles below does not compile). */
type RouteKey = (typeof routes)[number] extends infer R
  ? R extends { method: infer M extends string; path: infer P extends string }
    ? `${M} ${P}`
    : never
  : never;

/**
 * Per-route throttles (requests per second, steady and burst) for the routes that send email or answer a
 * lookup: far above what people at a deadline need (the rush bench: 500 drafts in about a minute), far
 * below the stage-wide default, so a flood on one of them cannot use up the whole API. The application's
 * own limits (per address, IP and dossier, `shared/domain/rate-limits.ts`) sit behind these.
 */
export const ROUTE_THROTTLES: Partial<Record<RouteKey, { rate: number; burst: number }>> = {
  'POST /api/applications': { rate: 20, burst: 40 },
  'POST /api/resume': { rate: 5, burst: 10 },
  'POST /status': { rate: 10, burst: 20 },
  'POST /admin/sign-in': { rate: 2, burst: 5 },
  // A member's profile editing link (issue 16).
  'POST /thanh-vien/sign-in': { rate: 2, burst: 5 },
};

export interface PublicApiProps {
  readonly functions: Record<FunctionName, IFunction>;
}

/** The HTTP API, built from the route table; one integration per function. */
export class PublicApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: PublicApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', { description: 'Hanoi Creative Space Network' });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationOf = (fn: FunctionName) => {
      let integration = integrations.get(fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${fn}Integration`, props.functions[fn]);
        integrations.set(fn, integration);
      }
      return integration;
    };
    for (const route of routes) {
      const added = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.fn),
      });
      // Route settings name routes that must exist before the stage is updated.
      if (ROUTE_THROTTLES[routeKey(route) as RouteKey]) this.api.defaultStage?.node.addDependency(...added);
    }
    // Whatever no route takes gets the site's 404 page (or JSON 404) instead of API Gateway's bare JSON.
    new HttpRoute(this, 'DefaultRoute', {
      httpApi: this.api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: integrationOf(DEFAULT_ROUTE.fn),
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        time: '$context.requestTime',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.integrationLatency',
        error: '$context.integrationErrorMessage',
      }),
    };
    // Detailed metrics: 5xx and Count per route, which the per-route alarms read (OperationsAlarms).
    stage.defaultRouteSettings = {
      detailedMetricsEnabled: true,
      throttlingBurstLimit: 500,
      throttlingRateLimit: 200,
    };
    stage.routeSettings = Object.fromEntries(
      Object.entries(ROUTE_THROTTLES).map(([key, t]) => [
        key,
        // A route's own settings replace the stage's defaults for it: keep its detailed metrics on.
        { ThrottlingRateLimit: t.rate, ThrottlingBurstLimit: t.burst, DetailedMetricsEnabled: true },
      ]),
    );
    new CfnOutput(this, 'Url', { value: this.api.apiEndpoint });
  }
}
