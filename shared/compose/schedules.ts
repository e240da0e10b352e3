import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { Schedules } from '../adapters/scheduler/schedules.ts';
import { config } from '../runtime.ts';

/**
 * The round's EventBridge schedules, or undefined where there are none to move: locally SCHEDULE_NAME_PREFIX
 * is unset, because the local scheduler computes its times from the round in DynamoDB each time it looks,
 * so saving the round's new deadline moves the local schedules by itself.
 */
export const schedules = () =>
  config.scheduleNamePrefix ? new Schedules(new SchedulerClient({}), config.scheduleNamePrefix) : undefined;
