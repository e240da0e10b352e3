import { LambdaClient } from '@aws-sdk/client-lambda';
import { LambdaJobStarter } from '../adapters/lambda/job-starter.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import { Env } from '../env.ts';
import { config } from '../runtime.ts';
import { makeRoundJobs } from '../usecases/round-jobs.ts';
import { makeStaffDirectory } from '../usecases/staff-admin.ts';
import { bulkEmailDeps, composeInvitations } from './invitations.ts';
import { mailer } from './mail.ts';
import { staff } from './table.ts';

/** Starts the jobs function: by name (JOBS_FUNCTION_NAME), or by the ARN of a run that continues itself. */
export const jobStarter = (functionName = config.jobsFunctionName) => {
  if (!functionName) throw new Error(`${Env.jobsFunctionName} is not set`);
  return new LambdaJobStarter(new LambdaClient({}), functionName);
};

/** The round's jobs, as the jobs function runs them and the dashboard starts its follow-up emails. */
export const composeRoundJobs = (mail: Mailer = mailer()) =>
  makeRoundJobs({
    ...bulkEmailDeps(mail),
    coordinators: makeStaffDirectory(staff()).coordinators,
    invitations: composeInvitations(mail),
  });
