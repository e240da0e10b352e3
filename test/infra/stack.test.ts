import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { cdkJsonContext, extractWorkflow } from '../../infra/local/synth.ts';
import { NAG_ACKNOWLEDGEMENTS } from '../../infra/nag.ts';
import { routes } from '../../infra/routes.ts';

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
>;

describe('CDK stack (offline synth, cdk-nag)', () => {
  let template: Template;
  let resources: Resources;

  beforeAll(() => {
    // Bundling skipped: the assertions are about the template; `cdk synth` bundles for real.
    const { app, stack } = buildApp({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
    template = Template.fromStack(stack);
    resources = template.toJSON().Resources;
    synthesize = () => app.synth();
  });
  let synthesize: () => unknown;

  it('has no unacknowledged cdk-nag finding (synthesis fails on one), and every acknowledgement has a reason', () => {
    expect(synthesize).not.toThrow();
    for (const ack of NAG_ACKNOWLEDGEMENTS) expect(ack.reason.length).toBeGreaterThan(30);
  });

  it('keeps documents private, encrypted and TLS-only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.objectLike({ ServerSideEncryptionConfiguration: Match.anyValue() }),
      CorsConfiguration: Match.anyValue(),
    });
    const policies = Object.values(resources).filter((r) => r.Type === 'AWS::S3::BucketPolicy');
    expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
  });

  it('turns point-in-time recovery on for the table, with the GSIs the access patterns need', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [
        Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      ],
      GlobalSecondaryIndexes: [
        Match.objectLike({ IndexName: 'gsi1' }),
        Match.objectLike({ IndexName: 'gsi2' }),
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('gives every Task state of the workflow a timeout, and every Lambda the newest Node on arm64', () => {
    const { definition } = extractWorkflow(resources as never);
    const tasks = Object.entries(definition.States).filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(5);
    for (const [name, state] of tasks) {
      expect(state.TimeoutSeconds ?? state.TimeoutSecondsPath, `${name} has a timeout`).toBeDefined();
      expect((state.TimeoutSeconds as number | undefined) ?? 0).toBeLessThanOrEqual(2_147_483);
    }
    const fns = Object.values(resources).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['hcsn:function'],
    );
    for (const fn of fns) {
      expect(fn.Properties?.Runtime).toBe('nodejs24.x');
      expect(fn.Properties?.Architectures).toEqual(['arm64']);
    }
  });

  it('grants each function only what its catalog entry needs', () => {
    const policyOf = (fnName: string) => {
      const [logicalId] = Object.entries(resources).find(
        ([, r]) => r.Metadata?.['hcsn:function'] === fnName,
      )!;
      const roleRef = JSON.stringify(resources[logicalId]!.Properties!.Role);
      const role = /"Fn::GetAtt":\["([^"]+)"/.exec(roleRef)![1]!;
      return JSON.stringify(
        Object.values(resources).filter(
          (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(role),
        ),
      );
    };
    const site = policyOf('site');
    expect(site).toContain('dynamodb:GetItem');
    expect(site).not.toContain('dynamodb:PutItem');
    // The site reads certificates for /status download links, and writes nothing anywhere.
    expect(site).not.toContain('s3:PutObject');
    expect(site).not.toContain('s3:DeleteObject');
    expect(site).not.toContain('ses:');
    const intake = policyOf('intake');
    expect(intake).toContain('states:StartExecution');
    expect(intake).not.toContain('states:SendTaskSuccess');
    expect(intake).not.toContain('s3:ListBucket');
    const review = policyOf('review');
    expect(review).toContain('states:SendTaskSuccess');
    expect(review).not.toContain('states:StartExecution');
    expect(review).not.toContain('s3:PutObject');
    // Only the admin function moves the schedules (a deadline extension), and passes only their invoke role.
    const admin = policyOf('admin');
    expect(admin).toContain('scheduler:UpdateSchedule');
    expect(admin).toContain('iam:PassRole');
    expect(policyOf('jobs')).not.toContain('scheduler:');
    expect(intake).not.toContain('iam:PassRole');
    // The dashboard hands long bulk emails to the jobs function, which continues its own runs; nobody else starts it.
    const jobsId = Object.entries(resources).find(([, r]) => r.Metadata?.['hcsn:function'] === 'jobs')![0];
    expect(admin).toContain('lambda:InvokeFunction');
    expect(admin).toContain(jobsId);
    expect(policyOf('jobs')).toContain('lambda:InvokeFunction');
    expect(intake).not.toContain('lambda:InvokeFunction');
    expect(site).not.toContain('lambda:InvokeFunction');
    const adminFn = Object.values(resources).find((r) => r.Metadata?.['hcsn:function'] === 'admin')!;
    expect(JSON.stringify(adminFn.Properties)).toContain(`"JOBS_FUNCTION_NAME":{"Ref":"${jobsId}"}`);
    // A handed-over run that keeps failing ends with the dead letters the alarm watches.
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: jobsId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('builds one API route per route-table entry, and one-time schedules in Hanoi time', () => {
    const apiRoutes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
    expect(apiRoutes.map((r) => r.Properties?.RouteKey).sort()).toEqual(
      routes.map((r) => `${r.method} ${r.path}`).sort(),
    );
    template.resourcePropertiesCountIs(
      'AWS::Scheduler::Schedule',
      { ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh' },
      3,
    );
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'at(2025-05-31T00:00:00)',
      // Named after the stack, so the admin function (SCHEDULE_NAME_PREFIX) finds them to move them.
      Name: Match.stringLikeRegexp('-close-round$'),
    });
    const adminFn = Object.values(resources).find((r) => r.Metadata?.['hcsn:function'] === 'admin')!;
    const adminEnv = adminFn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined;
    expect(adminEnv?.Variables?.SCHEDULE_NAME_PREFIX).toBeDefined();
    // Bounces and complaints: configuration set → encrypted, TLS-only topic → the mail-events function.
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: Match.anyValue(),
      }),
    });
    const eventsTopic = Object.entries(resources).find(
      ([id, r]) => r.Type === 'AWS::SNS::Topic' && id.includes('EventsTopic'),
    )!;
    expect(eventsTopic[1].Properties?.KmsMasterKeyId).toBeDefined();
    const topicPolicy = JSON.stringify(
      Object.values(resources).filter(
        (r) =>
          r.Type === 'AWS::SNS::TopicPolicy' && JSON.stringify(r.Properties?.Topics).includes(eventsTopic[0]),
      ),
    );
    expect(topicPolicy).toContain('aws:SecureTransport');
    expect(topicPolicy).toContain('ses.amazonaws.com');
    const [mailEventsId] = Object.entries(resources).find(
      ([, r]) => r.Metadata?.['hcsn:function'] === 'mailEvents',
    )!;
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: eventsTopic[0] },
      Endpoint: { 'Fn::GetAtt': [mailEventsId, 'Arn'] },
    });
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
    });
  });
});
