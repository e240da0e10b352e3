import { type CfnElement, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { functions } from './functions.ts';
import type { PlatformStack } from './stack.ts';

/** Every object prefix some function is granted (`needs.bucket`). */
const objectPrefixes = (): string[] => [
  ...new Set(
    Object.values(functions).flatMap((spec) => {
      const bucket = (spec.needs as { bucket?: Record<string, readonly string[] | undefined> }).bucket ?? {};
      return Object.values(bucket).flatMap((prefixes) => prefixes ?? []);
    }),
  ),
];

/**
 * cdk-nag findings we accept, each with its reason. Anything not listed here fails synthesis, and the
 * infra test fails on any unacknowledged finding.
 */
export const NAG_ACKNOWLEDGEMENTS: readonly { id: string; reason: string }[] = [
  {
    id: 'AwsSolutions::AwsSolutions-APIG4',
    reason:
      'The site is public by design (the call for applications). Every non-public action is authorized inside its ' +
      'function: a single-use emailed link secret (only its hash is stored) or a coordinator session cookie (DESIGN §7).',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'The basic execution policy only allows writing the function’s own CloudWatch logs.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    reason:
      'X-Ray segment upload and CloudWatch Logs delivery for Step Functions have no resource-level permissions.',
  },
  {
    id: 'AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:key/*]',
    reason:
      'kms:Decrypt for the signing-key SecureString, encrypted with the AWS-managed key alias/aws/ssm whose key id ' +
      'differs per account and cannot be named in a template; the statement is conditioned on kms:ViaService = SSM ' +
      'of this region, so the function can decrypt only through an SSM GetParameter it is allowed (one parameter).',
  },
  {
    id: 'AwsSolutions::AwsSolutions-SQS3',
    reason: 'This queue is itself the dead-letter queue of the EventBridge Scheduler targets.',
  },
];

/** Acknowledgements whose finding id carries a resource's logical id, computed from the stack. */
export function resourceAcknowledgements(stack: PlatformStack): { id: string; reason: string }[] {
  const logicalId = (c: IConstruct) => stack.resolve((c.node.defaultChild as CfnElement).logicalId) as string;
  const iam5 = (resource: string) => `AwsSolutions::AwsSolutions-IAM5[Resource::${resource}]`;
  return [
    // Table grants name the table or one index (no wildcard); their items are scoped by a
    // `dynamodb:LeadingKeys` condition, which cdk-nag does not flag. Object keys are made at run time
    // (per dossier, per certificate), so objects can only be named by prefix: one finding a prefix.
    ...objectPrefixes().map((prefix) => ({
      id: iam5(`<${logicalId(stack.documents.bucket)}.Arn>/${prefix}*`),
      reason:
        `Object keys under ${prefix} are generated per dossier or certificate at run time; each function is ` +
        'granted only the object-level actions it uses, on the prefixes it uses (infra/functions.ts); nothing lists the bucket.',
    })),
    {
      id: iam5(
        `arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule-group/${stack.stackName}-*`,
      ),
      reason:
        'Rounds are data: a coordinator opening a round creates that round’s schedule group (`<stack>-<roundId>`) ' +
        'at run time, so its name is not known at deploy time; only groups of this stack’s prefix.',
    },
    {
      id: iam5(
        `arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${stack.stackName}-*/*`,
      ),
      reason:
        'The one-time schedules (reminder, closing, invitations) of each round live in that round’s group, created ' +
        'at run time; only schedules in groups of this stack’s prefix.',
    },
    // Executions are named by dossier id at run time: DescribeExecution (the reconciler) on this machine's,
    // its ARN written from the machine's fixed name (ApprovalWorkflow.executionsArn).
    {
      id: iam5(
        `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${stack.stackName}-approval:*`,
      ),
      reason:
        'An execution is named after its dossier at run time; the jobs function (reconciler) may only ' +
        'DescribeExecution, on this state machine’s executions, to find a dossier whose execution never started.',
    },
    ...Object.values(stack.fns).map((f) => ({
      id: iam5(`<${logicalId(f.fn)}.Arn>:*`),
      reason:
        'Invoking a function includes its versions and aliases (`:*`); the resource is still this one function.',
    })),
  ];
}

export function acknowledgeNagFindings(stack: PlatformStack): void {
  Validations.of(stack).acknowledge(...NAG_ACKNOWLEDGEMENTS, ...resourceAcknowledgements(stack));
}
