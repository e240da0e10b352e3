import { randomBytes, randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import {
  type AslDefinition,
  type Json,
  libraryDefinition,
  MAX_TIMER_SECONDS,
  replaceString,
  takeTimeout,
  taskSpecs,
} from './definition.ts';
import { causeText, closingEvent, type EventBody, historyEventOf, type LibraryEvent } from './history.ts';
import {
  type ExecutionRecord,
  type ExecutionStatus,
  readRecords,
  type WaitingTask,
  writeRecord,
} from './journal.ts';
import { type SfnErrorName, SfnServiceError, stateError } from './sfn-errors.ts';

export type { AslDefinition } from './definition.ts';
export type { ExecutionStatus } from './journal.ts';

/** Stands in for `$$.Task.Token`, which the library does not provide; replaced by a fresh token per entry. */
const TOKEN_PLACEHOLDER = 'local-sfn:task-token';

export interface LocalSfnOptions {
  /** The synthesized ASL, run unchanged apart from timeouts (see `libraryDefinition`). */
  readonly definition: AslDefinition;
  /** Task state name → function name handed to `invoke`. */
  readonly taskFunctions: Readonly<Record<string, string>>;
  readonly stateMachineArn: string;
  /** Runs the real handler; a thrown error's `.name` becomes the Lambda errorType (what `ErrorEquals` sees). */
  readonly invoke: (fn: string, payload: unknown) => Promise<unknown>;
  /** Journal directory: one JSON file per execution, so executions survive a restart. */
  readonly dataDir: string;
  /**
   * The system's clock (the local clock offset included): dates, deadlines and timers all follow it, so moving
   * it past a task's timeout fires that timeout at once (call `clockMoved`). The wall clock by default.
   */
  readonly now?: () => Date;
}

export interface ExecutionSummary {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
}

export interface ExecutionDescription extends ExecutionSummary {
  readonly input: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

/** A history event in the shape of GetExecutionHistory. */
export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: Date;
  readonly type: string;
  readonly [details: string]: unknown;
}

/** The Step Functions operations the app uses, served by the local runner. */
export interface LocalSfn {
  readonly stateMachineArn: string;
  startExecution(request: {
    name?: string;
    input?: string;
  }): Promise<{ executionArn: string; startDate: Date }>;
  describeExecution(executionArn: string): ExecutionDescription;
  getExecutionHistory(executionArn: string): HistoryEvent[];
  /** Newest first, like AWS. */
  listExecutions(statusFilter?: ExecutionStatus): ExecutionSummary[];
  sendTaskSuccess(taskToken: string, output: string): Promise<void>;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): Promise<void>;
  sendTaskHeartbeat(taskToken: string): void;
  stopExecution(executionArn: string, error?: string, cause?: string): Promise<{ stopDate: Date }>;
  /** Loads the journal and restarts every RUNNING execution where it was; call once at startup. */
  resume(): Promise<void>;
  /** Stops all runs without closing their executions, so the next `resume()` picks them up. */
  close(): Promise<void>;
  /** The clock was moved (the local offset changed): every timer is measured again against it. */
  clockMoved(): void;
}

interface Timer {
  /** Epoch ms on the injected clock. */
  readonly deadline: number;
  readonly fire: () => void;
  handle?: NodeJS.Timeout;
  clear(): void;
}

interface Run {
  abort(): void;
  done: Promise<void>;
  /** Set when the run is torn down: whatever the library still emits is not history. */
  stopped: boolean;
  /** A callback task to re-enter with its journaled token, without invoking its function again. */
  resume?: WaitingTask;
  /** The first state of a resumed run, whose StateEntered is already in the history. */
  skipEntered?: string;
}

interface Live {
  readonly record: ExecutionRecord;
  run?: Run;
  deadlineTimer?: Timer;
  saved: Promise<void>;
  queued?: Promise<void>;
}

interface OpenTask {
  readonly live: Live;
  readonly resolve: (output: Json) => void;
  readonly reject: (error: Error) => void;
  readonly timer?: Timer;
}

