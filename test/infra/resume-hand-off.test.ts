import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { endpointsOf, environmentOf } from '../../infra/function-env.ts';
import { startLambdaHttpServer } from '../../infra/local/lambda-server.ts';
import { cdkJsonContext } from '../../infra/local/synth.ts';
import { invokeEvent, makeLambdaClient } from '../../shared/adapters/lambda/event-invoke.ts';
import { Env, LocalEndpointEnv } from '../../shared/env.ts';
import type { ResumeLinkEvent } from '../../shared/usecases/resume-links.ts';

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
>;
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/**
 * A new draft's resume email is handed to the jobs function (an asynchronous invocation), so creating a
 * draft does not wait on SES. What only the cloud does, asserted on the synthesized template: the intake
 * function may start the jobs function and nothing else of Lambda's.
 */
describe('resume emails handed to the jobs function (CDK)', () => {
  let resources: Resources;
  const fnOf = (name: string) =>
    Object.entries(resources).find(([, r]) => r.Metadata?.['hcsn:function'] === name)!;
  /** Every statement of the policies attached to a function's role. */
  const statementsOf = (name: string): Statement[] => {
    const role = /"Fn::GetAtt":\["([^"]+)"/.exec(JSON.stringify(fnOf(name)[1].Properties!.Role))![1]!;
    return Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(role))
      .flatMap((r) => (r.Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
  };
  const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

  beforeAll(() => {
    const { stack } = buildApp(
      { context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } },
      { nag: false },
    );
    resources = Template.fromStack(stack).toJSON().Resources;
  });

  it('lets intake invoke the jobs function, and only it, with lambda:InvokeFunction alone', () => {
    const [jobsId] = fnOf('jobs');
    const lambdaStatements = statementsOf('intake').filter((s) =>
      actionsOf(s).some((a) => a.startsWith('lambda:')),
    );
    expect(lambdaStatements).toHaveLength(1);
    const [statement] = lambdaStatements as [Statement];
    expect(statement.Effect).toBe('Allow');
    expect(actionsOf(statement)).toEqual(['lambda:InvokeFunction']);
    // The function and its versions/aliases (`<arn>:*`): no other function, no wildcard.
    const resources_ = (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]).map(
      (r) => JSON.stringify(r),
    );
    expect(resources_.length).toBeGreaterThan(0);
    for (const r of resources_) expect(r).toContain(`"${jobsId}","Arn"`);
    expect(JSON.stringify(statement)).not.toContain('"*"');
  });

  it('names the jobs function to intake in AWS, and points intake at the Lambda API locally', () => {
    const [jobsId, jobs] = fnOf('jobs');
    expect(jobs).toBeDefined();
    const intake = fnOf('intake')[1];
    expect(JSON.stringify(intake.Properties)).toContain(`"JOBS_FUNCTION_NAME":{"Ref":"${jobsId}"}`);
    expect(environmentOf('intake', 'aws')).toContain(Env.jobsFunctionName);
    expect(environmentOf('intake', 'local')).toContain(Env.jobsFunctionName);
    expect(endpointsOf('intake')).toContain(LocalEndpointEnv.lambda);
  });
});

describe('the hand-over on the local runtime', () => {
  it('asks Lambda for an asynchronous (Event) invocation: intake has its answer before the email is made', async () => {
    let finish!: () => void;
    const running = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const started: { fn: string; event: unknown }[] = [];
    // The local runtime's Lambda API: only an `Event` invocation is answered before the handler ends.
    const server = await startLambdaHttpServer({
      host: '127.0.0.1',
      port: 0,
      invoke: async (fn, event) => {
        started.push({ fn, event });
        await running;
        return { resumeLink: 'sent' };
      },
      onBackgroundError: () => undefined,
    });
    // What the local runtime gives a function: the Lambda API's endpoint, a region and credentials.
    const env = {
      AWS_ENDPOINT_URL_LAMBDA: server.url,
      AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    };
    const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      const event: ResumeLinkEvent = { resumeLinkFor: 'd-1' };
      // Resolves while the invoked handler still waits: had intake asked for RequestResponse, it would hang.
      await invokeEvent(makeLambdaClient(), 'jobs', event);
      expect(started).toEqual([{ fn: 'jobs', event }]);
    } finally {
      finish();
      for (const [k, v] of Object.entries(previous))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      await server.close();
    }
  });
});
