import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RecordedCall, readRecordedCalls } from '../../infra/permissions/calls.ts';
import { evaluateCalls, formatReport } from '../../infra/permissions/evaluate.ts';
import { iamRequestsFor } from '../../infra/permissions/requests.ts';
import { type CfnTemplate, readStack, synthesizeTemplate } from '../../infra/permissions/template.ts';

// Local values, as the recorder writes them: the local system's names, tagged with their variable.
const TABLE = { 'hcsn-local': 'TABLE_NAME' };
const BUCKET = { 'hcsn-documents': 'BUCKET_NAME' };
const MACHINE = 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:ApprovalWorkflow';

const intakePut: RecordedCall = {
  fn: 'intake',
  service: 'DynamoDB',
  operation: 'PutItem',
  params: { items: [{ table: 'hcsn-local', action: 'PutItem', partitionKey: 'DOSSIER#KGST-2025-0042' }] },
  env: TABLE,
};
const intakeSend: RecordedCall = {
  fn: 'intake',
  service: 'SESv2',
  operation: 'SendEmail',
  params: { fromDomain: 'kgst.hanoi.local' },
  env: { 'kgst.hanoi.local': 'MAIL_FROM' },
};

/** Calls the functions make, in AWS-only paths too (signing key, schedules), and what IAM must allow. */
const CALLS: RecordedCall[] = [
  intakePut,
  intakeSend,
  {
    fn: 'intake',
    service: 'S3',
    operation: 'PutObject',
    presigned: 'post',
    params: { bucket: 'hcsn-documents', key: 'uploads/d1/photos/p1' },
    env: BUCKET,
  },
  {
    fn: 'intake',
    service: 'S3',
    operation: 'CopyObject',
    params: {
      bucket: 'hcsn-documents',
      key: 'dossiers/d1/photos/p1',
      copySource: { bucket: 'hcsn-documents', key: 'uploads/d1/photos/p1' },
    },
    env: BUCKET,
  },
  {
    fn: 'intake',
    service: 'SFN',
    operation: 'StartExecution',
    params: { stateMachineArn: MACHINE },
    env: { [MACHINE]: 'STATE_MACHINE_ARN' },
  },
  { fn: 'review', service: 'SFN', operation: 'SendTaskSuccess', params: {} },
  {
    fn: 'site',
    service: 'DynamoDB',
    operation: 'Query',
    // A status lookup by dossier code: the index's partition key is the one the request carries.
    params: {
      items: [{ table: 'hcsn-local', index: 'gsi2', action: 'Query', partitionKey: 'CODE#HN-0042' }],
    },
    env: TABLE,
  },
  {
    fn: 'issueCertificate',
    service: 'DynamoDB',
    operation: 'TransactWriteItems',
    params: {
      items: [
        { table: 'hcsn-local', action: 'PutItem', partitionKey: 'CERTIFICATE#abc' },
        // The dossier's pointer to its certificate and its audit entry, in the same transaction.
        { table: 'hcsn-local', action: 'PutItem', partitionKey: 'DOSSIER#KGST-2025-0042' },
      ],
    },
    env: TABLE,
  },
  {
    fn: 'admin',
    service: 'Lambda',
    operation: 'Invoke',
    params: { functionName: 'jobs' },
    env: { jobs: 'JOBS_FUNCTION_NAME' },
  },
  {
    // A long run continues itself through the ARN of its own invocation context.
    fn: 'jobs',
    service: 'Lambda',
    operation: 'Invoke',
    params: { functionName: 'arn:aws:lambda:ap-southeast-1:000000000000:function:jobs' },
  },
  {
    fn: 'verify',
    service: 'SSM',
    operation: 'GetParameter',
    params: { names: ['/local/signing-key'], withDecryption: true },
    env: { '/local/signing-key': 'SIGNING_KEY_PARAMETER' },
  },
  {
    fn: 'admin',
    service: 'Scheduler',
    operation: 'CreateScheduleGroup',
    params: { name: 'local-prefix-2025' },
    env: { 'local-prefix': 'SCHEDULE_GROUP_PREFIX' },
  },
  {
    fn: 'admin',
    service: 'Scheduler',
    operation: 'UpdateSchedule',
    params: {
      name: 'close-round',
      groupName: 'local-prefix-2025',
      roleArn: 'arn:aws:iam::000000000000:role/local-scheduler',
    },
    env: {
      'local-prefix': 'SCHEDULE_GROUP_PREFIX',
      'arn:aws:iam::000000000000:role/local-scheduler': 'SCHEDULER_ROLE_ARN',
    },
  },
];

