import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type FunctionName, functions } from '../functions.ts';
import { asFunction, startSdkCallRecording } from '../permissions/recorder.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

// HCSN_SDK_CALL_LOG=<dir> records each function's AWS SDK requests for `npm run check:permissions`.
await startSdkCallRecording();

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

/** Invokes a function in-process; a thrown error keeps its name, which Lambda reports as the errorType. */
export async function invoke(name: FunctionName, event: unknown): Promise<unknown> {
  return asFunction(name, async () => {
    const handler = await loadHandler(name);
    return handler(structuredClone(event), lambdaContext(name));
  });
}
