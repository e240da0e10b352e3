import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionName, functions } from '../../infra/functions.ts';
import type { RecordedCall } from '../../infra/permissions/calls.ts';
import { evaluateCalls } from '../../infra/permissions/evaluate.ts';
import { readStack, type StackModel, synthesizeTemplate } from '../../infra/permissions/template.ts';

// Calls as the recorder writes them, with local names tagged by their variable.
const TABLE = { 'hcsn-local': 'TABLE_NAME' };
const BUCKET = { 'hcsn-documents': 'BUCKET_NAME' };

const item = (fn: FunctionName, operation: string, partitionKey: string, index?: string): RecordedCall => ({
  fn,
  service: 'DynamoDB',
  operation,
  params: { items: [{ table: 'hcsn-local', action: operation, partitionKey, ...(index ? { index } : {}) }] },
  env: TABLE,
});
const object = (fn: FunctionName, operation: string, key: string): RecordedCall => ({
  fn,
  service: 'S3',
  operation,
  params: { bucket: 'hcsn-documents', key },
  env: BUCKET,
});

/** Public functions: anyone on the internet reaches them (the revocation path of `verify` aside). */
const PUBLIC: readonly FunctionName[] = ['site', 'verify', 'rsvp', 'review', 'intake', 'directory'];

describe('least privilege: each function reaches only its partition keys and object prefixes', () => {
  let stack: StackModel;
  /** The simulator's verdict for each call, against the synthesized template. */
  const verdicts = async (calls: RecordedCall[]) => ({ report: await evaluateCalls(calls, stack) });
  const isDenied = async (call: RecordedCall) => {
    const { report } = await verdicts([call]);
    return report.deniedCalls === 1;
  };

  beforeAll(() => {
    const { template, stackName } = synthesizeTemplate();
    stack = readStack(template, stackName);
  });

  it('denies forged writes of sessions, staff and certificates from the public functions', async () => {
    const forged = [
      item('review', 'PutItem', 'SESSION#forged'),
      item('site', 'UpdateItem', 'STAFF#mallory@example.com'),
      item('rsvp', 'PutItem', 'CERTIFICATE#forged'),
      item('intake', 'UpdateItem', 'CERTIFICATE#forged'),
      item('verify', 'PutItem', 'SESSION#forged'),
      item('intake', 'DeleteItem', 'DOSSIER#HN-0042'),
      object('intake', 'DeleteObject', 'certificates/forged.pdf'),
      object('intake', 'PutObject', 'certificates/forged.pdf'),
      object('review', 'PutObject', 'dossiers/d1/photos/p1'),
    ];
    for (const call of forged) {
      const { report } = await verdicts([call]);
      expect(report.deniedCalls, `${call.fn} ${call.operation} ${JSON.stringify(call.params)}`).toBe(1);
      expect(report.denied[0]!.reason).toMatch(/ImplicitlyDenied/);
    }
  });

  it('evaluates the partition key: the same action is allowed on the function’s prefix and denied elsewhere', async () => {
    // The grant names the action; the LeadingKeys condition decides.
    expect(await isDenied(item('review', 'PutItem', 'DECISION#abc'))).toBe(false);
    expect(await isDenied(item('review', 'PutItem', 'SESSION#abc'))).toBe(true);
    expect(await isDenied(item('site', 'GetItem', 'DOSSIER#HN-0042'))).toBe(false);
    expect(await isDenied(item('site', 'GetItem', 'SESSION#abc'))).toBe(true);
    // An exact key is that key only: CONFIG is readable, CONFIGX is not.
    expect(await isDenied(item('site', 'GetItem', 'CONFIG'))).toBe(false);
    expect(await isDenied(item('site', 'GetItem', 'CONFIGX'))).toBe(true);
    // On an index, the index's partition key: the site looks dossiers up by code, never lists staff.
    expect(await isDenied(item('site', 'Query', 'CODE#HN-0042', 'gsi2'))).toBe(false);
    expect(await isDenied(item('site', 'Query', 'STAFF', 'gsi1'))).toBe(true);
    // Object prefixes: intake reads uploads, never certificates.
    expect(await isDenied(object('intake', 'GetObject', 'uploads/d1/photos/p1'))).toBe(false);
    expect(await isDenied(object('intake', 'GetObject', 'certificates/c1.pdf'))).toBe(true);
  });

  it('lets only issueCertificate create certificates, and verify revoke them', async () => {
    expect(await isDenied(item('issueCertificate', 'PutItem', 'CERTIFICATE#c1'))).toBe(false);
    expect(await isDenied(object('issueCertificate', 'PutObject', 'certificates/c1.pdf'))).toBe(false);
    expect(await isDenied(item('verify', 'UpdateItem', 'CERTIFICATE#c1'))).toBe(false);
    expect(await isDenied(item('recordOutcome', 'PutItem', 'CERTIFICATE#c1'))).toBe(true);
    expect(await isDenied(item('admin', 'UpdateItem', 'CERTIFICATE#c1'))).toBe(true);
    expect(await isDenied(object('admin', 'PutObject', 'certificates/c1.pdf'))).toBe(true);
    for (const name of Object.keys(functions) as FunctionName[]) {
      const needs = functions[name].needs as {
        table?: { write?: readonly string[] };
        bucket?: { write?: readonly string[] };
      };
      const writesCertificates =
        needs.table?.write?.includes('CERTIFICATE#') || needs.bucket?.write?.includes('certificates/');
      expect(writesCertificates ?? false, name).toBe(name === 'issueCertificate' || name === 'verify');
      if (name === 'verify') expect(needs.bucket?.write ?? []).toEqual([]);
    }
  });

  it('keeps sessions and staff out of every public function’s writes, and object deletion from everyone', () => {
    for (const name of PUBLIC) {
      const needs = functions[name].needs as {
        table?: { write?: readonly string[]; delete?: readonly string[] };
      };
      const written = [...(needs.table?.write ?? []), ...(needs.table?.delete ?? [])];
      for (const key of ['SESSION#', 'STAFF#', 'CONFIG'])
        expect(written, `${name} writes ${key}`).not.toContain(key);
    }
    for (const [name, spec] of Object.entries(functions)) {
      const bucket = (spec.needs as { bucket?: { delete?: readonly string[] } }).bucket;
      expect(bucket?.delete ?? [], name).toEqual([]);
    }
  });

  it('grants no Scan, no table-wide action, and no unconditioned table statement', () => {
    for (const fn of Object.values(stack.functions)) {
      for (const policy of fn.policies.filter((p) => !p.awsManaged)) {
        for (const s of policy.document.Statement) {
          const actions = [s.Action].flat() as string[];
          if (!actions.some((a) => a.startsWith('dynamodb:'))) continue;
          expect(actions, fn.name).not.toContain('dynamodb:Scan');
          expect(JSON.stringify(s.Condition ?? {}), `${fn.name} ${actions.join(',')}`).toContain(
            '"ForAllValues:StringLike":{"dynamodb:LeadingKeys"',
          );
          for (const r of [s.Resource].flat() as string[]) expect(r, fn.name).not.toMatch(/\*$/);
        }
      }
    }
  });
});
