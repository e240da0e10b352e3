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

/**
 * The local system's Lambda service: each function runs in a worker thread of its own, started on its
 * first invocation with exactly the environment `environmentFor(name)` gives it (its own variables, not
 * the union of all), so a function reading a variable it did not declare fails locally as in AWS.
 */
export function createLambdaRuntime(environmentFor: (name: FunctionName) => Record<string, string>) {
  const workers = new Map<FunctionName, Promise<Worker>>();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;

  function start(name: FunctionName): Promise<Worker> {
    return new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(new URL('./lambda-worker.ts', import.meta.url), {
        workerData: { name },
        env: environmentFor(name),
        execArgv: ['--import', 'tsx'],
      });
      worker.on('message', (m: { ready?: number; id?: number; result?: unknown; error?: Error }) => {
        if (m.ready !== undefined) return resolve(worker);
        const p = pending.get(m.id!);
        if (!p) return;
        pending.delete(m.id!);
        if (m.error) {
          const err = new Error(m.error.message);
          err.name = m.error.name;
          err.stack = m.error.stack;
          p.reject(err);
        } else p.resolve(m.result);
      });
      const fail = (err: Error) => {
        workers.delete(name);
        reject(err);
        for (const [id, p] of pending)
          if (p.name === name) {
            pending.delete(id);
            p.reject(err);
          }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!closed) fail(new Error(`Function ${name} stopped (exit code ${code})`));
      });
    });
  }

  const invoke: Invoke = async (name, event) => {
    if (closed) throw new Error(`The local Lambda runtime is stopped (${name})`);
    let worker = workers.get(name);
    if (!worker) {
      worker = start(name);
      workers.set(name, worker);
    }
    const w = await worker;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { name, resolve, reject });
      w.postMessage({ id, event });
    });
  };

  return {
    invoke,
    /** Stops every function's thread (in-flight invocations are abandoned, as when Lambda is torn down). */
    async close(): Promise<void> {
      closed = true;
      const all = await Promise.allSettled([...workers.values()]);
      await Promise.all(all.map((w) => (w.status === 'fulfilled' ? w.value.terminate() : undefined)));
      for (const p of pending.values()) p.reject(new Error('The local Lambda runtime stopped'));
      pending.clear();
    },
  };
}

export type LambdaRuntime = ReturnType<typeof createLambdaRuntime>;
