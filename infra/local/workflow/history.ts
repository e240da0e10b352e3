import type { StateMachine } from 'aws-local-stepfunctions';
import type { TaskSpec } from './definition.ts';
import type { ExecutionStatus } from './journal.ts';

/** An event of the library's `eventLogs` (the type is not exported by the package). */
export type LibraryEvent =
  ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** A history event without its id and timestamp. */
export interface EventBody {
  readonly type: string;
  readonly [details: string]: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value ?? null));

/**
 * Maps a state-level library event to the AWS history event a client would see; execution-level events are
 * written by the service itself (a resumed run is not a new start, and stop/timeout happen outside the run).
 */
export function historyEventOf(
  event: LibraryEvent,
  tasks: ReadonlyMap<string, TaskSpec>,
): EventBody | undefined {
  switch (event.type) {
    case 'StateEntered':
      return {
        type: `${event.state.type}StateEntered`,
        stateEnteredEventDetails: { name: event.state.name, input: text(event.state.input) },
      };
    case 'StateExited':
      return {
        type: `${event.state.type}StateExited`,
        stateExitedEventDetails: { name: event.state.name, output: text(event.state.output) },
      };
    case 'StateFailed': {
      const task = tasks.get(event.state.name);
      if (!task) return undefined;
      const where = { resourceType: task.resourceType, resource: task.resource };
      return event.Error === 'States.Timeout'
        ? { type: 'TaskTimedOut', taskTimedOutEventDetails: { ...where, error: event.Error } }
        : {
            type: 'TaskFailed',
            taskFailedEventDetails: { ...where, error: event.Error, cause: text(event.Cause) },
          };
    }
    default:
      return undefined;
  }
}

/** The closing history event of an execution. */
export function closingEvent(
  status: Exclude<ExecutionStatus, 'RUNNING'>,
  result: { output?: string; error?: string; cause?: string },
): EventBody {
  const failure = { error: result.error, cause: result.cause };
  switch (status) {
    case 'SUCCEEDED':
      return { type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: result.output } };
    case 'FAILED':
      return { type: 'ExecutionFailed', executionFailedEventDetails: failure };
    case 'ABORTED':
      return { type: 'ExecutionAborted', executionAbortedEventDetails: failure };
    case 'TIMED_OUT':
      return { type: 'ExecutionTimedOut', executionTimedOutEventDetails: failure };
  }
}

/** The error/cause text of a failed execution, as the library reports it. */
export const causeText = text;
