import type { StateMachineDefinition } from 'aws-local-stepfunctions';

/** JSON as it flows through states. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The ASL as synthesized: loosely typed, since it comes straight out of the CloudFormation template. */
export type AslDefinition = Record<string, unknown> & { States: Record<string, Record<string, unknown>> };

/** setTimeout fires at once above 2^31-1 ms, so no single timer may be armed for longer than this. */
export const MAX_TIMER_SECONDS = 2_147_483;

/**
 * Carries a TimeoutSecondsPath value into the task override: the library resolves that path against the
 * Parameters output instead of the state input (so `$.decision.timeoutSeconds` never resolves).
 */
const TIMEOUT_PARAM = 'localSfnTimeoutSeconds';

/** How a Task state calls its function. */
export type TaskKind = 'invoke' | 'callback' | 'direct';

/** What the override of one Task state needs to know. */
export interface TaskSpec {
  readonly kind: TaskKind;
  /** `resourceType`/`resource` as AWS reports them in TaskFailed/TaskTimedOut events. */
  readonly resourceType: string;
  readonly resource: string;
  readonly timeoutSeconds?: number;
}

/** Reads the Task states of a top-level definition; nested machines (Map/Parallel) are not supported. */
export function taskSpecs(definition: AslDefinition): Map<string, TaskSpec> {
  const specs = new Map<string, TaskSpec>();
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type === 'Map' || state.Type === 'Parallel') {
      throw new Error(`State ${name}: ${state.Type} states are not supported by the local workflow runner`);
    }
    if (state.Type !== 'Task') continue;
    const arn = String(state.Resource);
    const integration = /^arn:aws:states:::(lambda):(invoke(?:\.waitForTaskToken)?)$/.exec(arn);
    if (!integration && !/^arn:aws:lambda:/.test(arn))
      throw new Error(`State ${name}: unsupported resource ${arn}`);
    specs.set(name, {
      kind: !integration ? 'direct' : integration[2] === 'invoke' ? 'invoke' : 'callback',
      resourceType: 'lambda',
      resource: integration?.[2] ?? arn,
      timeoutSeconds: typeof state.TimeoutSeconds === 'number' ? state.TimeoutSeconds : undefined,
    });
  }
  return specs;
}

/**
 * The definition handed to the library. Task and execution timeouts are enforced by the runner itself (they
 * may exceed what one timer can wait, and a callback token must close the moment its task times out), so the
 * library's own Task timer is pushed to the maximum as a backstop and the top-level TimeoutSeconds removed.
 */
export function libraryDefinition(definition: AslDefinition, startAt?: string): StateMachineDefinition {
  const states: Record<string, Record<string, unknown>> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Task') {
      states[name] = state;
      continue;
    }
    const { TimeoutSeconds: _seconds, TimeoutSecondsPath: path, ...rest } = state;
    const parameters =
      typeof path === 'string'
        ? { ...(rest.Parameters as Record<string, unknown> | undefined), [`${TIMEOUT_PARAM}.$`]: path }
        : rest.Parameters;
    states[name] = {
      ...rest,
      ...(parameters === undefined ? {} : { Parameters: parameters }),
      TimeoutSeconds: MAX_TIMER_SECONDS,
    };
  }
  const { TimeoutSeconds: _timeout, ...top } = definition;
  return {
    ...top,
    StartAt: startAt ?? String(definition.StartAt),
    States: states,
  } as unknown as StateMachineDefinition;
}

/** Splits the override input into the real task parameters and the state's timeout, if any. */
export function takeTimeout(spec: TaskSpec, input: Json): { params: Json; timeoutSeconds?: number } {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || !(TIMEOUT_PARAM in input)) {
    return { params: input, timeoutSeconds: spec.timeoutSeconds };
  }
  const { [TIMEOUT_PARAM]: seconds, ...params } = input;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) {
    throw Object.assign(
      new Error(`TimeoutSecondsPath must select a positive integer, got ${JSON.stringify(seconds)}`),
      {
        name: 'States.Runtime',
      },
    );
  }
  return { params, timeoutSeconds: seconds };
}

/** Returns a copy of `value` with every string equal to `from` replaced by `to`. */
export function replaceString(value: Json, from: string, to: string): Json {
  if (value === from) return to;
  if (Array.isArray(value)) return value.map((item) => replaceString(item, from, to));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaceString(item, from, to)]),
    );
  }
  return value;
}
