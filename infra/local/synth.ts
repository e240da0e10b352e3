import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildApp } from '../app.ts';
import { FUNCTION_METADATA_KEY } from '../constructs/app-function.ts';
import type { FunctionName } from '../functions.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
}

export interface LocalWorkflow {
  /** The ASL exactly as synthesized, with Lambda ARNs resolved to local placeholder ARNs. */
  readonly definition: Record<string, unknown> & { States: Record<string, Record<string, unknown>> };
  /** Task state name → catalog function it invokes. */
  readonly taskFunctions: Record<string, FunctionName>;
}

export const localFunctionArn = (fn: string) => `arn:aws:lambda:ap-southeast-1:000000000000:function:${fn}`;

/** cdk.json's context: running the app in-process does not read it, so merge it ourselves. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')).context;
}

/**
 * Synthesizes the CDK stack in-process (no bundling, no cdk-nag: only the template is needed) and
 * returns the approval workflow's ASL, so the local runtime runs the very definition AWS gets.
 */
export function synthesizeLocalWorkflow(overrides: Record<string, unknown> = {}): LocalWorkflow {
  const { app, stack } = buildApp(
    { context: { ...cdkJsonContext(), ...overrides, 'aws:cdk:bundling-stacks': [] } },
    { nag: false },
  );
  const template = app.synth().getStackByName(stack.stackName).template as {
    Resources: Record<string, CfnResource>;
  };
  return extractWorkflow(template.Resources);
}

/** Resolves the state machine's DefinitionString (an Fn::Join of strings and Lambda ARNs). */
export function extractWorkflow(resources: Record<string, CfnResource>): LocalWorkflow {
  const machines = Object.values(resources).filter((r) => r.Type === 'AWS::StepFunctions::StateMachine');
  if (machines.length !== 1) throw new Error(`Expected one state machine, found ${machines.length}`);
  const functionOf = (logicalId: string): string => {
    const name = resources[logicalId]?.Metadata?.[FUNCTION_METADATA_KEY];
    if (typeof name !== 'string') throw new Error(`Resource ${logicalId} is not a catalog function`);
    return name;
  };
  const resolve = (part: unknown): string => {
    if (typeof part === 'string') return part;
    const p = part as Record<string, unknown>;
    if (Array.isArray(p['Fn::GetAtt'])) return localFunctionArn(functionOf(p['Fn::GetAtt'][0] as string));
    if (p.Ref === 'AWS::Partition') return 'aws';
    if (p.Ref === 'AWS::Region') return 'ap-southeast-1';
    if (p.Ref === 'AWS::AccountId') return '000000000000';
    throw new Error(`Cannot resolve ${JSON.stringify(part)} in the state machine definition`);
  };
  const def = machines[0]!.Properties!.DefinitionString as string | { 'Fn::Join': [string, unknown[]] };
  const text = typeof def === 'string' ? def : def['Fn::Join'][1].map(resolve).join(def['Fn::Join'][0]);
  const definition = JSON.parse(text) as LocalWorkflow['definition'];
  const taskFunctions: Record<string, FunctionName> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Task') continue;
    const params = state.Parameters as Record<string, unknown> | undefined;
    const arn = (params?.FunctionName ?? state.Resource) as string;
    const fn = /:function:([^:]+)$/.exec(arn)?.[1];
    if (!fn) throw new Error(`Task ${name} does not invoke a catalog function`);
    taskFunctions[name] = fn as FunctionName;
  }
  return { definition, taskFunctions };
}
