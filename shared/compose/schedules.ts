import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventBridgeRoundScheduler } from '../adapters/scheduler/schedules.ts';
import { config } from '../runtime.ts';

/**
 * The rounds' EventBridge schedules, or undefined where there are none: locally SCHEDULE_GROUP_PREFIX is
 * unset, because the local scheduler computes its times from the rounds in DynamoDB each time it looks, so
 * saving a round moves the local schedules by itself.
 */
export const roundScheduler = () =>
  config.scheduler ? new EventBridgeRoundScheduler(new SchedulerClient({}), config.scheduler) : undefined;
