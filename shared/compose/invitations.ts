import type { Mailer } from '../adapters/ses/mailer.ts';
import { clock, config, tableStore } from '../runtime.ts';
import { makeInvitations } from '../usecases/invitations.ts';
import { mailer } from './mail.ts';
import { addresses, dossiers, links, rounds } from './table.ts';

/** Addresses that bounced or complained: every bulk sender skips them. */
export const suppressed = () => addresses().marked();

/** What every sender of bulk emails is made of: the table's repositories, the mailer and the send settings. */
export const bulkEmailDeps = (mail: Mailer) => ({
  rounds: rounds(),
  dossiers: dossiers(),
  links: links(),
  mailer: mail,
  clock,
  publicBaseUrl: config.publicBaseUrl,
  sendRatePerSecond: config.sendRatePerSecond,
  suppressed,
});

/** Ceremony invitations as every function that sends or answers them needs them. */
export const composeInvitations = (mail: Mailer = mailer()) =>
  makeInvitations({
    ...bulkEmailDeps(mail),
    store: tableStore(),
    // The Centre's contact, a mailbox people read: calendar replies to a no-reply sender would be lost
    // (see `CalendarInvite` in shared/domain/ics.ts).
    organizer: { name: config.centreContact.name.vi, email: config.centreContact.email },
  });
