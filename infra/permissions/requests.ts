import type { RecordedCall } from './calls.ts';
import { FAKE_ENV, type PolicyDocument, type StackFunction, type StackModel } from './template.ts';

/** One authorization IAM makes for a call: an action on a resource, with the request's context keys. */
export interface IamRequest {
  readonly action: string;
  readonly resource: string;
  readonly context: Readonly<Record<string, string | string[]>>;
  /**
   * The service authorizes this action on `resource` although the IAM reference lists it as a
   * wildcard-only action (Step Functions' task-token callbacks): evaluate it on that resource anyway.
   */
  readonly wildcardOnlyInReference?: boolean;
  /** A resource-based policy that takes part (a bucket policy, a KMS key policy). */
  readonly resourcePolicy?: PolicyDocument;
}

export interface MappedCall {
  readonly call: RecordedCall;
  readonly requests: readonly IamRequest[];
  /** Why (part of) the call cannot be authorized in AWS at all, e.g. its variable is unset there. */
  readonly problems: readonly string[];
}

const { account, region, partition } = FAKE_ENV;
const arn = (service: string, resource: string) =>
  `arn:${partition}:${service}:${region}:${account}:${resource}`;

/** The local runtime's Lambda ARNs (`lambdaContext`), e.g. the jobs function continuing itself. */
const LOCAL_FUNCTION_ARN = /^arn:aws:lambda:ap-southeast-1:000000000000:function:([^:]+)(:.+)?$/;

/**
 * The AWS-managed key `alias/aws/ssm` (its id differs per account): its key policy lets every principal
 * of the account use it through SSM, as AWS publishes it for AWS-managed keys.
 */
const AWS_SSM_KEY_ARN = arn('kms', 'key/aws-managed-ssm-key');
const awsSsmKeyPolicy = (): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': `ssm.${region}.amazonaws.com` },
      },
    },
  ],
});

const S3_OBJECT_ACTIONS: Record<string, string> = {
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  GetObjectAttributes: 's3:GetObjectAttributes',
  PutObject: 's3:PutObject',
  CreateMultipartUpload: 's3:PutObject',
  UploadPart: 's3:PutObject',
  CompleteMultipartUpload: 's3:PutObject',
  AbortMultipartUpload: 's3:AbortMultipartUpload',
  DeleteObject: 's3:DeleteObject',
  GetObjectTagging: 's3:GetObjectTagging',
  PutObjectTagging: 's3:PutObjectTagging',
};

const SCHEDULE_ACTIONS = new Set(['GetSchedule', 'CreateSchedule', 'UpdateSchedule', 'DeleteSchedule']);
const SCHEDULE_GROUP_ACTIONS = new Set(['GetScheduleGroup', 'CreateScheduleGroup', 'DeleteScheduleGroup']);
const TASK_CALLBACKS = new Set(['SendTaskSuccess', 'SendTaskFailure', 'SendTaskHeartbeat']);

/** The domain of `Name <local@domain>` or `local@domain`. */
const domainOf = (address: string) => address.match(/@([^>\s]+)>?\s*$/)?.[1]?.toLowerCase();

/**
 * Maps a recorded call to what IAM authorizes in AWS: each local value that came from an environment
 * variable becomes that variable's value in the function's template environment (resolved), so the
 * resources are named as the stack names them.
 */
