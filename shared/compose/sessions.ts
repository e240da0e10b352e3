import { clock, config, tableStore } from '../runtime.ts';
import { makeCoordinatorSessions, type SignInLinkEvent } from '../usecases/coordinator-session.ts';
import { handOverToJobs } from './hand-over.ts';
import { mailer } from './mail.ts';
import { rateLimiter } from './rate-limits.ts';
import { links, staff } from './table.ts';

/**
 * Coordinator sign-in and sessions, as every function behind `/admin` checks them. With `signInRequests`
 * (the admin function's `POST /admin/sign-in`): requests are rate limited per address and handed to the
 * jobs function (asynchronous invocation), which looks the address up and sends the link.
 */
export const coordinatorSessions = (options: { signInRequests?: boolean } = {}) =>
  makeCoordinatorSessions({
    store: tableStore(),
    links: links(),
    mailer: mailer(),
    clock,
    publicBaseUrl: config.publicBaseUrl,
    staff: staff(),
    adminEmail: config.adminEmail,
    secureCookies: config.stage !== 'local',
    ...(options.signInRequests
      ? { limiter: rateLimiter(), handOverSignIn: handOverToJobs<SignInLinkEvent>() }
      : {}),
  });
