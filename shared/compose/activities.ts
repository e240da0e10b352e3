import { Activities } from '../adapters/dynamodb/activities.ts';
import { Members } from '../adapters/dynamodb/members.ts';
import { clock, config, tableStore } from '../runtime.ts';
import { type ActivityWorkflow, makeActivities } from '../usecases/activities.ts';
import { lazy } from './lazy.ts';
import { mailer } from './mail.ts';
import { rateLimiter } from './rate-limits.ts';
import { certificates, dossiers, links, rounds, staff } from './table.ts';
import { sfnClient } from './workflow.ts';

export const activityStore = () => new Activities(tableStore());

/** The activities' executions; Step Functions' SDK is loaded by the first proposal or decision. */
const activityWorkflow = (): ActivityWorkflow =>
  lazy(async () => {
    const [{ ActivityExecutions }, sfn] = await Promise.all([
      import('../adapters/sfn/activity-workflow.ts'),
      sfnClient(),
    ]);
    return new ActivityExecutions(sfn, config.stateMachineArn);
  });

/**
 * Activities as a function wires them: the table's adapters, SES, and (for the function that proposes and
 * decides) the workflow; the verify function's revocation cancels without it.
 */
export const composeActivities = (options: { workflow?: boolean; limited?: boolean } = {}) =>
  makeActivities({
    activities: activityStore(),
    links: links(),
    dossiers: dossiers(),
    certificates: certificates(),
    rounds: rounds(),
    staff: staff(),
    mailer: mailer(),
    clock,
    publicBaseUrl: config.publicBaseUrl,
    workflow: options.workflow ? activityWorkflow() : undefined,
    // The calendar links the member's directory profile (`DOSSIER#<id>` / `MEMBER`, its pointer).
    slugOf: (dossierId) => new Members(tableStore()).slugOfDossier(dossierId),
    // Only the function that emails proposal links counts them (the verify function's revocation does not).
    ...(options.limited ? { limiter: rateLimiter() } : {}),
  });
