import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { EdgeProtection } from '../../infra/constructs/edge-protection.ts';
import { ROUTE_THROTTLES } from '../../infra/constructs/http-api.ts';
import { functions } from '../../infra/functions.ts';
import { cdkJsonContext } from '../../infra/local/synth.ts';
import { resolveStageConfig } from '../../infra/stages.ts';
import { DEFAULT_RATE_LIMITS, parseRateLimits } from '../../shared/domain/rate-limits.ts';
import { Env } from '../../shared/env.ts';

// Bundling skipped: the assertions are about the template; `cdk synth` bundles for real.
const synth = (context: Record<string, unknown> = {}) => {
  const { app, stack } = buildApp({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...context },
  });
  return { app, stack, template: Template.fromStack(stack) };
};

describe('rate limits in the stack: route throttles, limits per function, the optional WAF edge', () => {
  const { template, app } = synth();

  it('throttles the routes that send email or answer a lookup, below the stage-wide default', () => {
    const stage = template.findResources('AWS::ApiGatewayV2::Stage');
    const [props] = Object.values(stage).map((r) => r.Properties);
    expect(props.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 500 });
    for (const key of ['POST /api/applications', 'POST /admin/sign-in', 'POST /status', 'POST /api/resume']) {
      const s = props.RouteSettings[key];
      expect(s, key).toBeDefined();
      expect(s.ThrottlingRateLimit).toBeLessThan(200);
      expect(s.ThrottlingBurstLimit).toBeLessThan(500);
    }
    expect(props.RouteSettings['POST /admin/sign-in'].ThrottlingRateLimit).toBeLessThanOrEqual(5);
    // Every throttled route exists in the API, and the stage is updated only after it.
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    for (const key of Object.keys(ROUTE_THROTTLES)) expect(routeKeys).toContain(key);
    const [stageResource] = Object.values(stage);
    expect((stageResource!.DependsOn ?? []).length).toBeGreaterThanOrEqual(
      Object.keys(ROUTE_THROTTLES).length,
    );
  });

  it('gives the functions that limit (and only those) the limits and an UpdateItem on RATE# items only', () => {
    const limiting = Object.entries(functions)
      .filter(([, spec]) => (spec.needs as { rateLimits?: boolean }).rateLimits)
      .map(([name]) => name)
      .sort();
    expect(limiting).toEqual(['activities', 'admin', 'directory', 'intake', 'site']);
    const lambdas = template.findResources('AWS::Lambda::Function');
    const withLimits = Object.values(lambdas).filter(
      (r) => r.Properties.Environment?.Variables?.[Env.rateLimits] !== undefined,
    );
    expect(withLimits).toHaveLength(limiting.length);
    for (const fn of withLimits)
      expect(parseRateLimits(fn.Properties.Environment.Variables[Env.rateLimits])).toEqual(
        DEFAULT_RATE_LIMITS,
      );
    const rateStatements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s) => JSON.stringify(s.Condition ?? {}).includes('RATE#'));
    expect(rateStatements).toHaveLength(withLimits.length);
    for (const s of rateStatements) {
      expect(s.Action).toBe('dynamodb:UpdateItem');
      expect(s.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATE#*'] } });
    }
  });

  it('has no edge (CloudFront, WAF) unless the stage asks for it', () => {
    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    expect(() => app.synth()).not.toThrow();
  });

  it('with edgeProtection: a CLOUDFRONT web ACL with a per-IP rate rule on a distribution in front of the API, only in us-east-1', () => {
    const { template: edge, app: edgeApp } = synth({ edgeProtection: 'true', edgeRateLimitPer5Min: '600' });
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 600, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
        }),
      ],
    });
    edge.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: { 'Fn::GetAtt': [Match.stringLikeRegexp('WebAcl'), 'Arn'] },
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
      }),
    });
    // An environment-agnostic stack: CloudFormation refuses the deployment outside us-east-1.
    const rules = edge.toJSON().Rules as Record<string, { Assertions: { Assert: unknown }[] }>;
    expect(JSON.stringify(Object.values(rules))).toContain('us-east-1');
    expect(JSON.stringify(Object.values(rules))).toContain('AWS::Region');
    // cdk-nag passes with the edge too (its acknowledgements are on the distribution, with reasons).
    expect(() => edgeApp.synth()).not.toThrow();
  });

  it('refuses edgeProtection at synthesis in a known region other than us-east-1', () => {
    const stack = new Stack(new App(), 'Elsewhere', {
      env: { region: 'ap-southeast-1', account: '111111111111' },
    });
    expect(
      () => new EdgeProtection(stack, 'Edge', { apiEndpoint: 'https://x.example', ratePer5Min: 100 }),
    ).toThrow(/us-east-1/);
    const east = new Stack(new App(), 'East', { env: { region: 'us-east-1', account: '111111111111' } });
    expect(
      () => new EdgeProtection(east, 'Edge', { apiEndpoint: 'https://x.example', ratePer5Min: 100 }),
    ).not.toThrow();
  });

  it('takes the limits from the stage, overridable by context and merged over the defaults', () => {
    const ctx = (c: Record<string, unknown>) => (k: string) => c[k];
    expect(resolveStageConfig(ctx({ stage: 'prod' })).rateLimits).toEqual(DEFAULT_RATE_LIMITS);
    const raised = resolveStageConfig(
      ctx({ rateLimits: JSON.stringify({ draftsPerIp: { limit: 50, windowSeconds: 3600 } }) }),
    );
    expect(raised.rateLimits.draftsPerIp.limit).toBe(50);
    expect(raised.rateLimits.mailPerAddress).toEqual(DEFAULT_RATE_LIMITS.mailPerAddress);
    expect(() =>
      resolveStageConfig(ctx({ rateLimits: '{"draftsPerIp":{"limit":0,"windowSeconds":60}}' })),
    ).toThrow();
  });
});
