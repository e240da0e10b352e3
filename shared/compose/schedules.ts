import type { RoundScheduler } from '../adapters/scheduler/schedules.ts';
import { schedulerClient } from '../clients.ts';
import { config } from '../runtime.ts';
import { lazy } from './lazy.ts';

/**
 * Where EventBridge schedules go (AWS only): the group prefix, the role Scheduler invokes with and the
 * dead-letter queue, with `targetArn` the function they invoke. Undefined where SCHEDULE_GROUP_PREFIX is
 * unset: locally, the local scheduler computes its times from the rounds in DynamoDB each time it looks,
 * so saving a round moves the local schedules by itself.
 */
export const scheduleTarget = (targetArn: () => string) =>
  config.scheduleGroupPrefix
    ? {
        groupPrefix: config.scheduleGroupPrefix,
        roleArn: config.schedulerRoleArn,
        deadLetterArn: config.schedulerDeadLetterArn,
        targetArn: targetArn(),
      }
    : undefined;

/**
 * The rounds' EventBridge schedules (they invoke the jobs function), or undefined where there are none.
 * Scheduler's SDK is loaded by the first change of a round's schedules.
 */
export const roundScheduler = (): RoundScheduler | undefined => {
  const target = scheduleTarget(() => config.schedulerTargetArn);
  return (
    target &&
    lazy(async () => {
      const [{ EventBridgeRoundScheduler }, client] = await Promise.all([
        import('../adapters/scheduler/schedules.ts'),
        schedulerClient(),
      ]);
      return new EventBridgeRoundScheduler(client, target);
    })
  );
};
