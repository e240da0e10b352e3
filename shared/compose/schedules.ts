import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventBridgeRoundScheduler } from '../adapters/scheduler/schedules.ts';
import { required } from '../config.ts';
import { Env } from '../env.ts';
import { config } from '../runtime.ts';

/**
 * The rounds' EventBridge schedules, or undefined where there are none: locally SCHEDULE_GROUP_PREFIX is
 * unset, because the local scheduler computes its times from the rounds in DynamoDB each time it looks, so
 * saving a round moves the local schedules by itself.
 */
export const roundScheduler = () => {
  const target = config.scheduler;
  if (!target) return undefined;
  return new EventBridgeRoundScheduler(new SchedulerClient({}), {
    ...target,
    targetArn: required(target.targetArn, Env.schedulerTargetArn),
  });
};