const MAX_TIMER_MS = MAX_TIMER_SECONDS * 1000;
const FORBIDDEN_NAME_CHARS = ' <>{}[]?*"#%\\^|~`$&,;:/';

function checkName(name: string): void {
  const control = [...name].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/.test(c);
  });
  if (
    name.length < 1 ||
    name.length > 80 ||
    control ||
    [...name].some((c) => FORBIDDEN_NAME_CHARS.includes(c))
  ) {
    throw new SfnServiceError('InvalidName', `Invalid Name: '${name}'`);
  }
}

function parseJson(text: string, errorName: SfnErrorName): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new SfnServiceError(errorName, `Invalid JSON: ${text.slice(0, 100)}`);
  }
}

const payloadOf = (params: Json): Json =>
  params !== null && typeof params === 'object' && !Array.isArray(params) ? (params.Payload ?? {}) : {};

/** Creates the local Step Functions service for one state machine (no HTTP; see `startSfnHttpServer`). */
export function createLocalSfn(options: LocalSfnOptions): LocalSfn {
  const { definition, taskFunctions, stateMachineArn, invoke, dataDir } = options;
  const arnParts = /^(arn:[^:]+:states:[^:]*:[^:]*):stateMachine:([^:]+)$/.exec(stateMachineArn);
  if (!arnParts) throw new Error(`Not a state machine ARN: ${stateMachineArn}`);
  const executionPrefix = `${arnParts[1]}:execution:${arnParts[2]}`;
  const tasks = taskSpecs(definition);
  for (const name of tasks.keys()) {
    if (!taskFunctions[name]) throw new Error(`Task state ${name} has no function in taskFunctions`);
  }
  const startAt = String(definition.StartAt);
  // Validates the definition once; resumed runs start elsewhere and skip validation (unreachable states).
  const machine = new StateMachine(libraryDefinition(definition));
  const clock = () => (options.now?.() ?? new Date()).getTime();

  const lives = new Map<string, Live>();
  const openTasks = new Map<string, OpenTask>();
  const closedTokens = new Set<string>();
  const timers = new Set<Timer>();
  let closed = false;

  /**
   * Fires at a deadline on the injected clock, not after a duration: the real timer only says when to look at
   * the clock again (at most MAX_TIMER_MS ahead, since one setTimeout cannot wait longer), and `clockMoved`
   * looks at once. So a clock moved past the deadline fires it, as time passing would in AWS.
   */
  function timerAt(deadline: number, fire: () => void): Timer {
    const timer: Timer = {
      deadline,
      fire,
      clear: () => {
        clearTimeout(timer.handle);
        timers.delete(timer);
      },
    };
    timers.add(timer);
    arm(timer);
    return timer;
  }

  function arm(timer: Timer): void {
    clearTimeout(timer.handle);
    const wait = Math.min(Math.max(0, timer.deadline - clock()), MAX_TIMER_MS);
    timer.handle = setTimeout(() => {
      if (!timers.has(timer)) return;
      if (clock() < timer.deadline) return arm(timer);
      timers.delete(timer);
      timer.fire();
    }, wait);
  }

  /** Queues a journal write; writes are serialized per execution and coalesced while one is pending. */
  function persist(live: Live): Promise<void> {
    if (live.queued) return live.queued;
    const queued = live.saved
      .then(() => {
        live.queued = undefined;
        return writeRecord(dataDir, live.record);
      })
      .catch((error: unknown) => console.error(`local-sfn: cannot journal ${live.record.name}`, error));
    live.queued = queued;
    live.saved = queued;
    return queued;
  }

  function push(live: Live, body: EventBody, at = clock()): void {
    const id = live.record.events.length + 1;
    live.record.events.push({ ...body, id, previousEventId: id - 1, timestamp: at });
  }

  function closeTask(token: string): OpenTask | undefined {
    const task = openTasks.get(token);
    if (!task) return undefined;
    openTasks.delete(token);
    task.timer?.clear();
    closedTokens.add(token);
    task.live.record.closedTokens.push(token);
    if (task.live.record.waiting?.token === token) delete task.live.record.waiting;
    void persist(task.live);
    return task;
  }

  function closedOrMissing(token: string): never {
    if (closedTokens.has(token)) {
      throw new SfnServiceError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    }
    throw new SfnServiceError('TaskDoesNotExist', 'Task does not exist');
  }

  function finish(
    live: Live,
    status: Exclude<ExecutionStatus, 'RUNNING'>,
    result: { output?: string; error?: string; cause?: string },
    at = clock(),
  ): Promise<void> {
    const { record } = live;
    if (record.status !== 'RUNNING') return live.saved;
    Object.assign(record, { status, stopDate: at }, result);
    delete record.position;
    delete record.waiting;
    push(live, closingEvent(status, result), at);
    live.deadlineTimer?.clear();
    if (live.run) {
      live.run.stopped = true;
      live.run.abort();
    }
    for (const [token, task] of openTasks) {
      if (task.live === live) closeTask(token)?.reject(stateError('States.Runtime', `Execution ${status}`));
    }
    return persist(live);
  }

  async function callFunction(fn: string, payload: Json): Promise<Json> {
    let result: unknown;
    try {
      result = await invoke(fn, payload);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const message = error instanceof Error ? error.message : String(error);
      // Lambda reports a thrown error as this JSON Cause, with errorType as the state error.
      throw stateError(name, JSON.stringify({ errorType: name, errorMessage: message }));
    }
    return JSON.parse(JSON.stringify(result ?? null)) as Json;
  }

  function withDeadline(work: Promise<Json>, deadline: number | undefined): Promise<Json> {
    if (deadline === undefined) return work;
    let timer: Timer | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = timerAt(deadline, () => reject(stateError('States.Timeout', 'Task timed out')));
    });
    return Promise.race([work, timeout]).finally(() => timer?.clear());
  }

  function openTask(
    live: Live,
    state: string,
    token: string,
    deadline: number | undefined,
    invoked: boolean,
  ) {
    const outcome = new Promise<Json>((resolve, reject) => {
      const timer =
        deadline === undefined
          ? undefined
          : timerAt(deadline, () => closeTask(token)?.reject(stateError('States.Timeout', 'Task timed out')));
      openTasks.set(token, { live, resolve, reject, timer });
    });
    // The timeout may fire while the function is still running, before anyone awaits the outcome.
    outcome.catch(() => undefined);
    live.record.waiting = { state, token, deadline, invoked };
    void persist(live);
    return outcome;
  }

  async function runTask(live: Live, run: Run, name: string, input: Json): Promise<Json> {
    // A retry after the run was torn down must not call the function again.
    if (run.stopped) throw stateError('States.Runtime', 'Execution stopped');
    const spec = tasks.get(name)!;
    const fn = taskFunctions[name]!;
    const { params, timeoutSeconds } = takeTimeout(spec, input);
    const deadline =
      timeoutSeconds === undefined ? undefined : clock() + Math.min(timeoutSeconds, MAX_TIMER_SECONDS) * 1000;
    if (spec.kind !== 'callback') {
      const result = await withDeadline(
        callFunction(fn, spec.kind === 'invoke' ? payloadOf(params) : params),
        deadline,
      );
      return spec.kind === 'invoke'
        ? { StatusCode: 200, Payload: result, ExecutedVersion: '$LATEST' }
        : result;
    }
    const resumed = run.resume?.state === name ? run.resume : undefined;
    run.resume = undefined;
    if (resumed) return openTask(live, name, resumed.token, resumed.deadline, true);
    const token = randomBytes(32).toString('base64url');
    const outcome = openTask(live, name, token, deadline, false);
    try {
      await callFunction(fn, replaceString(payloadOf(params), TOKEN_PLACEHOLDER, token));
    } catch (error) {
      if (!closeTask(token)) return outcome; // already answered or timed out: that outcome wins
      throw error;
    }
    const { waiting } = live.record;
    if (waiting?.token === token) {
      waiting.invoked = true;
      void persist(live);
    }
    return outcome;
  }

  function onEvent(live: Live, run: Run, event: LibraryEvent): void {
    const at = event.timestamp + (clock() - Date.now());
    if (event.type === 'StateEntered') {
      live.record.position = { state: event.state.name, input: event.state.input as Json };
      const skip = run.skipEntered === event.state.name;
      run.skipEntered = undefined;
      if (skip) return;
    }
    const body = historyEventOf(event, tasks);
    if (body) push(live, body, at);
    if (event.type === 'ExecutionSucceeded') {
      void finish(live, 'SUCCEEDED', { output: JSON.stringify(event.output) }, at);
    } else if (event.type === 'ExecutionFailed') {
      void finish(live, 'FAILED', { error: event.Error, cause: causeText(event.Cause) }, at);
    } else {
      void persist(live);
    }
  }

  async function follow(live: Live, run: Run, events: AsyncGenerator<LibraryEvent>): Promise<void> {
    // Keep draining after a stop so the generator ends; execution-level events are written by `finish`.
    for await (const event of events) if (!run.stopped) onEvent(live, run, event);
  }

  function startRun(live: Live, from: string, input: Json, resumed?: { waiting?: WaitingTask }): void {
    const run: Run = {
      abort: () => undefined,
      done: Promise.resolve(),
      stopped: false,
      resume: resumed?.waiting,
      skipEntered: resumed ? from : undefined,
    };
    const handlers = Object.fromEntries(
      [...tasks.keys()].map((name) => [name, (value: Json) => runTask(live, run, name, value)]),
    );
    const target =
      from === startAt
        ? machine
        : new StateMachine(libraryDefinition(definition, from), { validationOptions: { noValidate: true } });
    const { record } = live;
    const execution = target.run(input, {
      overrides: { taskResourceLocalHandlers: handlers },
      noThrowOnAbort: true,
      context: {
        Execution: {
          Id: record.executionArn,
          Name: record.name,
          StartTime: new Date(record.startDate).toISOString(),
        },
        StateMachine: { Id: stateMachineArn, Name: arnParts![2] },
        Task: { Token: TOKEN_PLACEHOLDER },
      },
    });
    run.abort = execution.abort;
    run.done = Promise.all([follow(live, run, execution.eventLogs), execution.result.catch(() => null)]).then(
      () => undefined,
      (error: unknown) => console.error(`local-sfn: run of ${record.name} broke`, error),
    );
    live.run = run;
  }

  function armDeadline(live: Live): void {
    const { deadline } = live.record;
    if (deadline === undefined) return;
    live.deadlineTimer = timerAt(deadline, () => {
      void finish(live, 'TIMED_OUT', { error: 'States.Timeout', cause: 'The execution timed out' });
    });
  }

  function liveOf(executionArn: string): Live {
    const live = lives.get(executionArn);
    if (!live)
      throw new SfnServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return live;
  }

  function ensureOpen(): void {
    if (closed) throw new Error('The local Step Functions service is closed');
  }

  const summaryOf = ({ record }: Live): ExecutionSummary => ({
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: new Date(record.startDate),
    ...(record.stopDate === undefined ? {} : { stopDate: new Date(record.stopDate) }),
  });

  return {
    stateMachineArn,

    async startExecution({ name = randomUUID(), input = '{}' }) {
      ensureOpen();
      checkName(name);
      const parsed = parseJson(input, 'InvalidExecutionInput');
      const executionArn = `${executionPrefix}:${name}`;
      const existing = lives.get(executionArn);
      if (existing) {
        // AWS: idempotent only while the execution with that name and input is still running.
        if (existing.record.status === 'RUNNING' && existing.record.input === input) {
          return { executionArn, startDate: new Date(existing.record.startDate) };
        }
        throw new SfnServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
      }
      const startDate = clock();
      const timeout = definition.TimeoutSeconds;
      const live: Live = {
        record: {
          executionArn,
          stateMachineArn,
          name,
          input,
          startDate,
          ...(typeof timeout === 'number' ? { deadline: startDate + timeout * 1000 } : {}),
          status: 'RUNNING',
          events: [],
          closedTokens: [],
        },
        saved: Promise.resolve(),
      };
      lives.set(executionArn, live);
      push(
        live,
        {
          type: 'ExecutionStarted',
          executionStartedEventDetails: { input, inputDetails: { truncated: false } },
        },
        startDate,
      );
      await persist(live);
      if (!closed && live.record.status === 'RUNNING') {
        startRun(live, startAt, parsed);
        armDeadline(live);
      }
      return { executionArn, startDate: new Date(startDate) };
    },

    describeExecution(executionArn) {
      const live = liveOf(executionArn);
      const { input, output, error, cause } = live.record;
      return { ...summaryOf(live), input, output, error, cause };
    },

    getExecutionHistory(executionArn) {
      return liveOf(executionArn).record.events.map((event) => ({
        ...event,
        timestamp: new Date(event.timestamp),
      }));
    },

    listExecutions(statusFilter) {
      return [...lives.values()]
        .filter((live) => !statusFilter || live.record.status === statusFilter)
        .sort((a, b) => b.record.startDate - a.record.startDate)
        .map(summaryOf);
    },

    async sendTaskSuccess(taskToken, output) {
      ensureOpen();
      const value = parseJson(output, 'InvalidOutput');
      const task = closeTask(taskToken) ?? closedOrMissing(taskToken);
      task.resolve(value);
      await task.live.saved;
    },

    async sendTaskFailure(taskToken, error, cause) {
      ensureOpen();
      const task = closeTask(taskToken) ?? closedOrMissing(taskToken);
      task.reject(stateError(error ?? '', cause ?? ''));
      await task.live.saved;
    },

    sendTaskHeartbeat(taskToken) {
      ensureOpen();
      // HeartbeatSeconds is not enforced locally, so a heartbeat only checks that the task is open.
      if (!openTasks.has(taskToken)) closedOrMissing(taskToken);
    },

    async stopExecution(executionArn, error, cause) {
      ensureOpen();
      const live = liveOf(executionArn);
      await finish(live, 'ABORTED', { error, cause });
      return { stopDate: new Date(live.record.stopDate ?? clock()) };
    },

    async resume() {
      ensureOpen();
      for (const record of await readRecords(dataDir)) {
        if (record.stateMachineArn !== stateMachineArn || lives.has(record.executionArn)) continue;
        const live: Live = { record, saved: Promise.resolve() };
        lives.set(record.executionArn, live);
        for (const token of record.closedTokens) closedTokens.add(token);
        if (record.status !== 'RUNNING') continue;
        const { position, waiting } = record;
        // Re-enter a callback only if its function got the token; otherwise the task runs again from scratch.
        const reenter = waiting?.invoked && waiting.state === position?.state ? waiting : undefined;
        if (waiting && !reenter) {
          closedTokens.add(waiting.token);
          record.closedTokens.push(waiting.token);
          delete record.waiting;
        }
        if (position) startRun(live, position.state, position.input, { waiting: reenter });
        else startRun(live, startAt, parseJson(record.input, 'InvalidExecutionInput'));
        armDeadline(live);
      }
    },

    clockMoved() {
      for (const timer of [...timers]) arm(timer);
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const live of lives.values()) {
        if (!live.run) continue;
        live.run.stopped = true;
        live.run.abort();
      }
      // Settle waiting callbacks so the library's runs end; their tokens stay open in the journal.
      const waiting = [...openTasks.values()];
      openTasks.clear();
      for (const timer of [...timers]) timer.clear();
      for (const task of waiting) task.reject(stateError('States.Runtime', 'Service closed'));
      await Promise.all([...lives.values()].map((live) => Promise.all([live.run?.done, live.saved])));
    },
  };
}
