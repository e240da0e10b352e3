import { Workflow } from '../adapters/sfn/workflow.ts';
import { sfnClient } from '../clients.ts';
import { config } from '../runtime.ts';

export const workflow = () => new Workflow(sfnClient(), config.stateMachineArn);
