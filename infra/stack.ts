import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { TABLE_KEYS } from '../shared/adapters/dynamodb/keys.ts';
import { serializeRateLimits } from '../shared/domain/rate-limits.ts';
import { Env, type EnvName } from '../shared/env.ts';
import { AppFunction } from './constructs/app-function.ts';
import { ApprovalWorkflow } from './constructs/approval-workflow.ts';
import { DataTable } from './constructs/data-table.ts';
import { DocumentBucket } from './constructs/document-bucket.ts';
import { EdgeProtection } from './constructs/edge-protection.ts';
import { PublicApi } from './constructs/http-api.ts';
import { Mailer } from './constructs/mailer.ts';
import { OperationsAlarms } from './constructs/operations-alarms.ts';
import { RoundSchedules } from './constructs/round-schedules.ts';
import { addStandingSchedules } from './constructs/standing-schedules.ts';
import { environmentOf } from './function-env.ts';
import { type FunctionName, type FunctionSpec, functions } from './functions.ts';
import { routes } from './routes.ts';
import type { StageConfig } from './stages.ts';

export interface PlatformStackProps extends StackProps {
  readonly config: StageConfig;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The whole platform in one stack; wiring only, every piece lives in its construct. */
export class PlatformStack extends Stack {
  readonly fns: Record<FunctionName, AppFunction>;
  readonly table: DataTable;
  readonly documents: DocumentBucket;

  constructor(scope: Construct, id: string, props: PlatformStackProps) {
    super(scope, id, props);
    const { config } = props;
    const data = new DataTable(this, 'Data', { retain: config.retainData });
    this.table = data;
    const documents = new DocumentBucket(this, 'Documents', {
      formOrigin: config.formOrigin,
      retain: config.retainData,
    });
    this.documents = documents;
    const mailer = new Mailer(this, 'Mail', { mailDomain: config.mailDomain });

    this.fns = Object.fromEntries(
      Object.entries(functions).map(([name, spec]) => [
        name,
        new AppFunction(this, `${pascal(name)}Function`, { name, spec }),
      ]),
    ) as Record<FunctionName, AppFunction>;
    const lambdas = Object.fromEntries(
      Object.entries(this.fns).map(([k, v]) => [k, v.fn]),
    ) as unknown as Record<FunctionName, IFunction>;

    const workflow = new ApprovalWorkflow(this, 'Approval', {
      functions: lambdas,
      reviewTimeoutSeconds: config.reviewTimeoutSeconds,
      remindersBeforeEscalation: 2,
      signOffTimeoutSeconds: config.signOffTimeoutSeconds,
    });
    const api = new PublicApi(this, 'Http', { functions: lambdas });
    mailer.subscribe(lambdas.mailEvents);
    if (config.edgeProtection)
      new EdgeProtection(this, 'Edge', {
        apiEndpoint: api.api.apiEndpoint,
        ratePer5Min: config.edgeRateLimitPer5Min,
      });

    const jobsDlq = new Queue(this, 'JobsDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    const roundSchedules = new RoundSchedules(this, 'Schedules', {
      target: lambdas.jobs,
      deadLetterQueue: jobsDlq,
    });
    addStandingSchedules(this, {
      target: lambdas.jobs,
      invokeRole: roundSchedules.invokeRole,
      deadLetterQueue: jobsDlq,
    });

    // Each function's variables are exactly those its `needs` give it (`environmentOf`, which the local
    // runtime reads too); the values are this stack's.
    const values: Partial<Record<EnvName, string>> = {
      [Env.stage]: config.stage,
      [Env.publicBaseUrl]: config.publicBaseUrl || api.api.apiEndpoint,
      [Env.tableName]: data.table.tableName,
      [Env.bucketName]: documents.bucket.bucketName,
      [Env.mailFrom]: config.mailFrom,
      [Env.sesConfigurationSet]: mailer.configurationSet.configurationSetName,
      [Env.sendRatePerSecond]: String(config.sendRatePerSecond),
      [Env.stateMachineArn]: workflow.arn,
      [Env.signingKeyParameter]: config.signingKeyParameter,
      [Env.jobsFunctionName]: lambdas.jobs.functionName,
      [Env.adminEmail]: config.adminEmail,
      [Env.rateLimits]: serializeRateLimits(config.rateLimits),
      [Env.centreContact]: JSON.stringify(config.centreContact),
      [Env.directoryTileUrl]: config.directoryTileUrl,
      [Env.directoryTileAttribution]: config.directoryTileAttribution,
      ...roundSchedules.environment,
    };
    for (const [name, f] of Object.entries(this.fns) as [FunctionName, AppFunction][]) {
      for (const variable of environmentOf(name, 'aws')) {
        const value = values[variable];
        if (value === undefined) throw new Error(`No value for ${variable}, which ${name} needs`);
        f.fn.addEnvironment(variable, value);
      }
    }

