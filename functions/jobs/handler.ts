import { composeInvitations, suppressed } from '../../shared/compose/invitations.ts';
import { mailer } from '../../shared/compose/mail.ts';
import { dossiers, links, rounds } from '../../shared/compose/table.ts';
import type { JobEvent } from '../../shared/domain/round-schedule.ts';
import { clock, config } from '../../shared/runtime.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { makeRoundJobs } from '../../shared/usecases/round-jobs.ts';

const ses = mailer();
const invitations = composeInvitations(ses);

const jobs = makeRoundJobs({
  rounds: rounds(),
  dossiers: dossiers(),
  links: links(),
  mailer: ses,
  clock,
  publicBaseUrl: config.publicBaseUrl,
  coordinatorEmails: config.coordinatorEmails,
  invitations,
  suppressed,
});

export const handler = taskHandler((event: JobEvent) => jobs.run(event));
