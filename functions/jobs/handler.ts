import { mailer } from '../../shared/compose/mail.ts';
import { addresses, dossiers, links, rounds } from '../../shared/compose/table.ts';
import type { JobEvent } from '../../shared/domain/round-schedule.ts';
import { clock, config, tableStore } from '../../shared/runtime.ts';
import { taskHandler } from '../../shared/task-handler.ts';
import { makeInvitations, organizerOf } from '../../shared/usecases/invitations.ts';
import { makeRoundJobs } from '../../shared/usecases/round-jobs.ts';

const ses = mailer();
const suppressed = (email: string) => addresses().suppression(email);
const invitations = makeInvitations({
  store: tableStore(),
  rounds: rounds(),
  dossiers: dossiers(),
  links: links(),
  mailer: ses,
  clock,
  publicBaseUrl: config.publicBaseUrl,
  organizer: organizerOf(config.mailFrom),
  sendRatePerSecond: config.sendRatePerSecond,
  suppressed,
});

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
