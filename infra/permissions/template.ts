import { buildApp } from '../app.ts';
import { FUNCTION_METADATA_KEY } from '../constructs/app-function.ts';
import { cdkJsonContext } from '../local/synth.ts';

/** The account, region and partition the template's intrinsics are resolved with (nothing is deployed). */
export const FAKE_ENV = {
  account: '123456789012',
  region: 'ap-southeast-1',
  partition: 'aws',
  urlSuffix: 'amazonaws.com',
} as const;

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  Condition?: string;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Conditions?: Record<string, unknown>;
  Parameters?: Record<string, { Default?: unknown }>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement[];
}

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
  Principal?: unknown;
}

export interface IdentityPolicy {
  /** Logical id of the policy resource (or the AWS-managed policy's name). */
  readonly name: string;
  readonly document: PolicyDocument;
  /** An AWS-managed policy: evaluated, but its grants are not the stack's to trim. */
  readonly awsManaged?: boolean;
}

/** One catalog function of the stack, with everything resolved to concrete strings. */
export interface StackFunction {
  readonly name: string;
  readonly logicalId: string;
  readonly arn: string;
  readonly roleArn: string;
  readonly env: Readonly<Record<string, string>>;
  readonly policies: readonly IdentityPolicy[];
  readonly tracing: boolean;
  /** Asynchronous-invocation destinations (EventInvokeConfig): Lambda writes to them as the function. */
  readonly destinations: readonly string[];
}

export interface StackModel {
  readonly stackName: string;
  readonly functions: Readonly<Record<string, StackFunction>>;
  readonly stateMachineArns: readonly string[];
  /** Bucket name → its bucket policy. */
  readonly bucketPolicies: Readonly<Record<string, PolicyDocument>>;
  /** Sending identity (domain or address) → its default configuration set. */
  readonly identityConfigurationSets: Readonly<Record<string, string>>;
  /** What could not be modelled (unknown managed policies…); the check prints these. */
  readonly warnings: readonly string[];
}

/** AWS-managed policies the stack attaches, as AWS publishes them (they cannot be read offline). */
const AWS_MANAGED_POLICIES: Record<string, PolicyDocument> = {
  'service-role/AWSLambdaBasicExecutionRole': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: '*',
      },
    ],
  },
};

/** Synthesizes the stack offline (no bundling, no cdk-nag): only the template is needed. */
export function synthesizeTemplate(context: Record<string, unknown> = {}): {
  template: CfnTemplate;
  stackName: string;
} {
  const { app, stack } = buildApp(
    { context: { ...cdkJsonContext(), ...context, 'aws:cdk:bundling-stacks': [] } },
    { nag: false },
  );
  const template = app.synth().getStackByName(stack.stackName).template as CfnTemplate;
  return { template, stackName: stack.stackName };
}

const NO_VALUE = Symbol('AWS::NoValue');

/** The property that names a resource of each type (when set; otherwise CloudFormation generates one). */
const NAME_PROPERTY: Record<string, string> = {
  'AWS::DynamoDB::GlobalTable': 'TableName',
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::SES::ConfigurationSet': 'Name',
  'AWS::SES::EmailIdentity': 'EmailIdentity',
  'AWS::Scheduler::Schedule': 'Name',
  'AWS::Scheduler::ScheduleGroup': 'Name',
  'AWS::SSM::Parameter': 'Name',
  'AWS::Logs::LogGroup': 'LogGroupName',
};

/** Resolves CloudFormation intrinsics to the strings they would be in the fake account and region. */
export class IntrinsicResolver {
  constructor(
    private readonly template: CfnTemplate,
    private readonly stackName: string,
  ) {}

  private resource(logicalId: string): CfnResource {
    const r = this.template.Resources[logicalId];
    if (!r) throw new Error(`No resource ${logicalId} in the template`);
    return r;
  }

  private prop(logicalId: string, name: string): string | undefined {
    const v = this.resource(logicalId).Properties?.[name];
    return v === undefined ? undefined : this.str(v);
  }

  /** A generated physical name (what CloudFormation would make up for an unnamed resource). */
  private generated(logicalId: string, lower = false): string {
    const name = `${this.stackName}-${logicalId}`;
    return lower ? name.toLowerCase() : name;
  }

  private arn(service: string, resource: string, region = FAKE_ENV.region, account = FAKE_ENV.account) {
    return `arn:${FAKE_ENV.partition}:${service}:${region}:${account}:${resource}`;
  }