/** A statement as synthesized: resources may still be intrinsics. */
interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** The statements of a function's role policies in a template (edited in place by the tests). */
function statementsOf(template: CfnTemplate, fn: string): Statement[] {
  const lambda = Object.values(template.Resources).find((r) => r.Metadata?.['hcsn:function'] === fn)!;
  const roleId = (lambda.Properties!.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  return Object.values(template.Resources)
    .filter(
      (r) =>
        r.Type === 'AWS::IAM::Policy' &&
        (r.Properties!.Roles as { Ref?: string }[]).some((x) => x.Ref === roleId),
    )
    .flatMap((r) => (r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
}

describe('permission proof (recorded SDK calls against the synthesized IAM policies)', () => {
  let template: CfnTemplate;
  let stackName: string;
  const evaluate = (t: CfnTemplate, calls = CALLS) => evaluateCalls(calls, readStack(t, stackName));

  beforeAll(() => {
    ({ template, stackName } = synthesizeTemplate());
  });

  it('allows every call the functions make with the stack as synthesized', async () => {
    const report = await evaluate(template);
    expect(report.denied).toEqual([]);
    expect(report.calls).toBe(CALLS.length);
    expect(formatReport(report)).toMatch(
      new RegExp(
        `^permissions: ${CALLS.length} calls by 7 functions checked against the synthesized policies, 0 denied, \\d+ granted actions never used`,
      ),
    );
  });

  it('puts the deployed names in place of the local ones', () => {
    const stack = readStack(template, stackName);
    const put = iamRequestsFor(intakePut, stack.functions.intake!, stack);
    expect(put.problems).toEqual([]);
    expect(put.requests).toEqual([
      {
        action: 'dynamodb:PutItem',
        resource: `arn:aws:dynamodb:ap-southeast-1:123456789012:table/${stack.functions.intake!.env.TABLE_NAME}`,
        context: { 'dynamodb:LeadingKeys': ['DOSSIER#KGST-2025-0042'] },
      },
    ]);
    // SES authorizes the identity of the sender's domain and the configuration set (aws/aws-cdk#34402).
    const send = iamRequestsFor(intakeSend, stack.functions.intake!, stack);
    expect(send.requests.map((r) => `${r.action} ${r.resource}`)).toEqual([
      'ses:SendEmail arn:aws:ses:ap-southeast-1:123456789012:identity/kgst.example.vn',
      `ses:SendEmail arn:aws:ses:ap-southeast-1:123456789012:configuration-set/${stack.functions.intake!.env.SES_CONFIGURATION_SET}`,
    ]);
    const self = iamRequestsFor(CALLS.find((c) => c.fn === 'jobs')!, stack.functions.jobs!, stack);
    expect(self.requests[0]!.resource).toBe(stack.functions.jobs!.arn);
  });

  it('denies a call once its grant is removed from the function policy, and lists it', async () => {
    const edited = structuredClone(template);
    for (const s of statementsOf(edited, 'intake'))
      s.Action = [s.Action].flat().filter((a) => a !== 'dynamodb:PutItem');
    const report = await evaluate(edited);
    const stack = readStack(edited, stackName);
    expect(report.deniedCalls).toBe(1);
    expect(report.denied).toEqual([
      {
        fn: 'intake',
        action: 'dynamodb:PutItem',
        resource: `arn:aws:dynamodb:ap-southeast-1:123456789012:table/${stack.functions.intake!.env.TABLE_NAME}`,
        key: 'DOSSIER#KGST-2025-0042',
        reason: 'ImplicitlyDenied',
        calls: 1,
      },
    ]);
    expect(formatReport(report)).toContain(', 1 denied,');
    expect(formatReport(report)).toMatch(
      /intake {2}dynamodb:PutItem {2}arn:aws:dynamodb:\S+ {2}key DOSSIER#KGST-2025-0042/,
    );
    expect(formatReport(report)).toContain('add its prefix to needs.table.read/write/delete');
  });

  it("denies SendEmail when the grant covers the identity only (CDK's grantSendEmail, aws/aws-cdk#34402)", async () => {
    const edited = structuredClone(template);
    for (const s of statementsOf(edited, 'intake')) {
      if ([s.Action].flat().includes('ses:SendEmail'))
        s.Resource = [s.Resource].flat().filter((r) => !JSON.stringify(r).includes('configuration-set'));
    }
    const report = await evaluate(edited);
    expect(report.denied.map((d) => `${d.fn} ${d.action} ${d.resource.replace(/\/.*/, '')}`)).toEqual([
      'intake ses:SendEmail arn:aws:ses:ap-southeast-1:123456789012:configuration-set',
    ]);
  });

  it('denies a call without a grant, one whose variable the function lacks in AWS, and an unmapped one', async () => {
    const report = await evaluate(template, [
      { ...intakeSend, fn: 'site' },
      { ...CALLS.find((c) => c.operation === 'StartExecution')!, fn: 'site' },
      { fn: 'site', service: 'S3', operation: 'PutBucketPolicy', params: { bucket: 'hcsn-documents' } },
    ]);
    expect(report.deniedCalls).toBe(3);
    expect(report.denied.map((d) => `${d.action}: ${d.reason}`)).toEqual(
      expect.arrayContaining([
        'ses:SendEmail: ImplicitlyDenied',
        'SFN:StartExecution: STATE_MACHINE_ARN is read locally but not set on site in the template',
        'S3:PutBucketPolicy: no IAM mapping for S3 PutBucketPolicy',
      ]),
    );
  });

  it('fails when nothing was recorded, and lists grants no call used', async () => {
    const empty = await evaluate(template, []);
    expect(formatReport(empty)).toMatch(/^permissions: 0 calls by 0 functions/);
    const report = await evaluate(template, [intakePut]);
    expect(report.unused.intake).toEqual(expect.arrayContaining(['ses:SendEmail', 'states:StartExecution']));
    expect(report.unused.intake).not.toContain('dynamodb:PutItem');
    // Partition keys the one call did not use are listed by kind; the one it used is not.
    expect(report.unusedKeys.intake).toEqual(expect.arrayContaining(['read DOSSIER#*', 'write GUARD#*']));
    expect(report.unusedKeys.intake).not.toContain('write DOSSIER#*');
  });

  it('records only what a function sends, from the local runner, presigned POSTs included', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hcsn-calls-'));
    try {
      const root = path.resolve(import.meta.dirname, '..', '..');
      const script = `
        // As the local runner does: recording starts before the handlers import the SDK.
        const { asFunction, startSdkCallRecording } = await import('./infra/permissions/recorder.ts');
        await startSdkCallRecording(${JSON.stringify(dir)});
        const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
        const { DynamoDBDocumentClient, PutCommand, QueryCommand } = await import('@aws-sdk/lib-dynamodb');
        const { S3Client } = await import('@aws-sdk/client-s3');
        const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
        Object.assign(process.env, { TABLE_NAME: 'hcsn-local', BUCKET_NAME: 'hcsn-documents' });
        const credentials = { accessKeyId: 'x', secretAccessKey: 'y' };
        const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({
          region: 'ap-southeast-1', endpoint: 'http://127.0.0.1:9', credentials, maxAttempts: 1 }));
        const put = () => ddb.send(new PutCommand({ TableName: 'hcsn-local', Item: { pk: 'DOSSIER#1', sk: 'DOSSIER' } })).catch(() => {});
        await put();
        await asFunction('intake', put);
        await asFunction('intake', put);
        // An index query: its partition key is the index's (what dynamodb:LeadingKeys is compared with).
        await asFunction('site', () => ddb.send(new QueryCommand({ TableName: 'hcsn-local', IndexName: 'gsi2',
          KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': 'gsi2pk' },
          ExpressionAttributeValues: { ':pk': 'CODE#HN-0042' } })).catch(() => {}));
        const s3 = new S3Client({ region: 'ap-southeast-1', credentials });
        await asFunction('intake', () => createPresignedPost(s3, { Bucket: 'hcsn-documents', Key: 'uploads/x' }));
      `;
      await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: root,
        env: { ...process.env, HCSN_SDK_CALL_LOG: '' },
      });
      expect(readRecordedCalls(dir)).toEqual([
        {
          fn: 'intake',
          service: 'DynamoDB',
          operation: 'PutItem',
          params: { items: [{ table: 'hcsn-local', action: 'PutItem', partitionKey: 'DOSSIER#1' }] },
          env: TABLE,
        },
        {
          fn: 'site',
          service: 'DynamoDB',
          operation: 'Query',
          params: {
            items: [{ table: 'hcsn-local', index: 'gsi2', action: 'Query', partitionKey: 'CODE#HN-0042' }],
          },
          env: TABLE,
        },
        {
          fn: 'intake',
          service: 'S3',
          operation: 'PutObject',
          presigned: 'post',
          params: { bucket: 'hcsn-documents', key: 'uploads/x' },
          env: BUCKET,
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
