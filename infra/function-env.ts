import { Env, type EnvName, LocalEndpointEnv } from '../shared/env.ts';
import { type FunctionName, functions } from './functions.ts';

/** Where a function runs: in AWS (the stack sets its variables) or on the local runtime. */
export type Where = 'aws' | 'local';

/**
 * The environment variables a function gets, derived from its catalog entry's `needs` and nothing else:
 * the CDK stack sets exactly these on the Lambda (next to the grant of each need), and the local runtime
 * gives each handler exactly these, so a function that reads what it did not declare fails locally too.
 */
export function environmentOf(name: FunctionName, where: Where): EnvName[] {
  const needs: (typeof functions)[FunctionName]['needs'] & Record<string, unknown> = functions[name].needs;
  const out: EnvName[] = [Env.stage, Env.publicBaseUrl];
  if (needs.table) out.push(Env.tableName);
  if (needs.bucket) out.push(Env.bucketName);
  if (needs.mail) out.push(Env.mailFrom, Env.sesConfigurationSet, Env.sendRatePerSecond);
  if (needs.workflow) out.push(Env.stateMachineArn);
  if (needs.signingKey) out.push(where === 'aws' ? Env.signingKeyParameter : Env.signingKeyFile);
  // Locally there is no EventBridge: the local scheduler reads the rounds, so nothing to create. The jobs
  // function's follow-up schedules target itself by the ARN it was invoked with (its own ARN would be a cycle).
  if (needs.schedules && where === 'aws')
    out.push(
      Env.scheduleGroupPrefix,
      Env.schedulerRoleArn,
      ...(name === 'jobs' ? [] : [Env.schedulerTargetArn]),
      Env.schedulerDeadLetterArn,
    );
  // The jobs function continues itself by the ARN it was invoked with (its own name would be a cycle).
  if (needs.jobs && name !== 'jobs') out.push(Env.jobsFunctionName);
  if (needs.adminEmail) out.push(Env.adminEmail);
  if (needs.map) out.push(Env.directoryTileUrl, Env.directoryTileAttribution);
  if (needs.rateLimits) out.push(Env.rateLimits);
  // Locally the pages show the placeholder contact (the variable's default); the invitations' organizer too.
  if ((needs.pages || needs.contact) && where === 'aws') out.push(Env.centreContact);
  if (where === 'local') {
    out.push(Env.clockOffsetFile);
    if (needs.bucket) out.push(Env.s3ForcePathStyle);
  }
  return out;
}

/** The local emulator endpoints a function's SDK clients need (locally, it gets only these). */
export function endpointsOf(name: FunctionName): string[] {
  const needs: (typeof functions)[FunctionName]['needs'] & Record<string, unknown> = functions[name].needs;
  return [
    needs.table && LocalEndpointEnv.dynamodb,
    needs.bucket && LocalEndpointEnv.s3,
    needs.mail && LocalEndpointEnv.sesv2,
    needs.workflow && LocalEndpointEnv.sfn,
    needs.jobs && LocalEndpointEnv.lambda,
  ].filter((v): v is string => typeof v === 'string');
}

/** Settings that may be empty where they are given: an empty value is no value (no map), never a missing one. */
const MAY_BE_EMPTY: readonly string[] = [Env.directoryTileUrl, Env.directoryTileAttribution];

/** A function started without a variable its needs give it. */
export class FunctionEnvironmentError extends Error {
  override name = 'FunctionEnvironmentError';
}

/** Fails with the function's name and every missing variable (the check each local handler runs first). */
export function assertEnvironment(name: FunctionName, env: NodeJS.ProcessEnv, where: Where): void {
  const missing = [...environmentOf(name, where), ...(where === 'local' ? endpointsOf(name) : [])].filter(
    (n) => !env[n] && !MAY_BE_EMPTY.includes(n),
  );
  if (missing.length)
    throw new FunctionEnvironmentError(
      `Function ${name}: missing environment variable(s) ${missing.join(', ')}`,
    );
}