  /**
   * The physical name of a resource: its name property when the template sets one, else the name
   * CloudFormation would generate (an S3 bucket's in lower case). An email identity is always named.
   */
  private nameOf(logicalId: string): string {
    const r = this.resource(logicalId);
    const property = NAME_PROPERTY[r.Type];
    const named = property ? this.prop(logicalId, property) : undefined;
    if (r.Type === 'AWS::SES::EmailIdentity') return named!;
    return named ?? this.generated(logicalId, r.Type === 'AWS::S3::Bucket');
  }

  ref(logicalId: string): string {
    switch (logicalId) {
      case 'AWS::Partition':
        return FAKE_ENV.partition;
      case 'AWS::Region':
        return FAKE_ENV.region;
      case 'AWS::AccountId':
        return FAKE_ENV.account;
      case 'AWS::StackName':
        return this.stackName;
      case 'AWS::URLSuffix':
        return FAKE_ENV.urlSuffix;
      case 'AWS::StackId':
        return this.arn('cloudformation', `stack/${this.stackName}/00000000-0000-0000-0000-000000000000`);
    }
    const param = this.template.Parameters?.[logicalId];
    if (param) {
      if (param.Default === undefined) throw new Error(`Parameter ${logicalId} has no default`);
      return this.str(param.Default);
    }
    const r = this.resource(logicalId);
    switch (r.Type) {
      case 'AWS::StepFunctions::StateMachine':
      case 'AWS::SNS::Topic':
      case 'AWS::IAM::ManagedPolicy':
        return this.getAtt(logicalId, 'Arn');
      case 'AWS::SQS::Queue':
        return `https://sqs.${FAKE_ENV.region}.${FAKE_ENV.urlSuffix}/${FAKE_ENV.account}/${this.nameOf(logicalId)}`;
      case 'AWS::KMS::Key':
        return `key-${logicalId.toLowerCase()}`;
      default:
        return this.nameOf(logicalId);
    }
  }

  getAtt(logicalId: string, attribute: string): string {
    const r = this.resource(logicalId);
    const name = () => this.nameOf(logicalId);
    switch (`${r.Type}.${attribute}`) {
      case 'AWS::DynamoDB::GlobalTable.Arn':
      case 'AWS::DynamoDB::Table.Arn':
        return this.arn('dynamodb', `table/${name()}`);
      case 'AWS::DynamoDB::GlobalTable.StreamArn':
      case 'AWS::DynamoDB::Table.StreamArn':
        return this.arn('dynamodb', `table/${name()}/stream/1970-01-01T00:00:00.000`);
      case 'AWS::S3::Bucket.Arn':
        return `arn:${FAKE_ENV.partition}:s3:::${name()}`;
      case 'AWS::S3::Bucket.DomainName':
        return `${name()}.s3.${FAKE_ENV.urlSuffix}`;
      case 'AWS::S3::Bucket.RegionalDomainName':
        return `${name()}.s3.${FAKE_ENV.region}.${FAKE_ENV.urlSuffix}`;
      case 'AWS::Lambda::Function.Arn':
        return this.arn('lambda', `function:${name()}`);
      case 'AWS::StepFunctions::StateMachine.Arn':
        return this.arn('states', `stateMachine:${name()}`);
      case 'AWS::StepFunctions::StateMachine.Name':
        return name();
      case 'AWS::IAM::Role.Arn': {
        const p = this.prop(logicalId, 'Path') ?? '/';
        return `arn:${FAKE_ENV.partition}:iam::${FAKE_ENV.account}:role${p}${name()}`;
      }
      case 'AWS::IAM::ManagedPolicy.Arn':
      case 'AWS::IAM::ManagedPolicy.PolicyArn':
        return `arn:${FAKE_ENV.partition}:iam::${FAKE_ENV.account}:policy/${name()}`;
      case 'AWS::SQS::Queue.Arn':
        return this.arn('sqs', name());
      case 'AWS::SQS::Queue.QueueName':
        return name();
      case 'AWS::SQS::Queue.QueueUrl':
        return this.ref(logicalId);
      case 'AWS::SNS::Topic.TopicArn':
      case 'AWS::SNS::Topic.Arn':
        return this.arn('sns', name());
      case 'AWS::KMS::Key.Arn':
        return this.arn('kms', `key/${this.ref(logicalId)}`);
      case 'AWS::KMS::Key.KeyId':
        return this.ref(logicalId);
      case 'AWS::Scheduler::Schedule.Arn':
        return this.arn('scheduler', `schedule/${this.prop(logicalId, 'GroupName') ?? 'default'}/${name()}`);
      case 'AWS::Scheduler::ScheduleGroup.Arn':
        return this.arn('scheduler', `schedule-group/${name()}`);
      case 'AWS::Logs::LogGroup.Arn':
        return this.arn('logs', `log-group:${name()}:*`);
      case 'AWS::ApiGatewayV2::Api.ApiEndpoint':
        return `https://${logicalId.toLowerCase()}.execute-api.${FAKE_ENV.region}.${FAKE_ENV.urlSuffix}`;
      default:
        // Not a name IAM compares: a recognisable placeholder.
        return `${logicalId}.${attribute}`;
    }
  }

