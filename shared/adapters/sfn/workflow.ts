import {
  DescribeExecutionCommand,
  type ExecutionStatus,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { ExecutionInput } from '../../domain/workflow-contract.ts';

export type CallbackResult = 'delivered' | 'already-closed';

/** The approval workflow as the functions see it: start one execution per dossier, answer callbacks. */
export class Workflow {
  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  /** Idempotent: the execution name is the dossier id, and the input is the same on a retry. */
  async start(input: ExecutionInput): Promise<string> {
    const out = await this.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: this.stateMachineArn,
        name: input.dossierId,
        input: JSON.stringify({ dossierId: input.dossierId, roundId: input.roundId }),
      }),
    );
    return out.executionArn!;
  }

  /** The status of a dossier's execution, or `missing` when it was never started. */
  async executionStatus(dossierId: string): Promise<ExecutionStatus | 'missing'> {
    const executionArn = `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${dossierId}`;
    try {
      const out = await this.sfn.send(new DescribeExecutionCommand({ executionArn }));
      return out.status ?? 'missing';
    } catch (err) {
      if ((err as { name?: string }).name === 'ExecutionDoesNotExist') return 'missing';
      throw err;
    }
  }

  /** TaskTimedOut / TaskDoesNotExist mean the task is already closed: not an error for the caller. */
  async succeed(taskToken: string, output: unknown): Promise<CallbackResult> {
    return this.deliver(() =>
      this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) })),
    );
  }

  async fail(taskToken: string, error: string, cause: string): Promise<CallbackResult> {
    return this.deliver(() => this.sfn.send(new SendTaskFailureCommand({ taskToken, error, cause })));
  }

  private async deliver(call: () => Promise<unknown>): Promise<CallbackResult> {
    try {
      await call();
      return 'delivered';
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'TaskTimedOut' || name === 'TaskDoesNotExist' || name === 'InvalidToken')
        return 'already-closed';
      throw err;
    }
  }
}
