import { StoredFollowUps } from '../adapters/dynamodb/follow-ups.ts';
import type { JobStarter } from '../adapters/lambda/job-starter.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import { lambdaClient, schedulerClient } from '../clients.ts';
import { config, tableStore } from '../runtime.ts';
import { makeRoundJobs } from '../usecases/round-jobs.ts';
import { makeStaffDirectory } from '../usecases/staff-admin.ts';
import { bulkEmailDeps, composeInvitations } from './invitations.ts';
import { lazy } from './lazy.ts';
import { mailer } from './mail.ts';
import { scheduleTarget } from './schedules.ts';
import { staff } from './table.ts';

/**
 * Starts the jobs function: by name (JOBS_FUNCTION_NAME), or by the ARN of a run that continues itself.
 * Lambda's SDK is loaded by the first start.
 */
export const jobStarter = (functionName = config.jobsFunctionName): JobStarter =>
  lazy(async () => {
    const [{ LambdaJobStarter }, client] = await Promise.all([
      import('../adapters/lambda/job-starter.ts'),
      lambdaClient(),
    ]);
    return new LambdaJobStarter(client, functionName);
  });

/**
 * Where a run with claims in doubt schedules its follow-up: a one-time EventBridge schedule that invokes
 * this function (`targetArn`: its ARN as invoked) in AWS; locally an item the local scheduler runs.
 */
export const followUpScheduler = (targetArn: string) => {
  const target = scheduleTarget(() => targetArn);
  if (!target) return new StoredFollowUps(tableStore());
  // Scheduler's SDK is loaded by the first follow-up.
  return lazy(async () => {
    const [{ EventBridgeFollowUps }, client] = await Promise.all([
      import('../adapters/scheduler/schedules.ts'),
      schedulerClient(),
    ]);
    return new EventBridgeFollowUps(client, target);
  });
};

/** The round's jobs, as the jobs function runs them and the dashboard starts its follow-up emails. */
export const composeRoundJobs = (mail: Mailer = mailer()) =>
  makeRoundJobs({
    ...bulkEmailDeps(mail),
    coordinators: makeStaffDirectory(staff()).coordinators,
    invitations: composeInvitations(mail),
  });

/** The reconciler the recurring schedule runs (the jobs function alone talks to Step Functions for it). */
export const composeReconciler = async () => {
  const [{ makeReconciler }, { workflow }, { dossiers, rounds }, { clock, tableStore }] = await Promise.all([
    import('../usecases/reconciler.ts'),
    import('./workflow.ts'),
    import('./table.ts'),
    import('../runtime.ts'),
  ]);
  return makeReconciler({
    store: tableStore(),
    rounds: rounds(),
    dossiers: dossiers(),
    workflow: workflow(),
    clock,
  });
};