  private condition(name: string): boolean {
    const c = this.template.Conditions?.[name];
    if (c === undefined) throw new Error(`No condition ${name} in the template`);
    return this.bool(c);
  }

  private bool(v: unknown): boolean {
    if (typeof v === 'boolean') return v;
    const o = v as Record<string, unknown[]>;
    if ('Condition' in o) return this.condition(o.Condition as unknown as string);
    if ('Fn::Equals' in o) return this.str(o['Fn::Equals']![0]) === this.str(o['Fn::Equals']![1]);
    if ('Fn::Not' in o) return !this.bool(o['Fn::Not']![0]);
    if ('Fn::And' in o) return o['Fn::And']!.every((x) => this.bool(x));
    if ('Fn::Or' in o) return o['Fn::Or']!.some((x) => this.bool(x));
    throw new Error(`Cannot evaluate condition ${JSON.stringify(v)}`);
  }

  private sub(text: string, vars: Record<string, unknown>): string {
    return text.replace(/\$\{([^}!][^}]*)\}/g, (_, expr: string) => {
      if (expr in vars) return this.str(vars[expr]);
      const dot = expr.indexOf('.');
      if (dot > 0 && !expr.startsWith('AWS::')) return this.getAtt(expr.slice(0, dot), expr.slice(dot + 1));
      return this.ref(expr);
    });
  }

  /** Resolves any template value: intrinsics become strings, objects and arrays are resolved deeply. */
  resolve(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => this.resolve(x)).filter((x) => x !== NO_VALUE);
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1) {
      const [k] = keys as [string];
      const arg = o[k];
      switch (k) {
        case 'Ref':
          return arg === 'AWS::NoValue' ? NO_VALUE : this.ref(arg as string);
        case 'Fn::GetAtt': {
          const [id, attr] = Array.isArray(arg) ? arg : String(arg).split(/\.(.+)/);
          return this.getAtt(id as string, this.str(attr));
        }
        case 'Fn::Join': {
          const [sep, parts] = arg as [string, unknown];
          return (this.resolve(parts) as unknown[]).map((p) => this.str(p)).join(sep);
        }
        case 'Fn::Sub': {
          const [text, vars] = Array.isArray(arg) ? arg : [arg, {}];
          return this.sub(text as string, (vars ?? {}) as Record<string, unknown>);
        }
        case 'Fn::Select': {
          const [index, list] = arg as [unknown, unknown];
          return (this.resolve(list) as unknown[])[Number(this.str(index))];
        }
        case 'Fn::Split': {
          const [sep, text] = arg as [string, unknown];
          return this.str(text).split(sep);
        }
        case 'Fn::If': {
          const [cond, yes, no] = arg as [string, unknown, unknown];
          return this.resolve(this.condition(cond) ? yes : no);
        }
        case 'Fn::GetAZs':
          return ['a', 'b', 'c'].map((z) => `${FAKE_ENV.region}${z}`);
        case 'Fn::ImportValue':
        case 'Fn::FindInMap':
        case 'Fn::Base64':
        case 'Fn::Cidr':
          throw new Error(`Cannot resolve ${k} offline: ${JSON.stringify(arg)}`);
      }
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      const r = this.resolve(x);
      if (r !== NO_VALUE) out[k] = r;
    }
    return out;
  }

  str(v: unknown): string {
    const r = this.resolve(v);
    if (typeof r === 'string') return r;
    if (typeof r === 'number' || typeof r === 'boolean') return String(r);
    throw new Error(`Expected a string, got ${JSON.stringify(r)}`);
  }
}

const refTo = (v: unknown): string | undefined =>
  v && typeof v === 'object' && 'Ref' in v ? String((v as { Ref: unknown }).Ref) : undefined;

