import { type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { ActivityWorkflow } from '../../usecases/activities.ts';
import { Workflow } from './workflow.ts';

/**
 * The approval workflow's second kind (`kind: 'activity'`): one execution per activity, named by its id
 * (StartExecution is then idempotent: a retried proposal starts nothing new). Callbacks are the dossiers'.
 */
export class ActivityExecutions implements ActivityWorkflow {
  private readonly callbacks: Workflow;

  constructor(
    private readonly sfn: SFNClient,
    private readonly stateMachineArn: string,
  ) {
    this.callbacks = new Workflow(sfn, stateMachineArn);
  }

  async start(activityId: string): Promise<void> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: activityId,
          input: JSON.stringify({ kind: 'activity', activityId }),
        }),
      );
    } catch (err) {
      // The same name and input again: AWS answers with the running execution; an emulator may refuse.
      if ((err as { name?: string }).name !== 'ExecutionAlreadyExists') throw err;
    }
  }

  succeed(taskToken: string, output: unknown) {
    return this.callbacks.succeed(taskToken, output);
  }
}
