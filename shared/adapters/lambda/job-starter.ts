import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { JobEvent } from '../../domain/round-schedule.ts';

/** Starts a run of the `jobs` function without waiting for it (Lambda asynchronous invocation). */
export interface JobStarter {
  start(event: JobEvent): Promise<void>;
}

export class LambdaJobStarter implements JobStarter {
  constructor(
    private readonly lambda: LambdaClient,
    /** The jobs function's name or ARN. */
    private readonly functionName: string,
  ) {}

  async start(event: JobEvent): Promise<void> {
    await this.lambda.send(
      new InvokeCommand({
        FunctionName: this.functionName,
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify(event)),
      }),
    );
  }
}
