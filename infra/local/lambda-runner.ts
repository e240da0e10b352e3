import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { type FunctionName, functions } from '../functions.ts';
import { asFunction, startSdkCallRecording } from '../permissions/recorder.ts';
import { metered, startMetering } from './meter.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

// HCSN_SDK_CALL_LOG=<dir> records each function's AWS SDK requests for `npm run check:permissions`.
await startSdkCallRecording();
// HCSN_METER_LOG=<dir> meters each invocation and its SDK requests for `bench/lifecycle.ts`.
await startMetering();

/** HCSN_CPU_PROF=<dir>: a V8 CPU profile of each instance's thread (where a bench's time goes). */
let profiles = 0;
const cpuProfileArgs = (name: FunctionName) => {
  const dir = process.env.HCSN_CPU_PROF;
  return dir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
        `--cpu-prof-name=${name}.${process.pid}.${++profiles}.cpuprofile`,
      ]
    : [];
};

type Handler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<FunctionName, Promise<Handler>>();

/** Imports a function's handler module once, exactly as the Lambda bundle's entry point. */
export function loadHandler(name: FunctionName): Promise<Handler> {
  let handler = loaded.get(name);
  if (!handler) {
    const url = pathToFileURL(path.join(ROOT, functions[name].entry)).href;
    handler = import(url).then((m: { handler: Handler }) => m.handler);
    loaded.set(name, handler);
  }
  return handler;
}

/** The invocation context Lambda passes to a handler. */
export function lambdaContext(name: FunctionName): Context {
  const deadline = Date.now() + functions[name].timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-southeast-1:000000000000:function:${name}`,
    memoryLimitInMB: String(functions[name].memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/local/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Invokes a function in this process, with this process's environment (benchmarks measuring one function
 * as one Lambda instance, and each worker of the runtime below); a thrown error keeps its name, which
 * Lambda reports as the errorType.
 */
export async function invoke(name: FunctionName, event: unknown): Promise<unknown> {
  return metered(name, functions[name].memoryMb, () =>
    asFunction(name, async () => {
      const handler = await loadHandler(name);
      return handler(structuredClone(event), lambdaContext(name));
    }),
  );
}

/** Invokes a function of the local system by name with an event, as Lambda does. */
export type Invoke = (name: FunctionName, event: unknown) => Promise<unknown>;

interface Pending {
  readonly name: FunctionName;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/** One instance of a function: its thread, and how many invocations it is running now. */
interface Instance {
  readonly worker: Promise<Worker>;
  inFlight: number;
}

/**
 * The local system's Lambda service: each function runs in worker threads of its own, each started with
 * exactly the environment `environmentFor(name)` gives it (its own variables, not the union of all), so a
 * function reading a variable it did not declare fails locally as in AWS.
 *
 * Lambda runs one invocation per instance at a time and starts another instance when all are busy. Locally
 * an instance is a thread (its modules loaded again, ~1 s and tens of MB), so `maxInstances` caps them per
 * function: an invocation goes to an idle instance, else to a new one while under the cap, else to the
 * least busy (several invocations then share one thread's event loop, which Lambda never does). One
 * instance per function (the default) keeps tests and `npm start` light; benches that measure concurrent
 * requests ask for more, or every request of a rush queues on one thread's CPU, a cost AWS does not have.
 */
export function createLambdaRuntime(
  environmentFor: (name: FunctionName) => Record<string, string>,
  options: { maxInstances?: number } = {},
) {
  const maxInstances = Math.max(1, options.maxInstances ?? 1);
  const instances = new Map<FunctionName, Instance[]>();
  const pending = new Map<number, Pending & { instance: Instance }>();
  let nextId = 0;
  let closed = false;

  function start(name: FunctionName): Instance {
    const instance: Instance = {
      inFlight: 0,
      worker: new Promise<Worker>((resolve, reject) => {
        const worker = new Worker(new URL('./lambda-worker.ts', import.meta.url), {
          workerData: { name },
          env: environmentFor(name),
          execArgv: ['--import', 'tsx', ...cpuProfileArgs(name)],
        });
        worker.on('message', (m: { ready?: number; id?: number; result?: unknown; error?: Error }) => {
          if (m.ready !== undefined) return resolve(worker);
          const p = pending.get(m.id!);
          if (!p) return;
          pending.delete(m.id!);
          p.instance.inFlight--;
          if (m.error) {
            const err = new Error(m.error.message);
            err.name = m.error.name;
            err.stack = m.error.stack;
            p.reject(err);
          } else p.resolve(m.result);
        });
        const fail = (err: Error) => {
          const list = instances.get(name) ?? [];
          instances.set(
            name,
            list.filter((i) => i !== instance),
          );
          reject(err);
          for (const [id, p] of pending)
            if (p.instance === instance) {
              pending.delete(id);
              p.reject(err);
            }
        };
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!closed) fail(new Error(`Function ${name} stopped (exit code ${code})`));
        });
      }),
    };
    instances.set(name, [...(instances.get(name) ?? []), instance]);
    return instance;
  }

  /** An idle instance, else a new one while under the cap, else the least busy. */
  function pick(name: FunctionName): Instance {
    const list = instances.get(name) ?? [];
    const idle = list.find((i) => i.inFlight === 0);
    if (idle) return idle;
    if (list.length < maxInstances) return start(name);
    return list.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
  }

  const invoke: Invoke = async (name, event) => {
    if (closed) throw new Error(`The local Lambda runtime is stopped (${name})`);
    const instance = pick(name);
    instance.inFlight++;
    let w: Worker;
    try {
      w = await instance.worker;
    } catch (err) {
      instance.inFlight--;
      throw err;
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { name, resolve, reject, instance });
      w.postMessage({ id, event });
    });
  };

  return {
    invoke,
    /**
     * Starts instances of a function until it has `count` (at most the cap), as invocations arriving at
     * once would, and waits until they are loaded.
     */
    async warm(name: FunctionName, count: number): Promise<void> {
      while ((instances.get(name)?.length ?? 0) < Math.min(count, maxInstances)) start(name);
      await Promise.all((instances.get(name) ?? []).map((i) => i.worker));
    },
    /** Stops every function's thread (in-flight invocations are abandoned, as when Lambda is torn down). */
    async close(): Promise<void> {
      closed = true;
      const all = await Promise.allSettled([...instances.values()].flat().map((i) => i.worker));
      await Promise.all(all.map((w) => (w.status === 'fulfilled' ? w.value.terminate() : undefined)));
      for (const p of pending.values()) p.reject(new Error('The local Lambda runtime stopped'));
      pending.clear();
    },
  };
}

export type LambdaRuntime = ReturnType<typeof createLambdaRuntime>;
