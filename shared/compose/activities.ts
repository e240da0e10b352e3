import { Activities } from '../adapters/dynamodb/activities.ts';
import { Members } from '../adapters/dynamodb/members.ts';
import { ActivityExecutions } from '../adapters/sfn/activity-workflow.ts';
import { sfnClient } from '../clients.ts';
import { clock, config, tableStore } from '../runtime.ts';
import { makeActivities } from '../usecases/activities.ts';
import { mailer } from './mail.ts';
import { rateLimiter } from './rate-limits.ts';
import { certificates, dossiers, links, rounds, staff } from './table.ts';

export const activityStore = () => new Activities(tableStore());

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
    workflow: options.workflow ? new ActivityExecutions(sfnClient(), config.stateMachineArn) : undefined,
    // The calendar links the member's directory profile (`DOSSIER#<id>` / `MEMBER`, its pointer).
    slugOf: (dossierId) => new Members(tableStore()).slugOfDossier(dossierId),
    // Only the function that emails proposal links counts them (the verify function's revocation does not).
    ...(options.limited ? { limiter: rateLimiter() } : {}),
  });