    // Each need's grant, beside the variables above.
    for (const [name, f] of Object.entries(this.fns) as [FunctionName, AppFunction][]) {
      const needs = functions[name].needs as FunctionSpec['needs'];
      // Table and bucket: by partition key and by object prefix, as `infra/functions.ts` lists them (the
      // rate limits' `RATE#` counters are granted below, with their need).
      if (needs.table) data.grantAccess(f.fn, needs.table);
      if (needs.bucket) documents.grantAccess(f.fn, needs.bucket);
      if (needs.mail) mailer.grantSend(f.fn);
      if (needs.signingKey) {
        f.fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['ssm:GetParameter'],
            resources: [
              this.formatArn({
                service: 'ssm',
                resource: 'parameter',
                resourceName: config.signingKeyParameter.replace(/^\//, ''),
              }),
            ],
          }),
        );
        // The SecureString is encrypted with the AWS-managed key alias/aws/ssm, whose id differs per
        // account: any key, but only when SSM asks on the function's behalf.
        f.fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['kms:Decrypt'],
            resources: [this.formatArn({ service: 'kms', resource: 'key', resourceName: '*' })],
            conditions: { StringEquals: { 'kms:ViaService': `ssm.${this.region}.amazonaws.com` } },
          }),
        );
      }
      if (needs.jobs && name !== 'jobs') lambdas.jobs.grantInvoke(f.fn);
      if (needs.schedules) roundSchedules.grantManage(f.fn);
      if (needs.workflow) {
        const access = needs.workflow as string;
        // By the state machine's name-built ARN (ApprovalWorkflow.arn), the same actions CDK's grants give.
        const allow = (actions: string[], resource: string) =>
          f.fn.addToRolePolicy(new PolicyStatement({ actions, resources: [resource] }));
        if (access.includes('start')) allow(['states:StartExecution'], workflow.arn);
        if (access.includes('callback'))
          allow(
            ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
            workflow.arn,
          );
        // DescribeExecution only: the reconciler tells a lost execution (never started) from a running one.
        if (access.includes('read')) allow(['states:DescribeExecution'], workflow.executionsArn);
      }
    }

    // The rate-limit counters (`needs.rateLimits`): one conditional UpdateItem per hit, on `RATE#` items only.
    for (const [name, f] of Object.entries(this.fns) as [FunctionName, AppFunction][])
      if ((functions[name].needs as { rateLimits?: boolean }).rateLimits)
        f.fn.addToRolePolicy(
          new PolicyStatement({
            actions: ['dynamodb:UpdateItem'],
            resources: [data.table.tableArn],
            conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RATE#*'] } },
          }),
        );

    // The jobs function continues a long run in a new invocation of itself (the ARN from its context): a
    // policy of its own, since one in the role's default policy, which the function depends on, would be
    // a circular reference.
    new Policy(this, 'JobsContinueThemselves', {
      roles: [this.fns.jobs.fn.role!],
      statements: [
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [lambdas.jobs.functionArn] }),
      ],
    });

    // Runs handed over by the dashboard or by a run of itself are asynchronous invocations: retried twice,
    // then kept with the schedules' dead letters, where the alarm sees them.
    this.fns.jobs.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(jobsDlq),
    });
    new OperationsAlarms(this, 'Alarms', {
      functions: lambdas,
      stateMachine: workflow.stateMachine,
      deadLetterQueues: [jobsDlq],
      notifyEmails: [config.adminEmail],
      api: api.api,
      routes,
      table: data.table,
      indexNames: TABLE_KEYS.indexes.map((i) => i.name),
      // What AppFunction sets as POWERTOOLS_METRICS_NAMESPACE (test/infra/alarms.test.ts compares them).
      metricsNamespace: `HanoiCreativeSpaces/${this.stackName}`,
    });
    new CfnOutput(this, 'StateMachineArn', { value: workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'BucketName', { value: documents.bucket.bucketName });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
  }
}
