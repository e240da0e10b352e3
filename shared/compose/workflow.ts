import { SFNClient } from '@aws-sdk/client-sfn';
import { Workflow } from '../adapters/sfn/workflow.ts';
import { required } from '../config.ts';
import { Env } from '../env.ts';
import { config } from '../runtime.ts';

export const workflow = () =>
  new Workflow(new SFNClient({}), required(config.stateMachineArn, Env.stateMachineArn));