const getAttOf = (v: unknown): string | undefined => {
  const g = v && typeof v === 'object' ? (v as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'] : undefined;
  return Array.isArray(g) ? String(g[0]) : undefined;
};

/** Each catalog function of a synthesized template with its role's policies, all resolved. */
export function readStack(template: CfnTemplate, stackName: string): StackModel {
  const resolver = new IntrinsicResolver(template, stackName);
  const warnings: string[] = [];
  const resources = Object.entries(template.Resources);
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
  const doc = (v: unknown) => resolver.resolve(v) as PolicyDocument;

  const functions: Record<string, StackFunction> = {};
  for (const [logicalId, r] of ofType('AWS::Lambda::Function')) {
    const name = r.Metadata?.[FUNCTION_METADATA_KEY];
    if (typeof name !== 'string') continue;
    const roleId = getAttOf(r.Properties?.Role);
    if (!roleId) throw new Error(`${name}: its role is not a role of this template`);
    const role = template.Resources[roleId]!;
    const policies: IdentityPolicy[] = [];
    for (const p of (role.Properties?.Policies ?? []) as { PolicyName: unknown; PolicyDocument: unknown }[])
      policies.push({ name: `${roleId}/${resolver.str(p.PolicyName)}`, document: doc(p.PolicyDocument) });
    for (const [id, p] of ofType('AWS::IAM::Policy')) {
      if (((p.Properties?.Roles ?? []) as unknown[]).some((x) => refTo(x) === roleId))
        policies.push({ name: id, document: doc(p.Properties?.PolicyDocument) });
    }
    for (const [id, p] of ofType('AWS::IAM::RolePolicy')) {
      if (refTo(p.Properties?.RoleName) === roleId)
        policies.push({ name: id, document: doc(p.Properties?.PolicyDocument) });
    }
    const managedIds = new Set<string>();
    for (const [id, p] of ofType('AWS::IAM::ManagedPolicy')) {
      if (((p.Properties?.Roles ?? []) as unknown[]).some((x) => refTo(x) === roleId)) managedIds.add(id);
    }
    for (const arn of (role.Properties?.ManagedPolicyArns ?? []) as unknown[]) {
      const local = refTo(arn);
      if (local && template.Resources[local]?.Type === 'AWS::IAM::ManagedPolicy') {
        managedIds.add(local);
        continue;
      }
      const resolved = resolver.str(arn);
      const awsName = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(resolved)?.[1];
      const known = awsName ? AWS_MANAGED_POLICIES[awsName] : undefined;
      if (known) policies.push({ name: awsName!, document: known, awsManaged: true });
      else warnings.push(`${name}: managed policy ${resolved} is not known offline and was not evaluated`);
    }
    for (const id of managedIds)
      policies.push({ name: id, document: doc(template.Resources[id]!.Properties?.PolicyDocument) });

    const destinations = ofType('AWS::Lambda::EventInvokeConfig')
      .filter(([, c]) => refTo(c.Properties?.FunctionName) === logicalId)
      .flatMap(([, c]) => {
        const config = resolver.resolve(c.Properties?.DestinationConfig ?? {}) as Record<
          string,
          { Destination?: string }
        >;
        return Object.values(config).flatMap((d) => (d.Destination ? [d.Destination] : []));
      });
    const variables = (r.Properties?.Environment as { Variables?: unknown } | undefined)?.Variables ?? {};
    functions[name] = {
      name,
      logicalId,
      arn: resolver.getAtt(logicalId, 'Arn'),
      roleArn: resolver.getAtt(roleId, 'Arn'),
      env: resolver.resolve(variables) as Record<string, string>,
      policies,
      tracing: (r.Properties?.TracingConfig as { Mode?: string } | undefined)?.Mode === 'Active',
      destinations,
    };
  }

  const bucketPolicies: Record<string, PolicyDocument> = {};
  for (const [, p] of ofType('AWS::S3::BucketPolicy'))
    bucketPolicies[resolver.str(p.Properties?.Bucket)] = doc(p.Properties?.PolicyDocument);
  const identityConfigurationSets: Record<string, string> = {};
  for (const [id, p] of ofType('AWS::SES::EmailIdentity')) {
    const set = (p.Properties?.ConfigurationSetAttributes as { ConfigurationSetName?: unknown } | undefined)
      ?.ConfigurationSetName;
    if (set !== undefined) identityConfigurationSets[resolver.ref(id).toLowerCase()] = resolver.str(set);
  }
  return {
    stackName,
    functions,
    stateMachineArns: ofType('AWS::StepFunctions::StateMachine').map(([id]) => resolver.getAtt(id, 'Arn')),
    bucketPolicies,
    identityConfigurationSets,
    warnings,
  };
}
