import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';

/** Lambda's client, in a module loaded on first use (`compose/hand-over.ts`). */
export const makeLambdaClient = (): LambdaClient => new LambdaClient({});

/**
 * Starts `functionName` with `event` without waiting for it: Lambda's asynchronous invocation (202 once
 * queued; retried by Lambda, then the function's dead letters).
 */
export async function invokeEvent(lambda: LambdaClient, functionName: string, event: object): Promise<void> {
  await lambda.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'Event',
      Payload: Buffer.from(JSON.stringify(event)),
    }),
  );
}
