import { clock, config, tableStore } from '../runtime.ts';
import { makeCoordinatorSessions } from '../usecases/coordinator-session.ts';
import { mailer } from './mail.ts';
import { links, staff } from './table.ts';

/** Coordinator sign-in and sessions, as every function behind `/admin` checks them. */
export const coordinatorSessions = () =>
  makeCoordinatorSessions({
    store: tableStore(),
    links: links(),
    mailer: mailer(),
    clock,
    publicBaseUrl: config.publicBaseUrl,
    staff: staff(),
    adminEmail: config.adminEmail,
    secureCookies: config.stage !== 'local',
  });