export function iamRequestsFor(call: RecordedCall, fn: StackFunction, stack: StackModel): MappedCall {
  const problems: string[] = [];
  const requests: IamRequest[] = [];
  const secure = { 'aws:SecureTransport': 'true' };

  /** The deployed value of a local one. */
  const deployed = (value: string | undefined): string => {
    if (value === undefined) return '';
    const envName = call.env?.[value];
    if (envName) {
      const v = fn.env[envName];
      if (v === undefined) {
        problems.push(`${envName} is read locally but not set on ${fn.name} in the template`);
        return `<${envName} unset>`;
      }
      return envName === 'MAIL_FROM' ? (domainOf(v) ?? v) : v;
    }
    // A value built on one from the environment: `<prefix>-<round>`, `<prefix>/<name>`.
    for (const [local, name] of Object.entries(call.env ?? {})) {
      if (value.startsWith(`${local}-`) || value.startsWith(`${local}/`)) {
        const v = fn.env[name];
        if (v === undefined)
          problems.push(`${name} is read locally but not set on ${fn.name} in the template`);
        else return v + value.slice(local.length);
      }
    }
    const local = LOCAL_FUNCTION_ARN.exec(value);
    if (local) {
      const target = stack.functions[local[1]!];
      if (target) return target.arn + (local[2] ?? '');
      problems.push(`${value} names no function of the stack`);
    }
    return value;
  };

  const p = call.params;
  const op = call.operation;
  const add = (action: string, resource: string, extra: Partial<IamRequest> = {}) =>
    requests.push({ action, resource, context: {}, ...extra });

  switch (call.service) {
    case 'DynamoDB':
      for (const item of p.items ?? []) {
        const table = arn('dynamodb', `table/${deployed(item.table)}`);
        // The grants are conditioned on `dynamodb:LeadingKeys` with `ForAllValues`, which a request
        // without the key would pass: a call whose partition key was not recorded proves nothing.
        if (item.partitionKey === undefined)
          problems.push(
            `no partition key recorded for ${item.action}${item.index ? ` on ${item.index}` : ''}: dynamodb:LeadingKeys cannot be checked`,
          );
        add(`dynamodb:${item.action}`, item.index ? `${table}/index/${item.index}` : table, {
          context: item.partitionKey === undefined ? {} : { 'dynamodb:LeadingKeys': [item.partitionKey] },
        });
      }
      break;
    case 'S3': {
      const bucket = deployed(p.bucket);
      const object = (b: string, key: string) => `arn:${partition}:s3:::${b}/${key}`;
      const withBucket = (b: string) => ({
        context: secure,
        ...(stack.bucketPolicies[b] ? { resourcePolicy: stack.bucketPolicies[b] } : {}),
      });
      if (op === 'CopyObject') {
        add('s3:PutObject', object(bucket, p.key ?? ''), withBucket(bucket));
        const from = deployed(p.copySource?.bucket);
        add('s3:GetObject', object(from, p.copySource?.key ?? ''), withBucket(from));
      } else if (op === 'DeleteObjects') {
        for (const key of p.keys ?? []) add('s3:DeleteObject', object(bucket, key), withBucket(bucket));
      } else if (op === 'ListObjectsV2' || op === 'ListObjects' || op === 'HeadBucket') {
        add('s3:ListBucket', `arn:${partition}:s3:::${bucket}`, withBucket(bucket));
      } else if (S3_OBJECT_ACTIONS[op]) {
        add(S3_OBJECT_ACTIONS[op]!, object(bucket, p.key ?? ''), withBucket(bucket));
      } else problems.push(`no IAM mapping for S3 ${op}`);
      break;
    }
    case 'SESv2': {
      if (op !== 'SendEmail' && op !== 'SendBulkEmail') {
        problems.push(`no IAM mapping for SESv2 ${op}`);
        break;
      }
      const domain = deployed(p.fromDomain);
      const identity = p.fromIdentityArn ? deployed(p.fromIdentityArn) : arn('ses', `identity/${domain}`);
      add(`ses:${op}`, identity);
      // SES authorizes the send on the configuration set too: the one named in the request (in AWS the
      // function's SES_CONFIGURATION_SET, unset locally), else the identity's default set (aws/aws-cdk#34402).
      const set = p.configurationSet
        ? deployed(p.configurationSet)
        : (fn.env.SES_CONFIGURATION_SET ?? stack.identityConfigurationSets[domain]);
      if (set) add(`ses:${op}`, arn('ses', `configuration-set/${set}`));
      break;
    }
    case 'SFN':
      if (op === 'StartExecution' || op === 'StartSyncExecution') {
        add(`states:${op}`, deployed(p.stateMachineArn));
      } else if (TASK_CALLBACKS.has(op)) {
        // The token is opaque; Step Functions authorizes the callback on the state machine whose
        // execution issued it (the IAM reference says `*`, but AWS checks a grant on the state machine:
        // aws/aws-cdk#8486, and AccessDenied names `…:stateMachine:<name>`). One state machine here.
        const machine =
          fn.env.STATE_MACHINE_ARN ?? (stack.stateMachineArns.length === 1 ? stack.stateMachineArns[0] : '*');
        add(`states:${op}`, machine!, { wildcardOnlyInReference: machine !== '*' });
      } else if (op === 'DescribeExecution') {
        // An execution of this function's state machine, named at run time (the reconciler, by dossier id).
        const machine = fn.env.STATE_MACHINE_ARN;
        const name = String(p.executionArn ?? '')
          .split(':')
          .pop();
        if (machine) add(`states:${op}`, `${machine.replace(':stateMachine:', ':execution:')}:${name}`);
        else problems.push(`STATE_MACHINE_ARN is not set on ${fn.name} in the template`);
      } else problems.push(`no IAM mapping for SFN ${op}`);
      break;
    case 'Lambda': {
      if (op !== 'Invoke' && op !== 'InvokeAsync' && op !== 'InvokeWithResponseStream') {
        problems.push(`no IAM mapping for Lambda ${op}`);
        break;
      }
      const name = deployed(p.functionName);
      const base = name.startsWith('arn:') ? name : arn('lambda', `function:${name}`);
      const target = p.qualifier && !/:function:[^:]+:/.test(base) ? `${base}:${p.qualifier}` : base;
      add('lambda:InvokeFunction', target);
      break;
    }
    case 'Scheduler':
      if (SCHEDULE_ACTIONS.has(op)) {
        add(
          `scheduler:${op}`,
          arn('scheduler', `schedule/${deployed(p.groupName ?? 'default')}/${deployed(p.name)}`),
        );
        if ((op === 'CreateSchedule' || op === 'UpdateSchedule') && p.roleArn)
          add('iam:PassRole', deployed(p.roleArn), {
            context: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
          });
      } else if (SCHEDULE_GROUP_ACTIONS.has(op)) {
        add(`scheduler:${op}`, arn('scheduler', `schedule-group/${deployed(p.name)}`));
      } else problems.push(`no IAM mapping for Scheduler ${op}`);
      break;
    case 'SSM':
      if (op !== 'GetParameter' && op !== 'GetParameters') {
        problems.push(`no IAM mapping for SSM ${op}`);
        break;
      }
      for (const name of p.names ?? []) {
        add(`ssm:${op}`, arn('ssm', `parameter/${deployed(name).replace(/^\//, '')}`));
        // A SecureString: SSM decrypts it with the AWS-managed key on the function's behalf.
        if (p.withDecryption)
          add('kms:Decrypt', AWS_SSM_KEY_ARN, {
            context: { 'kms:ViaService': `ssm.${region}.amazonaws.com`, 'kms:CallerAccount': account },
            resourcePolicy: awsSsmKeyPolicy(),
          });
      }
      break;
    default:
      problems.push(`no IAM mapping for ${call.service} ${op}`);
  }
  return { call, requests, problems };
}
