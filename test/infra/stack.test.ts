import { readFileSync } from 'node:fs';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { environmentOf } from '../../infra/function-env.ts';
import { type FunctionName, functions } from '../../infra/functions.ts';
import { cdkJsonContext, extractWorkflow } from '../../infra/local/synth.ts';
import { NAG_ACKNOWLEDGEMENTS } from '../../infra/nag.ts';
import { DEFAULT_ROUTE, routes } from '../../infra/routes.ts';

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
        Match.objectLike({ IndexName: 'gsi1', Projection: { ProjectionType: 'ALL' } }),
        // A dossier by its public code: only its id is copied, so later writes of the dossier skip the index.
        Match.objectLike({
          IndexName: 'gsi2',
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['id'] },
        }),
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

  it('passes NotifyApproved and IssueCertificate the Director’s sign-off, so the approval names the Director', () => {
    const { definition } = extractWorkflow(resources as never);
    const state = (name: string) =>
      definition.States[name] as { Parameters: { Payload: Record<string, unknown> }; Next?: string };
    expect(state('NotifyApproved').Parameters.Payload).toMatchObject({
      action: 'approved',
      detail: { 'decision.$': '$.signOff', 'certificate.$': '$.certificate.value' },
    });
    expect(state('IssueCertificate').Parameters.Payload).toMatchObject({ 'by.$': '$.signOff.by' });
    // The reviewer's (or council's) approval only leads to the Director's wait, never to a certificate.
    const decision = definition.States.Decision as unknown as { Choices: { Next: string }[] };
    expect(decision.Choices.map((c) => c.Next)).not.toContain('IssueCertificate');
    expect(state('AwaitSignOff').Parameters.Payload).toMatchObject({
      step: 'signOff',
      'recommendation.$': '$.decision',
    });
    expect(state('AwaitSignOff').Next).toBe('SignOff');
  });

  it('has every workflow state the README’s lifecycle table names', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Dossier lifecycle'), readme.indexOf('## How it is built'));
    // The last column of each row: the states (PascalCase) that trigger the event.
    const named = table
      .split('\n')
      .filter((line) => line.startsWith('| '))
      .flatMap((line) => [...(line.split('|').at(-2) ?? '').matchAll(/`([A-Z]\w+)`/g)].map((m) => m[1]!));
    expect(named.length).toBeGreaterThan(8);
    const { definition } = extractWorkflow(resources as never);
    for (const state of named) expect(Object.keys(definition.States), state).toContain(state);
  });

  /** Every inline policy attached to a function's role, as JSON text. */
  const policyOf = (fnName: string) => {
    const [logicalId] = Object.entries(resources).find(([, r]) => r.Metadata?.['hcsn:function'] === fnName)!;
    const roleRef = JSON.stringify(resources[logicalId]!.Properties!.Role);
    const role = /"Fn::GetAtt":\["([^"]+)"/.exec(roleRef)![1]!;
    return JSON.stringify(
      Object.values(resources).filter(
        (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(role),
      ),
    );
  };

  it('grants each function only what its catalog entry needs', () => {
    const site = policyOf('site');
    expect(site).toContain('dynamodb:GetItem');
    expect(site).not.toContain('dynamodb:PutItem');
    // The site reads certificates for /status download links, and writes nothing anywhere.
    expect(site).not.toContain('s3:PutObject');
    expect(site).not.toContain('s3:DeleteObject');
    expect(site).not.toContain('ses:');
    const intake = policyOf('intake');
    expect(intake).toContain('states:StartExecution');
    // A resubmitted supplement resumes the waiting execution.
    expect(intake).toContain('states:SendTaskSuccess');
    expect(intake).not.toContain('s3:ListBucket');
    const review = policyOf('review');
    expect(review).toContain('states:SendTaskSuccess');
    expect(review).not.toContain('states:StartExecution');
    expect(review).not.toContain('s3:PutObject');
    // The admin function manages the rounds' schedules (open, extend, close), and passes only their role;
    // the jobs function creates follow-up runs there (see follow-up-schedules.test.ts).
    const admin = policyOf('admin');
    for (const action of ['CreateScheduleGroup', 'CreateSchedule', 'UpdateSchedule', 'DeleteSchedule'])
      expect(admin).toContain(`scheduler:${action}`);
    expect(admin).toContain('schedule/HanoiCreativeSpaces-dev-*/*');
    expect(admin).toContain('iam:PassRole');
    expect(intake).not.toContain('iam:PassRole');
    // The dashboard hands long bulk emails to the jobs function, which continues its own runs, and intake
    // hands it new drafts' resume links (test/infra/resume-hand-off.test.ts); nobody else starts it.
    const jobsId = Object.entries(resources).find(([, r]) => r.Metadata?.['hcsn:function'] === 'jobs')![0];
    expect(admin).toContain('lambda:InvokeFunction');
    expect(admin).toContain(jobsId);
    expect(policyOf('jobs')).toContain('lambda:InvokeFunction');
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

  it('lets every function that sends email send on both the identity and the configuration set (aws-cdk#34402)', () => {
    const [configSetId] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::SES::ConfigurationSet')!;
    const [identityId] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::SES::EmailIdentity')!;
    const senders = Object.entries(functions).filter(([, spec]) => (spec.needs as { mail?: boolean }).mail);
    expect(senders.length).toBeGreaterThan(3);
    for (const [name] of senders) {
      const policy = policyOf(name);
      const statements = (
        JSON.parse(policy) as { Properties: { PolicyDocument: { Statement: unknown[] } } }[]
      )
        .flatMap((p) => p.Properties.PolicyDocument.Statement)
        .map((st) => JSON.stringify(st))
        .filter((st) => st.includes('ses:SendEmail'));
      expect(statements.length, `${name} may send`).toBe(1);
      expect(statements[0], `${name}: identity`).toContain(`identity/",{"Ref":"${identityId}"}`);
      expect(statements[0], `${name}: configuration set`).toContain(
        `configuration-set/",{"Ref":"${configSetId}"}`,
      );
    }
    for (const [name, spec] of Object.entries(functions))
      if (!(spec.needs as { mail?: boolean }).mail) expect(policyOf(name), name).not.toContain('ses:');
  });

  it('creates no round schedule at deploy time: rounds are data and schedule themselves when opened', () => {
    // The stack's schedules are the reconciler's (test/infra/reconciler.test.ts) and the Director's daily
    // digest (test/infra/sign-off-schedule.test.ts), tied to no round.
    const schedules = Object.values(resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule');
    expect(schedules.map((r) => JSON.stringify(r.Properties!.Target)).sort()).toEqual([
      expect.stringContaining('{\\"job\\":\\"reconcile\\"}'),
      expect.stringContaining('{\\"job\\":\\"signOffDigest\\"}'),
    ]);
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 0);
    const envOf = (name: string) => {
      const fn = Object.values(resources).find((r) => r.Metadata?.['hcsn:function'] === name)!;
      return (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
    };
    // The admin function has what CreateSchedule needs: group prefix, the target, its role and dead letters.
    for (const v of [
      'SCHEDULE_GROUP_PREFIX',
      'SCHEDULER_ROLE_ARN',
      'SCHEDULER_TARGET_ARN',
      'SCHEDULER_DEAD_LETTER_ARN',
    ])
      expect(envOf('admin')[v], v).toBeDefined();
    // Nothing about a round is in the stack: no deadline, no reviewers, no coordinators list.
    const all = JSON.stringify(resources);
    for (const gone of ['DEADLINE', 'REVIEWER_EMAILS', 'COORDINATOR_EMAILS', '2025-05-30'])
      expect(all).not.toContain(gone);
  });

  it('sets on each function exactly the variables its catalog needs give it (the local runtime reads the same list)', () => {
    for (const name of Object.keys(functions) as FunctionName[]) {
      const fn = Object.values(resources).find((r) => r.Metadata?.['hcsn:function'] === name)!;
      const names = Object.keys(
        (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables,
      );
      const runtime = ['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE', 'NODE_OPTIONS'];
      expect(names.filter((n) => !runtime.includes(n)).sort(), name).toEqual(
        environmentOf(name, 'aws').sort(),
      );
    }
  });

  it('sends what no route takes ($default) to the site function, which answers a 404 page', () => {
    const [, route] = Object.entries(template.findResources('AWS::ApiGatewayV2::Route')).find(
      ([, r]) => r.Properties.RouteKey === '$default',
    )!;
    expect(DEFAULT_ROUTE.fn).toBe('site');
    // Target: integrations/<integration>; that integration invokes the site function.
    const integrationId = JSON.stringify(route.Properties.Target).match(/"Ref":"(\w+)"/)?.[1];
    expect(integrationId).toBeDefined();
    const integration = resources[integrationId!]!;
    expect(integration.Type).toBe('AWS::ApiGatewayV2::Integration');
    const [siteId] = Object.entries(resources).find(([, r]) => r.Metadata?.['hcsn:function'] === 'site')!;
    expect(integration.Properties?.IntegrationUri).toEqual({ 'Fn::GetAtt': [siteId, 'Arn'] });
    // The site function shows the Centre's contact from the stage config (placeholder until set).
    const site = JSON.stringify(resources[siteId]!.Properties);
    expect(site).toContain('"CENTRE_CONTACT"');
    expect(site).toContain('lienhe@kgst.example.vn');
  });

  it('names the first coordinator once, on the functions that sign people in; alarms go to them', () => {
    const withAdmin = Object.values(resources).filter(
      (r) => r.Type === 'AWS::Lambda::Function' && JSON.stringify(r.Properties).includes('"ADMIN_EMAIL"'),
    );
    // admin takes the sign-in request; jobs looks the address up and sends the link (asynchronously).
    expect(withAdmin.map((r) => r.Metadata?.['hcsn:function']).sort()).toEqual(['admin', 'jobs']);
    expect(JSON.stringify(withAdmin[0]!.Properties)).toContain('"ADMIN_EMAIL":"dieuphoi@kgst.example.vn"');
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'dieuphoi@kgst.example.vn',
    });
  });

  it('builds one API route per route-table entry, and the $default route', () => {
    const apiRoutes = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route');
    expect(apiRoutes.map((r) => r.Properties?.RouteKey).sort()).toEqual(
      [...routes.map((r) => `${r.method} ${r.path}`), '$default'].sort(),
    );
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
